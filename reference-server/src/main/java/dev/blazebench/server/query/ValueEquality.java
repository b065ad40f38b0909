package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.ArrayValue;
import dev.blazebench.binary.BlazeValue.BoolValue;
import dev.blazebench.binary.BlazeValue.DataValue;
import dev.blazebench.binary.BlazeValue.DateValue;
import dev.blazebench.binary.BlazeValue.DictionaryValue;
import dev.blazebench.binary.BlazeValue.DoubleValue;
import dev.blazebench.binary.BlazeValue.IntValue;
import dev.blazebench.binary.BlazeValue.NullValue;
import dev.blazebench.binary.BlazeValue.StringValue;
import dev.blazebench.binary.BlazeValue.UuidValue;
import dev.blazebench.binary.BlazeValue.VectorValue;
import dev.blazebench.binary.KeyOrder;
import java.util.UUID;

/**
 * When two values are equal for the filters {@code eq}, {@code ne}, {@code in} and {@code contains}
 * (array items): BlazeDB's {@code fieldsEqual}, with its rules made exact.
 *
 * <ul>
 *   <li>An int and a double are equal when they are the same number, compared exactly (BlazeDB
 *       converts the int to a double first, which makes 2^53 + 1 equal 2^53). Doubles compare as
 *       IEEE numbers: {@code -0.0 == 0.0}, NaN equals nothing.
 *   <li>A date equals a date at the same instant, and an int or double within one millisecond of
 *       its seconds since 2001-01-01Z (BlazeDB's tolerance: dates stored as numbers).
 *   <li>Strings are equal when canonically equivalent (NFC), as Swift's {@code ==} says.
 *   <li>A UUID equals the same UUID, or a string spelling it ({@link UuidText}, either case).
 *   <li>Bools, data (bytes) and vectors (element-wise, as numbers) compare by content.
 *   <li>Arrays are equal item by item, dictionaries key by key, under these same rules.
 *   <li>Null equals null (inside containers; a null field matches no {@code eq}).
 *   <li>Any other pair of types is unequal; nothing throws.
 * </ul>
 */
public final class ValueEquality {

  /** BlazeDB's tolerance between a date and a number of seconds: one millisecond. */
  static final double DATE_NUMBER_TOLERANCE_SECONDS = 0.001;

  private ValueEquality() {}

  /** True when {@code a} and {@code b} are equal under the rules above. */
  public static boolean equal(BlazeValue a, BlazeValue b) {
    if (a instanceof StringValue x) {
      if (b instanceof StringValue y) {
        return KeyOrder.sameKey(x.value(), y.value());
      }
      return b instanceof UuidValue y && y.value().equals(UuidText.parseOrNull(x.value()));
    }
    if (a instanceof IntValue || a instanceof DoubleValue || a instanceof DateValue) {
      return numbersEqual(a, b);
    }
    if (a instanceof UuidValue x) {
      if (b instanceof UuidValue y) {
        return x.value().equals(y.value());
      }
      if (b instanceof StringValue y) {
        UUID parsed = UuidText.parseOrNull(y.value());
        return x.value().equals(parsed);
      }
      return false;
    }
    if (a instanceof BoolValue x) {
      return b instanceof BoolValue y && x.value() == y.value();
    }
    if (a instanceof DataValue x) {
      return b instanceof DataValue y && x.equals(y);
    }
    if (a instanceof ArrayValue x) {
      return b instanceof ArrayValue y && arraysEqual(x, y);
    }
    if (a instanceof DictionaryValue x) {
      return b instanceof DictionaryValue y && dictionariesEqual(x.entries(), y.entries());
    }
    if (a instanceof VectorValue x) {
      return b instanceof VectorValue y && vectorsEqual(x, y);
    }
    return a instanceof NullValue && b instanceof NullValue;
  }

  private static boolean numbersEqual(BlazeValue a, BlazeValue b) {
    if (a instanceof DateValue x) {
      if (b instanceof DateValue y) {
        return x.secondsSinceReferenceDate() == y.secondsSinceReferenceDate();
      }
      return isPlainNumber(b) && dateNearNumber(x, b);
    }
    if (b instanceof DateValue y) {
      return isPlainNumber(a) && dateNearNumber(y, a);
    }
    if (!isPlainNumber(b)) {
      return false;
    }
    // Both int or double: exact comparison; NaN is unordered, so never equal.
    return NumberOrder.compareExact(a, b) == 0;
  }

  private static boolean isPlainNumber(BlazeValue value) {
    return value instanceof IntValue || value instanceof DoubleValue;
  }

  private static boolean dateNearNumber(DateValue date, BlazeValue number) {
    double seconds = NumberOrder.asDouble(number);
    return Math.abs(date.secondsSinceReferenceDate() - seconds) < DATE_NUMBER_TOLERANCE_SECONDS;
  }

  private static boolean arraysEqual(ArrayValue a, ArrayValue b) {
    if (a.items().size() != b.items().size()) {
      return false;
    }
    for (int i = 0; i < a.items().size(); i++) {
      if (!equal(a.items().get(i), b.items().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean dictionariesEqual(BlazeRecord a, BlazeRecord b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      BlazeValue other = b.get(a.nameAt(i)); // canonical-equivalent name lookup
      if (other == null || !equal(a.valueAt(i), other)) {
        return false;
      }
    }
    return true;
  }

  private static boolean vectorsEqual(VectorValue a, VectorValue b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (a.get(i) != b.get(i)) { // IEEE: -0.0 == 0.0, NaN != NaN, like Swift's [Double] ==
        return false;
      }
    }
    return true;
  }
}
