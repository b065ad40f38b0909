package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.ArrayValue;
import dev.blazebench.binary.BlazeValue.BoolValue;
import dev.blazebench.binary.BlazeValue.DataValue;
import dev.blazebench.binary.BlazeValue.DictionaryValue;
import dev.blazebench.binary.BlazeValue.NullValue;
import dev.blazebench.binary.BlazeValue.StringValue;
import dev.blazebench.binary.BlazeValue.UuidValue;
import dev.blazebench.binary.BlazeValue.VectorValue;
import dev.blazebench.binary.KeyOrder;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The order of values: for the filters {@code gt gte lt lte} (which only compare values of one
 * kind) and, extended to every pair of values, for sorting and {@code min}/{@code max}.
 *
 * <p>Within a kind, as BlazeDB's {@code compareFields}:
 *
 * <ul>
 *   <li>numbers: ints, doubles and dates together, by value ({@link NumberOrder}); a date counts as
 *       its seconds since 2001-01-01Z;
 *   <li>strings: NFC-normalised, then by Unicode code point (Swift's {@code <}, the order {@link
 *       KeyOrder} writes field names in);
 *   <li>UUIDs: by their text (all hex digits the same case), which is the unsigned order of their
 *       16 bytes; a string that spells a UUID compares as that UUID in filters;
 *   <li>bools: false before true; data: shorter first (BlazeDB compares only the length), then by
 *       unsigned bytes so that the order is total.
 * </ul>
 *
 * <p>Filters: a pair of different kinds, a NaN, or arrays, dictionaries and vectors are not
 * ordered, so an ordering filter on them does not match (it never throws), as in BlazeDB.
 *
 * <p>Sorting needs a total order, which BlazeDB lacks (its comparator answers "not less" both ways
 * for mixed types). Kinds sort in this order: bool, number, string, UUID, data, array, dictionary,
 * vector; NaN after every other number; arrays and vectors item by item then shorter first;
 * dictionaries are all equal to each other. (Missing and null fields are placed by {@link
 * RecordOrder}, never compared here.)
 */
public final class ValueOrder {

  private static final int BOOL = 0;
  private static final int NUMBER = 1;
  private static final int STRING = 2;
  private static final int UUID_KIND = 3;
  private static final int DATA = 4;
  private static final int ARRAY = 5;
  private static final int DICTIONARY = 6;
  private static final int VECTOR = 7;
  private static final int NULL = 8;

  private ValueOrder() {}

  /**
   * The sign of {@code field - operand} for an ordering filter, or null when the two are not
   * ordered (different kinds, NaN, containers): the filter then does not match.
   */
  public static Integer compareForFilter(BlazeValue field, BlazeValue operand) {
    int kind = kind(field);
    int operandKind = kind(operand);
    if (kind == NUMBER && operandKind == NUMBER) {
      int c = NumberOrder.compareExact(field, operand);
      return c == NumberOrder.UNORDERED ? null : c;
    }
    if (kind == UUID_KIND && operandKind == STRING) {
      UUID parsed = UuidText.parseOrNull(((StringValue) operand).value());
      return parsed == null ? null : compareUuids(((UuidValue) field).value(), parsed);
    }
    if (kind == STRING && operandKind == UUID_KIND) {
      UUID parsed = UuidText.parseOrNull(((StringValue) field).value());
      return parsed == null ? null : compareUuids(parsed, ((UuidValue) operand).value());
    }
    if (kind != operandKind || kind >= ARRAY) {
      return null;
    }
    return compareSameKind(kind, field, operand);
  }

  /** A total order over all non-null values, for sorting and min/max (see the class comment). */
  public static int compare(BlazeValue a, BlazeValue b) {
    int kind = kind(a);
    int other = kind(b);
    if (kind != other) {
      return Integer.compare(kind, other);
    }
    return compareSameKind(kind, a, b);
  }

  private static int compareSameKind(int kind, BlazeValue a, BlazeValue b) {
    switch (kind) {
      case BOOL:
        return Boolean.compare(((BoolValue) a).value(), ((BoolValue) b).value());
      case NUMBER:
        return NumberOrder.compareTotal(a, b);
      case STRING:
        return Integer.signum(
            KeyOrder.INSTANCE.compare(((StringValue) a).value(), ((StringValue) b).value()));
      case UUID_KIND:
        return compareUuids(((UuidValue) a).value(), ((UuidValue) b).value());
      case DATA:
        return compareData((DataValue) a, (DataValue) b);
      case ARRAY:
        return compareArrays(((ArrayValue) a).items(), ((ArrayValue) b).items());
      case VECTOR:
        return compareVectors((VectorValue) a, (VectorValue) b);
      default: // dictionaries, nulls: no order among them
        return 0;
    }
  }

  private static int kind(BlazeValue value) {
    if (NumberOrder.isNumeric(value)) {
      return NUMBER;
    }
    if (value instanceof StringValue) {
      return STRING;
    }
    if (value instanceof BoolValue) {
      return BOOL;
    }
    if (value instanceof UuidValue) {
      return UUID_KIND;
    }
    if (value instanceof DataValue) {
      return DATA;
    }
    if (value instanceof ArrayValue) {
      return ARRAY;
    }
    if (value instanceof DictionaryValue) {
      return DICTIONARY;
    }
    if (value instanceof VectorValue) {
      return VECTOR;
    }
    if (value instanceof NullValue) {
      return NULL;
    }
    throw new AssertionError("unknown value type " + value.getClass());
  }

  /** Unsigned order of the 16 bytes, which is the order of the text form (one case). */
  static int compareUuids(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    if (c != 0) {
      return c;
    }
    return Integer.signum(
        Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()));
  }

  private static int compareData(DataValue a, DataValue b) {
    if (a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    return Integer.signum(Arrays.compareUnsigned(a.bytes(), b.bytes()));
  }

  private static int compareArrays(List<BlazeValue> a, List<BlazeValue> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      BlazeValue x = a.get(i);
      BlazeValue y = b.get(i);
      int c = compare(x, y);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareVectors(VectorValue a, VectorValue b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      float x = a.get(i);
      float y = b.get(i);
      if (x < y) {
        return -1;
      }
      if (x > y) {
        return 1;
      }
      int nan = Boolean.compare(Float.isNaN(x), Float.isNaN(y));
      if (nan != 0) {
        return nan;
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
