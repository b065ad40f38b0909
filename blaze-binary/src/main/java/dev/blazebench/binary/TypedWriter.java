package dev.blazebench.binary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The encoding half of a {@link BlazeBinaryMapper}: writes an object's fields, in key order, as the
 * bytes {@link BlazeBinaryEncoder} writes for the equivalent {@link BlazeRecord}. Immutable and
 * thread-safe.
 */
final class TypedWriter<T> {

  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** The header's eight bytes with version and field count 0: "BLAZE", 0x00, 0x0000. */
  private static final long MAGIC_THEN_ZEROS = (long) Wire.MAGIC_FIRST_FOUR << 32 | 0x45L << 24;

  private final TypedField[] fields;

  /** Field {@code i}'s getter, by slot, for {@link SlotCalls}; null where the other kind is. */
  private final TypedAccessors.RefGetter[] refGetters;

  private final TypedAccessors.PrimGetter[] primGetters;

  /** The class's generated code, or null. */
  private final GeneratedCodec<T> generated;

  TypedWriter(TypedField[] fields, GeneratedCodec<T> generated) {
    this.fields = fields;
    this.generated = generated;
    this.refGetters = new TypedAccessors.RefGetter[fields.length];
    this.primGetters = new TypedAccessors.PrimGetter[fields.length];
    for (int i = 0; i < fields.length; i++) {
      refGetters[i] = fields[i].getRef;
      primGetters[i] = fields[i].getPrim;
    }
  }

  /**
   * What the generated code writes {@code out} through (one per call: it holds the buffer), or null
   * without generated code.
   */
  RecordWriter recordWriter(GrowableBuffer out) {
    return generated == null ? null : new RecordWriter(fields, out);
  }

  /**
   * Appends {@code value} as one record; {@code fieldWriter} is {@link #recordWriter}'s for {@code
   * out}. Callers roll back on an exception.
   */
  void write(T value, FormatVersion version, GrowableBuffer out, RecordWriter fieldWriter) {
    int start = out.size();
    // "BLAZE", the version byte and the field count, set below: null fields are not written.
    out.putLong(MAGIC_THEN_ZEROS | (long) (version.wireByte() & 0xFF) << 16);
    int written = generated != null ? generated.write(value, fieldWriter) : writeFields(value, out);
    byte[] a = out.array();
    a[start + 6] = (byte) (written >>> 8);
    a[start + 7] = (byte) written;
    if (version == FormatVersion.V2) {
      CRC32 crc = new CRC32();
      crc.update(out.array(), start, out.size() - start);
      out.putInt((int) crc.getValue());
    }
  }

  /** The fields of {@code value} through the accessors bound at run time; returns how many. */
  private int writeFields(T value, GrowableBuffer out) {
    int written = 0;
    for (int i = 0; i < fields.length; i++) {
      TypedField f = fields[i];
      if (f.primitive) {
        writePrimitiveField(f, SlotCalls.get(primGetters, i, value), out);
      } else {
        Object v = SlotCalls.get(refGetters, i, value);
        if (v == null) {
          continue;
        }
        writeReferenceField(f, v, out);
      }
      written++;
    }
    return written;
  }

  /**
   * The key and value of a reference field. The common types (an ASCII string, a UUID, a date, an
   * int) take one capacity check for key and value and are stored straight into the array; the rest
   * go through the general writers.
   */
  private static void writeReferenceField(TypedField f, Object v, GrowableBuffer out) {
    switch (f.kind) {
      case TypedField.STRING -> writeStringField(f, (String) v, out);
      case TypedField.UUID_KIND -> writeUuidField(f, (UUID) v, out);
      case TypedField.INSTANT -> writeInstantField(f, (Instant) v, out);
      case TypedField.INT, TypedField.LONG -> writePrimitiveField(f, ((Number) v).longValue(), out);
      case TypedField.STRING_LIST -> writeStringListField(f, (List<?>) v, out);
      default -> {
        writeKey(f, out);
        writeReference(f, v, out);
      }
    }
  }

  // ---- one field of each common kind, key and value; shared with RecordWriter ----

  static void writeStringField(TypedField f, String s, GrowableBuffer out) {
    byte[] key = f.keyBytes;
    byte[] latin1 = StringBytes.CHOSEN.latin1Bytes(s);
    if (latin1 != null) {
      int n = latin1.length; // not 0: latin1Bytes is null for ""
      out.ensureRemaining(key.length + 5 + n);
      byte[] a = out.array();
      int p = putKey(key, a, out.size());
      int end = BlazeBinaryEncoder.putIfAscii(latin1, a, p);
      if (end >= 0) {
        out.setSize(end);
        return;
      }
    }
    // Not ASCII, or not read in place: the general writer, which also refuses an unpaired
    // surrogate.
    writeKey(f, out);
    BlazeBinaryEncoder.writeString(s, out, f.name);
  }

