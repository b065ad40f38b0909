package dev.blazebench.binary;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One BlazeBinary field value: the eleven types of the format, immutable.
 *
 * <p>Doubles and dates keep their exact IEEE-754 bits ({@code -0.0}, NaN payloads), so a decoded
 * value re-encodes to the same bytes. A date is a double count of seconds since
 * 2001-01-01T00:00:00Z, as Swift's {@code Date} stores it; it is never rounded to milliseconds.
 *
 * <pre>{@code
 * BlazeValue title = BlazeValue.string("Fix login bug");
 * BlazeValue when = BlazeValue.date(Instant.parse("2025-11-14T10:30:00Z"));
 * BlazeValue tags = BlazeValue.array(List.of(BlazeValue.string("auth"), BlazeValue.integer(3)));
 * }</pre>
 */
public sealed interface BlazeValue
    permits BlazeValue.StringValue,
        BlazeValue.IntValue,
        BlazeValue.DoubleValue,
        BlazeValue.BoolValue,
        BlazeValue.UuidValue,
        BlazeValue.DateValue,
        BlazeValue.DataValue,
        BlazeValue.ArrayValue,
        BlazeValue.DictionaryValue,
        BlazeValue.VectorValue,
        BlazeValue.NullValue {

  /** Seconds from 1970-01-01T00:00:00Z to Swift's reference date 2001-01-01T00:00:00Z. */
  long REFERENCE_DATE_UNIX_SECONDS = 978_307_200L;

  /** The type's name as the typed JSON form and error messages spell it. */
  String typeName();

  static StringValue string(String value) {
    return new StringValue(value);
  }

  static IntValue integer(long value) {
    return new IntValue(value);
  }

  static DoubleValue number(double value) {
    return new DoubleValue(Double.doubleToRawLongBits(value));
  }

  static DoubleValue numberFromBits(long bits) {
    return new DoubleValue(bits);
  }

  static BoolValue bool(boolean value) {
    return value ? BoolValue.TRUE : BoolValue.FALSE;
  }

  static UuidValue uuid(UUID value) {
    return new UuidValue(value);
  }

  /** A date at {@code secondsSinceReferenceDate} (seconds since 2001-01-01T00:00:00Z). */
  static DateValue dateSinceReferenceDate(double secondsSinceReferenceDate) {
    return new DateValue(Double.doubleToRawLongBits(secondsSinceReferenceDate));
  }

  static DateValue dateFromBits(long bits) {
    return new DateValue(bits);
  }

  /** A date at {@code instant}; sub-second precision beyond a double's is rounded, as in Swift. */
  static DateValue date(Instant instant) {
    double seconds =
        (instant.getEpochSecond() - REFERENCE_DATE_UNIX_SECONDS) + instant.getNano() / 1e9;
    return dateSinceReferenceDate(seconds);
  }

  static DataValue data(byte[] bytes) {
    return new DataValue(bytes.clone());
  }

  static ArrayValue array(List<? extends BlazeValue> items) {
    return new ArrayValue(List.copyOf(items));
  }

  static DictionaryValue dictionary(Map<String, ? extends BlazeValue> entries) {
    return new DictionaryValue(BlazeRecord.of(entries));
  }

  static VectorValue vector(float[] values) {
    return new VectorValue(values.clone());
  }

  static NullValue nullValue() {
    return NullValue.INSTANCE;
  }

  /** A UTF-8 string. */
  record StringValue(String value) implements BlazeValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeName() {
      return "string";
    }
  }

  /** A signed 64-bit integer (Swift {@code Int}). */
  record IntValue(long value) implements BlazeValue {
    @Override
    public String typeName() {
      return "int";
    }
  }

  /** A double, held as its raw IEEE-754 bits so that every bit pattern survives. */
  record DoubleValue(long bits) implements BlazeValue {
    public double value() {
      return Double.longBitsToDouble(bits);
    }

    @Override
    public String typeName() {
      return "double";
    }

    @Override
    public String toString() {
      return "DoubleValue[" + value() + ", bits=" + Long.toHexString(bits) + "]";
    }
  }

  /** A boolean. */
  record BoolValue(boolean value) implements BlazeValue {
    static final BoolValue TRUE = new BoolValue(true);
    static final BoolValue FALSE = new BoolValue(false);

    @Override
    public String typeName() {
      return "bool";
    }
  }

  /** A UUID; on the wire its 16 bytes in the order of its text form. */
  record UuidValue(UUID value) implements BlazeValue {
    public UuidValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeName() {
      return "uuid";
    }
  }

  /** A Swift {@code Date}: the raw bits of a double count of seconds since 2001-01-01Z. */
  record DateValue(long bits) implements BlazeValue {
    public double secondsSinceReferenceDate() {
      return Double.longBitsToDouble(bits);
    }

    /** Seconds since 1970-01-01Z, as a double (may lose the last bits of precision). */
    public double unixSeconds() {
      return secondsSinceReferenceDate() + REFERENCE_DATE_UNIX_SECONDS;
    }

    /** The instant, to the nearest nanosecond; fails for NaN or out-of-range dates. */
    public Instant toInstant() {
      double seconds = secondsSinceReferenceDate();
      if (!Double.isFinite(seconds)) {
        throw new ArithmeticException("date is not finite: " + seconds);
      }
      double floor = Math.floor(seconds);
      long nanos = Math.round((seconds - floor) * 1e9);
      return Instant.ofEpochSecond((long) floor + REFERENCE_DATE_UNIX_SECONDS, nanos);
    }

    @Override
    public String typeName() {
      return "date";
    }

    @Override
    public String toString() {
      return "DateValue[" + secondsSinceReferenceDate() + ", bits=" + Long.toHexString(bits) + "]";
    }
  }

  /** Opaque bytes. The array is never shared with callers. */
  final class DataValue implements BlazeValue {
    private final byte[] bytes;

    DataValue(byte[] ownedBytes) {
      this.bytes = ownedBytes;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
      return bytes.clone();
    }

    public int length() {
      return bytes.length;
    }

    /** Reads without copying; for codecs in this package. */
    byte[] unsafeBytes() {
      return bytes;
    }

    @Override
    public String typeName() {
      return "data";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DataValue other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "DataValue[" + HexFormat.of().formatHex(bytes) + "]";
    }
  }

  /** An ordered list of values (may mix types, as BlazeDB allows). */
  record ArrayValue(List<BlazeValue> items) implements BlazeValue {
    public ArrayValue {
      items = List.copyOf(items);
    }

    @Override
    public String typeName() {
      return "array";
    }
  }

  /** A nested dictionary; its entries iterate in the format's key order. */
  record DictionaryValue(BlazeRecord entries) implements BlazeValue {
    public DictionaryValue {
      Objects.requireNonNull(entries, "entries");
    }

    @Override
    public String typeName() {
      return "dictionary";
    }
  }

  /** A float32 vector (BlazeDB's embeddings). The array is never shared with callers. */
  final class VectorValue implements BlazeValue {
    private final float[] values;

    VectorValue(float[] ownedValues) {
      this.values = ownedValues;
    }

    /** A copy of the values. */
    public float[] values() {
      return values.clone();
    }

    public int length() {
      return values.length;
    }

    public float get(int index) {
      return values[index];
    }

    @Override
    public String typeName() {
      return "vector";
    }

    /** Bit-exact equality, so NaN payloads and -0.0 count. */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof VectorValue other) || other.values.length != values.length) {
        return false;
      }
      for (int i = 0; i < values.length; i++) {
        if (Float.floatToRawIntBits(values[i]) != Float.floatToRawIntBits(other.values[i])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (float v : values) {
        h = 31 * h + Float.floatToRawIntBits(v);
      }
      return h;
    }

    @Override
    public String toString() {
      return "VectorValue" + Arrays.toString(values);
    }
  }

  /** An explicit null (also how an update removes a field). */
  enum NullValue implements BlazeValue {
    INSTANCE;

    @Override
    public String typeName() {
      return "null";
    }
  }
}
