package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.DateValue;
import dev.blazebench.binary.BlazeValue.DoubleValue;
import dev.blazebench.binary.BlazeValue.IntValue;

/**
 * Orders the numeric values: ints, doubles, and dates as their seconds since 2001-01-01Z (BlazeDB
 * compares a date with a number that way, since apps store timestamps as numbers).
 *
 * <p>An int and a double compare as the exact numbers they are. Converting the int to a double
 * first, as BlazeDB does, rounds above 2^53 and breaks transitivity, which a sort cannot afford.
 */
final class NumberOrder {

  /** {@link #compareExact} result when a NaN makes the pair unordered. */
  static final int UNORDERED = Integer.MIN_VALUE;

  /** 2^63 as a double: the smallest double above every long. */
  private static final double TWO_POW_63 = 0x1p63;

  private NumberOrder() {}

  /** True for an int, a double or a date. */
  static boolean isNumeric(BlazeValue value) {
    return value instanceof IntValue || value instanceof DoubleValue || value instanceof DateValue;
  }

  /** The value as a double: a date gives its seconds since 2001-01-01Z. */
  static double asDouble(BlazeValue value) {
    if (value instanceof IntValue x) {
      return x.value();
    }
    if (value instanceof DoubleValue x) {
      return x.value();
    }
    return ((DateValue) value).secondsSinceReferenceDate();
  }

  /**
   * The sign of {@code a - b} for two numeric values, exactly; {@link #UNORDERED} when either is
   * NaN. {@code -0.0} and {@code 0.0} are equal.
   */
  static int compareExact(BlazeValue a, BlazeValue b) {
    if (a instanceof IntValue x) {
      if (b instanceof IntValue y) {
        return Long.compare(x.value(), y.value());
      }
      double d = asDouble(b);
      return Double.isNaN(d) ? UNORDERED : compareLongToDouble(x.value(), d);
    }
    if (b instanceof IntValue y) {
      double d = asDouble(a);
      return Double.isNaN(d) ? UNORDERED : -compareLongToDouble(y.value(), d);
    }
    double p = asDouble(a);
    double q = asDouble(b);
    if (Double.isNaN(p) || Double.isNaN(q)) {
      return UNORDERED;
    }
    return p < q ? -1 : (p > q ? 1 : 0);
  }

  /** A total order for sorting: {@link #compareExact}, with NaN after every number. */
  static int compareTotal(BlazeValue a, BlazeValue b) {
    int c = compareExact(a, b);
    if (c != UNORDERED) {
      return c;
    }
    return Boolean.compare(isNaN(a), isNaN(b));
  }

  private static boolean isNaN(BlazeValue value) {
    return !(value instanceof IntValue) && Double.isNaN(asDouble(value));
  }

  /** Sign of {@code l - d} without rounding {@code l}; {@code d} is not NaN. */
  static int compareLongToDouble(long l, double d) {
    if (d >= TWO_POW_63) {
      return -1;
    }
    if (d < -TWO_POW_63) {
      return 1;
    }
    // d is in [-2^63, 2^63): its integer part fits a long, and both steps below are exact.
    long whole = (long) d;
    if (l != whole) {
      return Long.compare(l, whole);
    }
    double fraction = d - whole;
    return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
  }
}
