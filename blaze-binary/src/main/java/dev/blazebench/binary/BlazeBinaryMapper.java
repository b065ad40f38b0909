package dev.blazebench.binary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * A typed binding of BlazeBinary to one Java class: writes an instance as the record that holds its
 * fields and reads a record straight into a new instance, without the {@link BlazeRecord} / {@link
 * BlazeValue} objects in between. Built once per class (reflection happens then, never per call);
 * immutable and thread-safe.
 *
 * <p>The class is a Java record (its components, canonical constructor) or a bean (a no-argument
 * constructor and public {@code getX}/{@code isX} + {@code setX} pairs). Each field is named as the
 * component or property and mapped by its Java type:
 *
 * <table>
 *   <caption>Java type to BlazeBinary value</caption>
 *   <tr><th>Java</th><th>BlazeBinary</th></tr>
 *   <tr><td>{@code String}</td><td>string</td></tr>
 *   <tr><td>{@code int}, {@code long} (and boxes)</td><td>int (decoded within the Java range)</td></tr>
 *   <tr><td>{@code double}, {@code boolean} (and boxes)</td><td>double (bit-exact), bool</td></tr>
 *   <tr><td>{@code UUID}</td><td>uuid</td></tr>
 *   <tr><td>{@code Instant}</td><td>date (decoded as the shortest instant with the same bits)</td></tr>
 *   <tr><td>{@code byte[]}, {@code float[]}</td><td>data, vector</td></tr>
 *   <tr><td>{@code List<String>}</td><td>array of strings (decoded immutable)</td></tr>
 *   <tr><td>{@link BlazeValue}</td><td>any value, as a {@code BlazeRecord} holds it</td></tr>
 * </table>
 *
 * <p><b>Encoding</b> writes exactly the bytes {@link BlazeBinaryEncoder} writes for the equivalent
 * {@code BlazeRecord} ({@link #toRecord}): fields in the format's key order, common-field ids, the
 * shortest value forms. A null reference is no field at all. Refusals are those of the encoder
 * ({@link BlazeEncodingException}, output buffer unchanged), plus a null item in a string list.
 *
 * <p><b>Decoding</b> is as strict as {@link BlazeBinaryDecoder} (every byte checked, the same
 * {@link DecodeLimits}, errors as {@link BlazeBinaryException} with the byte offset), plus the
 * binding's own rules, each an error naming the field: a value of another type than the field's (an
 * int out of a Java {@code int}'s range, a date no {@code Instant} can hold, a null for a
 * primitive), a primitive field missing, a field twice. Fields may arrive in any order; missing
 * reference fields stay null (beans: as the constructor left them). Fields the class does not have
 * are checked and skipped, unless {@link #rejectingUnknownFields()}. Anything the typed decoder
 * accepts, {@code BlazeBinaryDecoder} accepts too, and the instance equals {@link
 * #fromRecord(BlazeRecord) fromRecord} of its record.
 *
 * <p>Speed: the fields are matched by their expected key bytes in key order first (one byte compare
 * for a common field), and read by name only from the first field that differs. In a sequence,
 * short string values (1..15 bytes) that repeat decode to one shared {@code String}.
 *
 * <pre>{@code
 * record Bug(UUID id, String title, int priority, Instant createdAt, List<String> tags) {}
 *
 * BlazeBinaryMapper<Bug> bugs = BlazeBinaryMapper.of(Bug.class);
 * byte[] bytes = bugs.encode(bug, FormatVersion.V1);
 * Bug back = bugs.decode(bytes);
 * byte[] batch = bugs.encodeSequence(List.of(bug, back), FormatVersion.V1);
 * List<Bug> all = bugs.decodeSequence(batch);
 * }</pre>
 *
 * @param <T> the bound class
 */
public final class BlazeBinaryMapper<T> {

  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final Class<T> type;
  private final TypedField[] fields;
  private final TypedClassModel.Instantiator factory;

  /** Field {@code i}'s getter, by slot, for {@link SlotCalls}; null where the other kind is. */
  private final TypedAccessors.RefGetter[] refGetters;

  private final TypedAccessors.PrimGetter[] primGetters;

  /** Slot (index in {@link #fields}) by NFC field name, for fields read by name. */
  private final Map<String, Integer> slotByKey;

  private final BlazeBinaryDecoder decoder;
  private final boolean rejectUnknownFields;

  private BlazeBinaryMapper(
      Class<T> type,
      TypedField[] fields,
      TypedClassModel.Instantiator factory,
      BlazeBinaryDecoder decoder,
      boolean rejectUnknownFields) {
    this.type = type;
    this.fields = fields;
    this.factory = factory;
    this.decoder = decoder;
    this.rejectUnknownFields = rejectUnknownFields;
    Map<String, Integer> slots = new HashMap<>();
    for (int i = 0; i < fields.length; i++) {
      slots.put(fields[i].key, i);
    }
    this.slotByKey = slots;
    this.refGetters = new TypedAccessors.RefGetter[fields.length];
    this.primGetters = new TypedAccessors.PrimGetter[fields.length];
    for (int i = 0; i < fields.length; i++) {
      refGetters[i] = fields[i].getRef;
      primGetters[i] = fields[i].getPrim;
    }
  }

  /**
   * The binding of {@code type}, a record or a bean, with default decode limits.
   *
   * @throws IllegalArgumentException when the class cannot be bound: not a record or bean, a field
   *     of a type with no mapping (the message names it), no accessible constructor
   */
  public static <T> BlazeBinaryMapper<T> of(Class<T> type) {
    TypedClassModel model = TypedClassModel.of(Objects.requireNonNull(type, "type"));
    return new BlazeBinaryMapper<>(
        type, model.fields, model.factory, BlazeBinaryDecoder.withDefaults(), false);
  }

  /** This binding, decoding with {@code limits}. */
  public BlazeBinaryMapper<T> withLimits(DecodeLimits limits) {
    return new BlazeBinaryMapper<>(
        type, fields, factory, BlazeBinaryDecoder.withLimits(limits), rejectUnknownFields);
  }

  /** This binding, failing on a field the class does not have instead of skipping it. */
  public BlazeBinaryMapper<T> rejectingUnknownFields() {
    return new BlazeBinaryMapper<>(type, fields, factory, decoder, true);
  }

  /** The bound class. */
  public Class<T> type() {
    return type;
  }

  /** The field names in key order, the order they are written in. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>(fields.length);
    for (TypedField f : fields) {
      names.add(f.name);
    }
    return Collections.unmodifiableList(names);
  }

  // ---- encoding ----

  /** The bytes of {@code value} in {@code version}'s format. */
  public byte[] encode(T value, FormatVersion version) {
    GrowableBuffer out = new GrowableBuffer(256);
    encode(value, version, out);
    return out.detachBytes();
  }

  /** Appends the bytes of {@code value} to {@code out}; on refusal {@code out} is unchanged. */
  public void encode(T value, FormatVersion version, GrowableBuffer out) {
    Objects.requireNonNull(value, "value");
    int start = out.size();
    try {
      writeObject(value, version, out);
    } catch (RuntimeException | Error e) {
      out.truncate(start);
      throw e;
    }
  }

  /** The values as a sequence (u32 count, then u32 length + record each). */
  public byte[] encodeSequence(List<? extends T> values, FormatVersion version) {
    GrowableBuffer out = new GrowableBuffer(4 + 256 * values.size());
    encodeSequence(values, version, out);
    return out.detachBytes();
  }

  /** Appends the values as a sequence to {@code out}; on refusal {@code out} is unchanged. */
  public void encodeSequence(List<? extends T> values, FormatVersion version, GrowableBuffer out) {
    int start = out.size();
    try {
      out.putInt(values.size());
      for (int i = 0; i < values.size(); i++) {
        T value = values.get(i);
        if (value == null) {
          throw new NullPointerException("values[" + i + "] is null");
        }
        int lengthAt = out.size();
        out.putInt(0);
        writeObject(value, version, out);
        out.setInt(lengthAt, out.size() - lengthAt - 4);
      }
    } catch (RuntimeException | Error e) {
      out.truncate(start);
      throw e;
    }
  }

  private void writeObject(T value, FormatVersion version, GrowableBuffer out) {
    int start = out.size();
    out.ensureRemaining(Wire.HEADER_BYTES);
    out.putInt(Wire.MAGIC_FIRST_FOUR);
    out.putByte(Wire.MAGIC[4]);
    out.putByte(version.wireByte());
    out.putShort(0); // the field count, set below: null fields are not written
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
    byte[] a = out.array();
    a[start + 6] = (byte) (written >>> 8);
    a[start + 7] = (byte) written;
    if (version == FormatVersion.V2) {
      CRC32 crc = new CRC32();
      crc.update(out.array(), start, out.size() - start);
      out.putInt((int) crc.getValue());
    }
  }

  /**
   * The key and value of a reference field. The common types (an ASCII string, a UUID, a date, an
   * int) take one capacity check for key and value and are stored straight into the array; the rest
   * go through the general writers.
   */
  private static void writeReferenceField(TypedField f, Object v, GrowableBuffer out) {
    byte[] key = f.keyBytes;
    int keyLength = key.length;
    switch (f.kind) {
      case TypedField.STRING -> {
        String s = (String) v;
        byte[] latin1 = CompactStrings.latin1Bytes(s);
        if (latin1 == null || !Utf8.isAscii(latin1)) {
          writeKey(f, out);
          BlazeBinaryEncoder.writeString(s, out, f.name);
          return;
        }
        int n = latin1.length; // not 0: latin1Bytes is null for ""
        out.ensureRemaining(keyLength + 5 + n);
        byte[] a = out.array();
        int p = putKey(key, a, out.size());
        if (n <= Wire.MAX_SHORT_STRING_BYTES) {
          a[p++] = (byte) (Wire.TAG_SHORT_STRING | n);
        } else {
          a[p] = Wire.TAG_STRING;
          INT_BE.set(a, p + 1, n);
          p += 5;
        }
        System.arraycopy(latin1, 0, a, p, n);
        out.setSize(p + n);
      }
      case TypedField.UUID_KIND -> {
        UUID uuid = (UUID) v;
        out.ensureRemaining(keyLength + 17);
        byte[] a = out.array();
        int p = putKey(key, a, out.size());
        a[p] = Wire.TAG_UUID;
        LONG_BE.set(a, p + 1, uuid.getMostSignificantBits());
        LONG_BE.set(a, p + 9, uuid.getLeastSignificantBits());
        out.setSize(p + 17);
      }
      case TypedField.INSTANT -> {
        out.ensureRemaining(keyLength + 9);
        byte[] a = out.array();
        int p = putKey(key, a, out.size());
        a[p] = Wire.TAG_DATE;
        LONG_BE.set(a, p + 1, InstantDates.bitsOf((Instant) v));
        out.setSize(p + 9);
      }
      case TypedField.INT, TypedField.LONG -> writePrimitiveField(f, ((Number) v).longValue(), out);
      default -> {
        writeKey(f, out);
        writeReference(f, v, out);
      }
    }
  }

  /** The key and value of a primitive field (or a boxed int or long), one capacity check. */
  private static void writePrimitiveField(TypedField f, long v, GrowableBuffer out) {
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

  private static void writeInteger(long v, GrowableBuffer out) {
    if (v >= 0 && v <= 0xFF) {
      out.putTagAndByte(Wire.TAG_SMALL_INT, (int) v);
    } else {
      out.putTagAndLong(Wire.TAG_INT, v);
    }
  }

  private static void writeReference(TypedField f, Object v, GrowableBuffer out) {
    switch (f.kind) {
      case TypedField.STRING -> BlazeBinaryEncoder.writeString((String) v, out, f.name);
      case TypedField.INT, TypedField.LONG -> writeInteger(((Number) v).longValue(), out);
      case TypedField.DOUBLE ->
          out.putTagAndLong(Wire.TAG_DOUBLE, Double.doubleToRawLongBits((Double) v));
      case TypedField.BOOL -> out.putTagAndByte(Wire.TAG_BOOL, (Boolean) v ? 1 : 0);
      case TypedField.UUID_KIND -> {
        UUID uuid = (UUID) v;
        out.putTagAndLongs(
            Wire.TAG_UUID, uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
      }
      case TypedField.INSTANT -> out.putTagAndLong(Wire.TAG_DATE, InstantDates.bitsOf((Instant) v));
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
      case TypedField.STRING_LIST -> writeStringList(f, (List<?>) v, out);
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

  // ---- decoding ----

  /** Decodes {@code bytes}, which must hold exactly one record. */
  public T decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes {@code bytes[offset, offset + length)}, which must hold exactly one record; error
   * offsets count from {@code offset}.
   *
   * @throws BlazeBinaryException for malformed input or input this class cannot hold
   * @throws IndexOutOfBoundsException when the range is not inside {@code bytes}
   */
  public T decode(byte[] bytes, int offset, int length) {
    WireReader in = decoder.reader(bytes, offset, length);
    return in.readRecord(in.end, new Reading());
  }

  /**
   * Decodes the bytes from {@code buffer}'s position to its limit, which must hold exactly one
   * record, without copying them; the buffer's position, limit and order are not changed.
   */
  public T decode(ByteBuffer buffer) {
    WireReader in = decoder.reader(buffer);
    return in.readRecord(in.end, new Reading());
  }

  /** Decodes a sequence of records that fills {@code bytes}. */
  public List<T> decodeSequence(byte[] bytes) {
    return decodeSequence(bytes, 0, bytes.length);
  }

  /** Decodes a sequence of records that fills {@code bytes[offset, offset + length)}. */
  public List<T> decodeSequence(byte[] bytes, int offset, int length) {
    return readSequence(decoder.reader(bytes, offset, length));
  }

  /** Decodes a sequence from {@code buffer}'s position to its limit, without copying. */
  public List<T> decodeSequence(ByteBuffer buffer) {
    return readSequence(decoder.reader(buffer));
  }

  private List<T> readSequence(WireReader in) {
    int count = BlazeSequences.readCount(in, "record");
    List<T> values = new ArrayList<>(count);
    Reading reading = new Reading();
    for (int i = 0; i < count; i++) {
      int itemEnd = BlazeSequences.readItemEnd(in, "record");
      values.add(in.readRecord(itemEnd, reading));
    }
    BlazeSequences.checkNoTrailingBytes(in);
    return Collections.unmodifiableList(values);
  }

  /**
   * The state of one decode call, reused for every record of a sequence: the decoded values by
   * slot, and which fields were seen.
   */
  private final class Reading implements WireReader.FieldsReader<T> {
    private final Object[] refs = new Object[fields.length];
    private final long[] prims = new long[fields.length];

    /** Bit {@code i} (of word {@code i / 64}) set: field {@code i} was read in this record. */
    private final long[] seen = new long[(fields.length + 63) >>> 6];

    /** NFC names of fields the class does not have, to find duplicates; made when first needed. */
    private Set<String> unknownKeys;

    @Override
    public T read(WireReader in, int count, int recordStart) {
      Arrays.fill(seen, 0);
      // Fast path: the fields in key order, each key exactly as this binding writes it.
      int limit = Math.min(count, fields.length);
      int i = 0;
      for (; i < limit; i++) {
        TypedField f = fields[i];
        if (!skipKeyIfWrittenAs(in, f)) {
          break;
        }
        readValue(in, f, i);
      }
      if (i == fields.length && i == count) {
        // Every field read, in order: nothing missing, every slot written.
        return create(in, recordStart);
      }
      for (int k = 0; k < i; k++) {
        seen[k >>> 6] |= 1L << k;
      }
      if (i < count) {
        readByName(in, count - i);
      }
      for (int s = 0; s < fields.length; s++) {
        if ((seen[s >>> 6] & (1L << s)) != 0) {
          continue;
        }
        if (fields[s].primitive) {
          throw in.fail(
              "missing field '"
                  + fields[s].name
                  + "' ("
                  + fields[s].javaType.getName()
                  + " cannot be absent)",
              recordStart);
        }
        refs[s] = null;
      }
      return create(in, recordStart);
    }

    private T create(WireReader in, int recordStart) {
      try {
        return type.cast(factory.create(refs, prims));
      } catch (RuntimeException e) {
        throw in.fail("cannot make a " + type.getName() + " of the fields read: " + e, recordStart);
      } catch (Error e) {
        throw e;
      } catch (Throwable e) {
        throw in.fail("cannot make a " + type.getName() + " of the fields read: " + e, recordStart);
      }
    }

    /** The general path: {@code remaining} fields read by name, in any order. */
    private void readByName(WireReader in, int remaining) {
      if (unknownKeys != null) {
        unknownKeys.clear();
      }
      for (int k = 0; k < remaining; k++) {
        int at = in.pos;
        String name = in.readFieldName();
        String key = KeyOrder.normalize(name);
        Integer slot = slotByKey.get(key);
        if (slot != null) {
          if ((seen[slot >>> 6] & (1L << slot)) != 0) {
            throw in.fail(duplicate(name, fields[slot].name), at);
          }
          readValue(in, fields[slot], slot);
          seen[slot >>> 6] |= 1L << slot;
          continue;
        }
        if (rejectUnknownFields) {
          throw in.fail(
              "unknown field '" + name + "' (" + type.getName() + " has no such field)", at);
        }
        if (unknownKeys == null) {
          unknownKeys = new HashSet<>();
        }
        if (!unknownKeys.add(key)) {
          throw in.fail(duplicate(name, name), at);
        }
        in.readValue(0); // checked as strictly as any value, then dropped
      }
    }

    private String duplicate(String name, String earlier) {
      return "duplicate field name '"
          + name
          + "'"
          + (name.equals(earlier)
              ? ""
              : " (canonically equivalent to '" + earlier + "': one key in Swift)");
    }

    /** Reads field {@code f}'s value into slot {@code slot}, checking it has the field's type. */
    private void readValue(WireReader in, TypedField f, int slot) {
      int at = in.pos;
      if (f.kind == TypedField.VALUE) {
        refs[slot] = in.readValue(0);
        return;
      }
      int tag = in.readU8("value tag");
      if (tag == Wire.TAG_NULL) {
        if (f.primitive) {
          throw in.fail(
              "field '" + f.name + "': null for a " + f.javaType.getName() + " (not nullable)", at);
        }
        refs[slot] = null;
        return;
      }
      switch (f.kind) {
        case TypedField.STRING -> refs[slot] = readString(in, f, tag, at);
        case TypedField.INT -> {
          long v = readInteger(in, f, tag, at);
          if (v != (int) v) {
            throw in.fail("field '" + f.name + "': " + v + " does not fit in a Java int", at);
          }
          if (f.primitive) {
            prims[slot] = v;
          } else {
            refs[slot] = (int) v;
          }
        }
        case TypedField.LONG -> {
          long v = readInteger(in, f, tag, at);
          if (f.primitive) {
            prims[slot] = v;
          } else {
            refs[slot] = v;
          }
        }
        case TypedField.DOUBLE -> {
          expect(in, f, tag, Wire.TAG_DOUBLE, at);
          long bits = in.readI64("double");
          if (f.primitive) {
            prims[slot] = bits;
          } else {
            refs[slot] = Double.longBitsToDouble(bits);
          }
        }
        case TypedField.BOOL -> {
          expect(in, f, tag, Wire.TAG_BOOL, at);
          boolean v = in.readU8("bool") != 0; // any non-zero byte, as in BlazeDB
          if (f.primitive) {
            prims[slot] = v ? 1 : 0;
          } else {
            refs[slot] = v;
          }
        }
        case TypedField.UUID_KIND -> {
          expect(in, f, tag, Wire.TAG_UUID, at);
          refs[slot] = in.readUuid("uuid");
        }
        case TypedField.INSTANT -> {
          expect(in, f, tag, Wire.TAG_DATE, at);
          long bits = in.readI64("date");
          Instant instant = InstantDates.toInstant(bits);
          if (instant == null) {
            throw in.fail(
                "field '"
                    + f.name
                    + "': date "
                    + Double.longBitsToDouble(bits)
                    + " (seconds since 2001) is not an Instant",
                at);
          }
          refs[slot] = instant;
        }
        case TypedField.DATA -> {
          expect(in, f, tag, Wire.TAG_DATA, at);
          long length = in.readU32("data length");
          if (length > in.limits.maxDataBytes()) {
            throw in.fail(
                "data of "
                    + length
                    + " bytes exceeds the limit of "
                    + in.limits.maxDataBytes()
                    + " (maxDataBytes)",
                at);
          }
          refs[slot] = in.readBytes(length, "data");
        }
        case TypedField.VECTOR -> {
          expect(in, f, tag, Wire.TAG_VECTOR, at);
          long count = in.readU32("vector count");
          in.checkCount(count, 4, "vector element", at);
          float[] values = new float[(int) count];
          for (int k = 0; k < values.length; k++) {
            values[k] = Float.intBitsToFloat(in.i32At(in.pos));
            in.pos += 4;
          }
          refs[slot] = values;
        }
        default -> refs[slot] = readStringList(in, f, tag, at); // STRING_LIST
      }
    }
  }

  /**
   * Moves past field {@code f}'s key when the bytes at the cursor are exactly those this binding
   * writes for it; otherwise reads nothing, and the caller reads the name in full.
   */
  private static boolean skipKeyIfWrittenAs(WireReader in, TypedField f) {
    int pos = in.pos;
    int remaining = in.end - pos;
    if (f.commonId != 0) {
      if (remaining >= 1 && in.u8At(pos) == f.commonId) {
        in.pos = pos + 1;
        return true;
      }
      return false;
    }
    byte[] key = f.keyBytes;
    if (remaining >= key.length && in.regionEquals(pos, key)) {
      in.pos = pos + key.length;
      return true;
    }
    return false;
  }

  private static void expect(WireReader in, TypedField f, int tag, int expected, int at) {
    if (tag != expected) {
      throw mismatch(in, f, tag, at, "");
    }
  }

  private static BlazeBinaryException mismatch(
      WireReader in, TypedField f, int tag, int at, String item) {
    return in.fail(
        "field '"
            + f.name
            + "'"
            + item
            + ": expected "
            + (item.isEmpty() ? f.kindName() : "string")
            + ", found "
            + Wire.describeTag(tag),
        at);
  }

  private static String readString(WireReader in, TypedField f, int tag, int at) {
    if ((tag & 0xF0) == Wire.TAG_SHORT_STRING) {
      int length = tag & 0x0F;
      if (length == 0) {
        return ""; // 0x20, which BlazeDB reads as ""
      }
      in.checkStringLength(length, at);
      in.require(length, "string");
      return in.readShortString(length).value();
    }
    if (tag == Wire.TAG_STRING) {
      return in.readLongString(at);
    }
    if (tag == Wire.TAG_EMPTY_STRING) {
      return "";
    }
    throw mismatch(in, f, tag, at, "");
  }

  private static long readInteger(WireReader in, TypedField f, int tag, int at) {
    if (tag == Wire.TAG_SMALL_INT) {
      return in.readU8("small int");
    }
    if (tag == Wire.TAG_INT) {
      return in.readI64("int");
    }
    throw mismatch(in, f, tag, at, "");
  }

  private static List<String> readStringList(WireReader in, TypedField f, int tag, int at) {
    if (tag == Wire.TAG_EMPTY_ARRAY) {
      in.checkDepth(1, at);
      return List.of();
    }
    if (tag != Wire.TAG_ARRAY) {
      throw mismatch(in, f, tag, at, "");
    }
    in.checkDepth(1, at);
    int count = in.readU16("array count");
    in.checkCount(count, 1, "array item", at);
    String[] items = new String[count];
    for (int i = 0; i < count; i++) {
      int itemAt = in.pos;
      int itemTag = in.readU8("value tag");
      if (itemTag == Wire.TAG_NULL) {
        throw mismatch(in, f, itemTag, itemAt, " item " + i);
      }
      String s;
      if ((itemTag & 0xF0) == Wire.TAG_SHORT_STRING
          || itemTag == Wire.TAG_STRING
          || itemTag == Wire.TAG_EMPTY_STRING) {
        s = readString(in, f, itemTag, itemAt);
      } else {
        throw mismatch(in, f, itemTag, itemAt, " item " + i);
      }
      items[i] = s;
    }
    return switch (count) {
      case 0 -> List.of(); // 0x08 with count 0: accepted, as BlazeDB does
      case 1 -> List.of(items[0]);
      case 2 -> List.of(items[0], items[1]);
      default -> List.of(items);
    };
  }

  // ---- bridging to BlazeRecord ----

  /**
   * The record that {@code value} encodes as: {@code encode(value, v)} equals {@code
   * BlazeBinaryEncoder.encode(toRecord(value), v)}, byte for byte.
   *
   * @throws BlazeEncodingException for a null item in a string list
   */
  public BlazeRecord toRecord(T value) {
    Objects.requireNonNull(value, "value");
    BlazeRecord.Builder builder = BlazeRecord.builder();
    for (TypedField f : fields) {
      if (f.primitive) {
        long v = f.getPrim.get(value);
        builder.put(f.name, primitiveValue(f, v));
      } else {
        Object v = f.getRef.get(value);
        if (v != null) {
          builder.put(f.name, referenceValue(f, v));
        }
      }
    }
    return builder.build();
  }

  private static BlazeValue primitiveValue(TypedField f, long v) {
    return switch (f.kind) {
      case TypedField.INT, TypedField.LONG -> BlazeValue.integer(v);
      case TypedField.DOUBLE -> BlazeValue.numberFromBits(v);
      default -> BlazeValue.bool(v != 0);
    };
  }

  private static BlazeValue referenceValue(TypedField f, Object v) {
    return switch (f.kind) {
      case TypedField.STRING -> BlazeValue.string((String) v);
      case TypedField.INT, TypedField.LONG -> BlazeValue.integer(((Number) v).longValue());
      case TypedField.DOUBLE -> BlazeValue.number((Double) v);
      case TypedField.BOOL -> BlazeValue.bool((Boolean) v);
      case TypedField.UUID_KIND -> BlazeValue.uuid((UUID) v);
      case TypedField.INSTANT -> BlazeValue.dateFromBits(InstantDates.bitsOf((Instant) v));
      case TypedField.DATA -> BlazeValue.data((byte[]) v);
      case TypedField.VECTOR -> BlazeValue.vector((float[]) v);
      case TypedField.STRING_LIST -> {
        List<?> items = (List<?>) v;
        List<BlazeValue> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
          if (!(items.get(i) instanceof String s)) {
            throw new BlazeEncodingException(
                "field '" + f.name + "': item " + i + " is not a String (" + items.get(i) + ")");
          }
          values.add(BlazeValue.string(s));
        }
        yield BlazeValue.array(values);
      }
      default -> (BlazeValue) v;
    };
  }

  /**
   * The instance {@code record} holds, by the rules of decoding: fields by name, each of the
   * field's type; others skipped (or refused after {@link #rejectingUnknownFields()}).
   *
   * @throws IllegalArgumentException naming the field, for a value of another type, a missing
   *     primitive, or an unknown field when those are refused
   */
  public T fromRecord(BlazeRecord record) {
    Object[] refs = new Object[fields.length];
    long[] prims = new long[fields.length];
    for (int i = 0; i < record.size(); i++) {
      String name = record.nameAt(i);
      Integer slot = slotByKey.get(KeyOrder.normalize(name));
      if (slot == null) {
        if (rejectUnknownFields) {
          throw new IllegalArgumentException(
              "unknown field '" + name + "' (" + type.getName() + " has no such field)");
        }
        continue;
      }
      fromValue(fields[slot], record.valueAt(i), refs, prims, slot);
    }
    for (int s = 0; s < fields.length; s++) {
      TypedField f = fields[s];
      if (f.primitive && !record.contains(f.name)) {
        throw new IllegalArgumentException(
            "missing field '" + f.name + "' (" + f.javaType.getName() + " cannot be absent)");
      }
    }
    try {
      return type.cast(factory.create(refs, prims));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot make a " + type.getName() + ": " + e, e);
    }
  }

  private static void fromValue(
      TypedField f, BlazeValue value, Object[] refs, long[] prims, int slot) {
    if (f.kind == TypedField.VALUE) {
      refs[slot] = value;
      return;
    }
    if (value instanceof BlazeValue.NullValue) {
      if (f.primitive) {
        throw new IllegalArgumentException(
            "field '" + f.name + "': null for a " + f.javaType.getName() + " (not nullable)");
      }
      return;
    }
    Object ref;
    long prim = 0;
    switch (f.kind) {
      case TypedField.STRING -> ref = as(f, value, BlazeValue.StringValue.class).value();
      case TypedField.INT -> {
        long v = as(f, value, BlazeValue.IntValue.class).value();
        if (v != (int) v) {
          throw new IllegalArgumentException(
              "field '" + f.name + "': " + v + " does not fit in a Java int");
        }
        prim = v;
        ref = (int) v;
      }
      case TypedField.LONG -> {
        prim = as(f, value, BlazeValue.IntValue.class).value();
        ref = prim;
      }
      case TypedField.DOUBLE -> {
        prim = as(f, value, BlazeValue.DoubleValue.class).bits();
        ref = Double.longBitsToDouble(prim);
      }
      case TypedField.BOOL -> {
        boolean v = as(f, value, BlazeValue.BoolValue.class).value();
        prim = v ? 1 : 0;
        ref = v;
      }
      case TypedField.UUID_KIND -> ref = as(f, value, BlazeValue.UuidValue.class).value();
      case TypedField.INSTANT -> {
        long bits = as(f, value, BlazeValue.DateValue.class).bits();
        ref = InstantDates.toInstant(bits);
        if (ref == null) {
          throw new IllegalArgumentException(
              "field '"
                  + f.name
                  + "': date "
                  + Double.longBitsToDouble(bits)
                  + " (seconds since 2001) is not an Instant");
        }
      }
      case TypedField.DATA -> ref = as(f, value, BlazeValue.DataValue.class).bytes();
      case TypedField.VECTOR -> ref = as(f, value, BlazeValue.VectorValue.class).values();
      default -> { // STRING_LIST
        List<BlazeValue> items = as(f, value, BlazeValue.ArrayValue.class).items();
        String[] strings = new String[items.size()];
        for (int i = 0; i < strings.length; i++) {
          if (!(items.get(i) instanceof BlazeValue.StringValue s)) {
            throw new IllegalArgumentException(
                "field '"
                    + f.name
                    + "' item "
                    + i
                    + ": expected string, found "
                    + items.get(i).typeName());
          }
          strings[i] = s.value();
        }
        ref = List.of(strings);
      }
    }
    if (f.primitive) {
      prims[slot] = prim;
    } else {
      refs[slot] = ref;
    }
  }

  private static <V extends BlazeValue> V as(TypedField f, BlazeValue value, Class<V> type) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "field '" + f.name + "': expected " + f.kindName() + ", found " + value.typeName());
    }
    return type.cast(value);
  }

  @Override
  public String toString() {
    return "BlazeBinaryMapper[" + type.getName() + ", fields " + fieldNames() + "]";
  }
}
