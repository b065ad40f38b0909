package dev.blazebench.server.store;

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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Keys of an ordered field index: {@code [kind][value prefix][16-byte id]}, compared as unsigned
 * bytes.
 *
 * <p>The part before the id (the <em>run key</em>) is a monotone coarsening of {@link
 * dev.blazebench.server.query.ValueOrder#compare}: if value a sorts before value b then run key(a)
 * &le; run key(b). Equal run keys may hold values that are not equal (two strings sharing their
 * first {@value #STRING_PREFIX_BYTES} bytes, an int above 2^53 and its nearest double, two arrays);
 * readers re-sort each run of equal run keys with the exact comparator, so the index only has to
 * get the order of runs right. Missing and null values get the last kind, after every value.
 */
final class IndexKeys {

  static final int STRING_PREFIX_BYTES = 24;
  static final int DATA_PREFIX_BYTES = 16;

  /** The kind byte of a missing or null field: after every value. */
  static final byte ABSENT = (byte) 0xFF;

  private static final byte BOOL = 0;
  private static final byte NUMBER = 1;
  private static final byte STRING = 2;
  private static final byte UUID_KIND = 3;
  private static final byte DATA = 4;
  private static final byte ARRAY = 5;
  private static final byte DICTIONARY = 6;
  private static final byte VECTOR = 7;

  /** The smallest key of the absent kind; every value's key is below it. */
  static final byte[] FIRST_ABSENT_KEY = {ABSENT};

  private IndexKeys() {}

  /** The index key of {@code record} for {@code field}. */
  static byte[] key(BlazeRecord record, String field, UUID id) {
    BlazeValue value = record.get(field);
    byte[] run = runKey(value == null || value instanceof NullValue ? null : value);
    byte[] key = Arrays.copyOf(run, run.length + RecordKeys.KEY_BYTES);
    System.arraycopy(RecordKeys.toKey(id), 0, key, run.length, RecordKeys.KEY_BYTES);
    return key;
  }

  /** The id at the end of an index key. */
  static UUID idOf(byte[] key) {
    return RecordKeys.fromKey(
        Arrays.copyOfRange(key, key.length - RecordKeys.KEY_BYTES, key.length));
  }

  /** True when two index keys belong to the same run (equal run keys). */
  static boolean sameRun(byte[] a, byte[] b) {
    int runLength = a.length - RecordKeys.KEY_BYTES;
    return b.length == a.length && Arrays.equals(a, 0, runLength, b, 0, runLength);
  }

  private static byte[] runKey(BlazeValue value) {
    if (value == null) {
      return new byte[] {ABSENT};
    }
    if (value instanceof BoolValue b) {
      return new byte[] {BOOL, (byte) (b.value() ? 1 : 0)};
    }
    if (value instanceof IntValue || value instanceof DoubleValue || value instanceof DateValue) {
      return ByteBuffer.allocate(9).put(NUMBER).putLong(orderedBits(numberOf(value))).array();
    }
    if (value instanceof StringValue s) {
      byte[] utf8 = KeyOrder.normalize(s.value()).getBytes(StandardCharsets.UTF_8);
      return withPrefix(STRING, utf8, STRING_PREFIX_BYTES, 0);
    }
    if (value instanceof UuidValue u) {
      return withPrefix(UUID_KIND, RecordKeys.toKey(u.value()), RecordKeys.KEY_BYTES, 0);
    }
    if (value instanceof DataValue d) {
      // Shorter first, then bytes: the length leads.
      return withPrefix(DATA, d.bytes(), DATA_PREFIX_BYTES, d.length());
    }
    if (value instanceof ArrayValue) {
      return new byte[] {ARRAY};
    }
    if (value instanceof DictionaryValue) {
      return new byte[] {DICTIONARY};
    }
    if (value instanceof VectorValue) {
      return new byte[] {VECTOR};
    }
    throw new AssertionError("unknown value type " + value.getClass());
  }

  /**
   * The number as a double, rounded to nearest: monotone for ints (a &lt; b gives round(a) &le;
   * round(b)), exact for doubles and dates (seconds since 2001).
   */
  private static double numberOf(BlazeValue value) {
    if (value instanceof IntValue x) {
      return (double) x.value();
    }
    if (value instanceof DoubleValue x) {
      return x.value();
    }
    return ((DateValue) value).secondsSinceReferenceDate();
  }

  /** Bits whose unsigned order is the numeric order; -0.0 is 0.0, NaN is after +infinity. */
  private static long orderedBits(double d) {
    if (Double.isNaN(d)) {
      return -1L; // all ones: the largest unsigned value
    }
    long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  /** {@code [kind][optional u32 length][first prefixBytes of bytes, zero-padded]}. */
  private static byte[] withPrefix(byte kind, byte[] bytes, int prefixBytes, int length) {
    boolean withLength = kind == DATA;
    ByteBuffer out = ByteBuffer.allocate(1 + (withLength ? 4 : 0) + prefixBytes).put(kind);
    if (withLength) {
      out.putInt(length);
    }
    // Truncating and zero-padding keep byte order monotone: 0x00 is the least byte.
    out.put(bytes, 0, Math.min(bytes.length, prefixBytes));
    return out.array();
  }
}
