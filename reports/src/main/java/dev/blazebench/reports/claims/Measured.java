package dev.blazebench.reports.claims;

import java.util.Objects;

/**
 * The value of a metric in one run, or why the run has none (an API or scenario it did not measure,
 * a figure it did not record). Arithmetic on a missing value stays missing and keeps the first
 * reason, so a verdict can say exactly what was absent.
 */
public final class Measured {

  private final double value;
  private final String missingReason;

  private Measured(double value, String missingReason) {
    this.value = value;
    this.missingReason = missingReason;
  }

  public static Measured of(double value) {
    if (!Double.isFinite(value)) {
      return missing("not a finite number");
    }
    return new Measured(value, null);
  }

  public static Measured missing(String reason) {
    return new Measured(Double.NaN, Objects.requireNonNull(reason, "reason"));
  }

  public boolean isPresent() {
    return missingReason == null;
  }

  /** The value; only meaningful when {@link #isPresent()}. */
  public double value() {
    if (!isPresent()) {
      throw new IllegalStateException("no value: " + missingReason);
    }
    return value;
  }

  /** Why there is no value; null when there is one. */
  public String missingReason() {
    return missingReason;
  }

  @Override
  public String toString() {
    return isPresent() ? Double.toString(value) : "missing (" + missingReason + ")";
  }
}