  static void writeUuidField(TypedField f, UUID uuid, GrowableBuffer out) {
    byte[] key = f.keyBytes;
    out.ensureRemaining(key.length + 17);
    byte[] a = out.array();
    int p = putKey(key, a, out.size());
    a[p] = Wire.TAG_UUID;
    LONG_BE.set(a, p + 1, uuid.getMostSignificantBits());
    LONG_BE.set(a, p + 9, uuid.getLeastSignificantBits());
    out.setSize(p + 17);
  }

  static void writeInstantField(TypedField f, Instant instant, GrowableBuffer out) {
    byte[] key = f.keyBytes;
    out.ensureRemaining(key.length + 9);
    byte[] a = out.array();
    int p = putKey(key, a, out.size());
    a[p] = Wire.TAG_DATE;
    LONG_BE.set(a, p + 1, InstantDates.bitsOf(instant));
    out.setSize(p + 9);
  }

  static void writeStringListField(TypedField f, List<?> items, GrowableBuffer out) {
    writeKey(f, out);
    writeStringList(f, items, out);
  }

  /** The key and value of a primitive field (or a boxed int or long), one capacity check. */
  static void writePrimitiveField(TypedField f, long v, GrowableBuffer out) {
    byte[] key = f.keyBytes;
    out.ensureRemaining(key.length + 9);
    byte[] a = out.array();
    int p = putKey(key, a, out.size());
    switch (f.kind) {
      case TypedField.INT, TypedField.LONG -> {
        if (v >= 0 && v <= 0xFF) {
          a[p] = Wire.TAG_SMALL_INT;
          a[p + 1] = (byte) v;
          p += 2;
        } else {
          a[p] = Wire.TAG_INT;
          LONG_BE.set(a, p + 1, v);
          p += 9;
        }
      }
      case TypedField.DOUBLE -> {
        a[p] = Wire.TAG_DOUBLE;
        LONG_BE.set(a, p + 1, v);
        p += 9;
      }
      default -> { // BOOL
        a[p] = Wire.TAG_BOOL;
        a[p + 1] = (byte) (v != 0 ? 1 : 0);
        p += 2;
      }
    }
    out.setSize(p);
  }

  /** Stores {@code key} at {@code a[p]} (room already made); returns the index after it. */
  private static int putKey(byte[] key, byte[] a, int p) {
    if (key.length == 1) {
      a[p] = key[0];
      return p + 1;
    }
    System.arraycopy(key, 0, a, p, key.length);
    return p + key.length;
  }

  private static void writeKey(TypedField f, GrowableBuffer out) {
    if (f.commonId != 0) {
      out.putByte(f.commonId);
    } else {
      out.putBytes(f.keyBytes);
    }
  }

  /** The value of a field of a kind without a method of its own above: boxed, arrays, values. */
  private static void writeReference(TypedField f, Object v, GrowableBuffer out) {
    switch (f.kind) {
      case TypedField.DOUBLE ->
          out.putTagAndLong(Wire.TAG_DOUBLE, Double.doubleToRawLongBits((Double) v));
      case TypedField.BOOL -> out.putTagAndByte(Wire.TAG_BOOL, (Boolean) v ? 1 : 0);
      case TypedField.DATA -> {
        byte[] bytes = (byte[]) v;
        out.ensureRemaining(5L + bytes.length);
        out.putByte(Wire.TAG_DATA);
        out.putInt(bytes.length);
        out.putBytes(bytes);
      }
      case TypedField.VECTOR -> {
        float[] floats = (float[]) v;
        out.ensureRemaining(5L + 4L * floats.length);
        out.putByte(Wire.TAG_VECTOR);
        out.putInt(floats.length);
        for (float x : floats) {
          out.putInt(Float.floatToRawIntBits(x));
        }
      }
      default -> // VALUE
          BlazeBinaryEncoder.writeValue(
              (BlazeValue) v, out, 0, BlazeBinaryEncoder.DEFAULT_MAX_DEPTH, f.name);
    }
  }

  private static void writeStringList(TypedField f, List<?> items, GrowableBuffer out) {
    int n = items.size();
    if (n == 0) {
      out.putByte(Wire.TAG_EMPTY_ARRAY);
      return;
    }
    if (n > Wire.MAX_U16) {
      throw new BlazeEncodingException(
          "field '" + f.name + "': array has " + n + " items; the format holds at most 65535");
    }
    out.ensureRemaining(3);
    out.putByte(Wire.TAG_ARRAY);
    out.putShort(n);
    for (int i = 0; i < n; i++) {
      Object item = items.get(i);
      if (!(item instanceof String s)) {
        throw new BlazeEncodingException(
            "field '"
                + f.name
                + "': item "
                + i
                + " is "
                + (item == null ? "null" : "a " + item.getClass().getName())
                + ", not a String");
      }
      BlazeBinaryEncoder.writeString(s, out, f.name);
    }
  }
}
