package dev.blazebench.reports.claims;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a measured figure is held against a claim's threshold. */
public enum Comparison {
  AT_LEAST(">="),
  AT_MOST("<="),
  EQUAL("=="),
  /** Within {@code tolerance} (a fraction of the threshold) either side. */
  APPROXIMATELY("approx");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  @JsonValue
  public String symbol() {
    return symbol;
  }

  @JsonCreator
  public static Comparison ofSymbol(String symbol) {
    for (Comparison comparison : values()) {
      if (comparison.symbol.equals(symbol)) {
        return comparison;
      }
    }
    throw new IllegalArgumentException(
        "unknown comparison \"" + symbol + "\" (expected >=, <=, == or approx)");
  }

  /** Whether {@code measured} meets {@code threshold}. */
  public boolean holds(double measured, double threshold, double tolerance) {
    return switch (this) {
      case AT_LEAST -> measured >= threshold;
      case AT_MOST -> measured <= threshold;
      case EQUAL -> measured == threshold;
      case APPROXIMATELY -> Math.abs(measured - threshold) <= tolerance * Math.abs(threshold);
    };
  }
}
