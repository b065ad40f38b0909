package dev.blazebench.harness.gate;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --threshold}: a percentage ({@code 5%}, {@code 2.5%}) or a fraction ({@code 0.05}),
 * into a fraction. A bare number of 1 or more is refused: "5" could mean 5% or 500%.
 */
final class ThresholdConverter implements ITypeConverter<Double> {

  @Override
  public Double convert(String text) {
    String trimmed = text.trim();
    double fraction;
    try {
      fraction =
          trimmed.endsWith("%")
              ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1).trim()) / 100
              : Double.parseDouble(trimmed);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "'"
              + text
              + "' is not a threshold: write a percentage such as 5% or a fraction such as"
              + " 0.05");
    }
    if (!trimmed.endsWith("%") && fraction >= 1) {
      throw new TypeConversionException(
          String.format(
              Locale.US,
              "'%s' is ambiguous: write %s%% for a percentage or a fraction below 1",
              text,
              trimmed));
    }
    if (!(fraction >= 0 && fraction < 1)) {
      throw new TypeConversionException("'" + text + "' must be at least 0% and below 100%");
    }
    return fraction;
  }
}
