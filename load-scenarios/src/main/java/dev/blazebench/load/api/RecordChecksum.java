package dev.blazebench.load.api;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.util.UUID;

/**
 * The checksum every scenario checks answers with, defined on values rather than on any one
 * representation, so that a record decoded from BlazeBinary, from JSON or from a Protobuf {@code
 * Bug} hashes the same and every API is checked against the same reference answer.
 *
 * <p>A record's hash combines its fields' hashes without regard to field order (formats order
 * fields differently); a list's checksum is order-sensitive ({@link Accumulator}), so a path that
 * returns the right records in the wrong order, or the right number of wrong records, fails.
 * Computing a hash touches every decoded value, so no client can skip decoding and look fast.
 *
 * <p>Value hashes: strings by {@link String#hashCode()}, ints and doubles by their 64 bits, uuids
 * by their two halves, dates by the bits of BlazeBinary's double (seconds since 2001), arrays in
 * order, dictionaries as records; each mixed with its type, then through SplitMix64's finaliser.
 */
public final class RecordChecksum {

  private static final long STRING = 0x5354_5249_4E47_0001L;
  private static final long INT = 0x494E_5400_0000_0002L;
  private static final long DOUBLE = 0x444F_5542_4C45_0003L;
  private static final long BOOL = 0x424F_4F4C_0000_0004L;
  private static final long UUID_TAG = 0x5555_4944_0000_0005L;
  private static final long DATE = 0x4441_5445_0000_0006L;
  private static final long DATA = 0x4441_5441_0000_0007L;
  private static final long ARRAY = 0x4152_5241_5900_0008L;
  private static final long DICTIONARY = 0x4449_4354_0000_0009L;
  private static final long VECTOR = 0x5645_4354_4F52_000AL;
  private static final long NULL = 0x4E55_4C4C_0000_000BL;
  private static final long FIELD = 0x9E37_79B9_7F4A_7C15L;
  private static final long LIST_PRIME = 1_000_003L;

  private RecordChecksum() {}

  /** The hash of one record: its fields, in any order. */
  public static long ofRecord(BlazeRecord record) {
    long fields = 0;
    for (int i = 0; i < record.size(); i++) {
      fields += field(record.nameAt(i), value(record.valueAt(i)));
    }
    return record(fields, record.size());
  }

  /**
   * A record's hash from the sum of its {@link #field} hashes and its field count (for
   * representations that walk their fields themselves).
   */
  public static long record(long fieldHashSum, int fieldCount) {
    return mix(fieldHashSum ^ (fieldCount * FIELD));
  }

  /** One field's contribution: its name and its value's hash. */
  public static long field(String name, long valueHash) {
    return mix(name.hashCode() * FIELD + valueHash);
  }

  /** The hash of any value. */
  public static long value(BlazeValue value) {
    if (value instanceof BlazeValue.StringValue s) {
      return string(s.value());
    } else if (value instanceof BlazeValue.IntValue i) {
      return integer(i.value());
    } else if (value instanceof BlazeValue.DoubleValue d) {
      return mix(DOUBLE + d.bits());
    } else if (value instanceof BlazeValue.BoolValue b) {
      return mix(BOOL + (b.value() ? 1 : 0));
    } else if (value instanceof BlazeValue.UuidValue u) {
      return uuid(u.value());
    } else if (value instanceof BlazeValue.DateValue date) {
      return dateBits(date.bits());
    } else if (value instanceof BlazeValue.DataValue data) {
      return mix(DATA + data.hashCode());
    } else if (value instanceof BlazeValue.ArrayValue array) {
      long h = ARRAY;
      for (BlazeValue item : array.items()) {
        h = arrayItem(h, value(item));
      }
      return mix(h);
    } else if (value instanceof BlazeValue.DictionaryValue dictionary) {
      return mix(DICTIONARY + ofRecord(dictionary.entries()));
    } else if (value instanceof BlazeValue.VectorValue vector) {
      long h = VECTOR;
      for (int i = 0; i < vector.length(); i++) {
        h = h * 31 + Float.floatToIntBits(vector.get(i));
      }
      return mix(h);
    }
    return mix(NULL);
  }

  public static long string(String value) {
    return mix(STRING + value.hashCode());
  }

  public static long integer(long value) {
    return mix(INT + value);
  }

  public static long uuid(UUID value) {
    return uuid(value.getMostSignificantBits(), value.getLeastSignificantBits());
  }

  public static long uuid(long mostSignificantBits, long leastSignificantBits) {
    return mix(UUID_TAG + mostSignificantBits * 31 + leastSignificantBits);
  }

  /** A date by the bits of its BlazeBinary double (seconds since 2001-01-01Z). */
  public static long dateBits(long bits) {
    return mix(DATE + bits);
  }

  /** The start of an array's hash; add items with {@link #arrayItem}, finish with {@link #mix}. */
  public static long arrayStart() {
    return ARRAY;
  }

  public static long arrayItem(long arrayHash, long itemHash) {
    return arrayHash * 31 + itemHash;
  }

  /** SplitMix64's finaliser: spreads every input bit over the whole result. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The checksum of a list of records, added one at a time, in order: a stream's batches add up to
   * the same checksum as one answer holding the same records.
   */
  public static final class Accumulator {
    private long hash = 17;
    private long count;

    public void add(long recordHash) {
      hash = hash * LIST_PRIME + recordHash;
      count++;
    }

    public long count() {
      return count;
    }

    public long value() {
      return mix(hash + count * FIELD);
    }
  }
}
