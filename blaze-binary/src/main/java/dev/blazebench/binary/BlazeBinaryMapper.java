package dev.blazebench.binary;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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

  private final Class<T> type;
  private final TypedField[] fields;
  private final TypedClassModel.Instantiator factory;

  private final TypedWriter<T> writer;

  /** The class's generated code ({@link GenerateCodec}), or null: bound at run time. */
  private final GeneratedCodec<T> generated;

  /** Slot (index in {@link #fields}) by NFC field name, for fields read by name. */
  private final Map<String, Integer> slotByKey;

  private final BlazeBinaryDecoder decoder;
  private final boolean rejectUnknownFields;

  private BlazeBinaryMapper(
      Class<T> type,
      TypedField[] fields,
      TypedClassModel.Instantiator factory,
      BlazeBinaryDecoder decoder,
      boolean rejectUnknownFields,
      GeneratedCodec<T> generated) {
    this.type = type;
    this.fields = fields;
    this.generated = generated;
    this.factory = factory;
    this.decoder = decoder;
    this.rejectUnknownFields = rejectUnknownFields;
    Map<String, Integer> slots = new HashMap<>();
    for (int i = 0; i < fields.length; i++) {
      slots.put(fields[i].key, i);
    }
    this.slotByKey = slots;
    this.writer = new TypedWriter<>(fields, generated);
  }

  /**
   * The binding of {@code type}, a record or a bean, with default decode limits; through the code
   * generated for it at compile time when it has some ({@link GenerateCodec}), else bound by
   * reflection now.
   *
   * @throws IllegalArgumentException when the class cannot be bound: not a record or bean, a field
   *     of a type with no mapping (the message names it), no accessible constructor; or when its
   *     generated code was written for other fields (the message names both lists)
   */
  public static <T> BlazeBinaryMapper<T> of(Class<T> type) {
    TypedClassModel model = TypedClassModel.of(Objects.requireNonNull(type, "type"));
    return new BlazeBinaryMapper<>(
        type,
        model.fields,
        model.factory,
        BlazeBinaryDecoder.withDefaults(),
        false,
        GeneratedCodecs.find(type, model.fields));
  }

  /**
   * As {@link #of}, but never with the class's generated code: every call goes through the
   * accessors bound at run time. For comparing the two; results and errors are the same.
   */
  public static <T> BlazeBinaryMapper<T> reflective(Class<T> type) {
    TypedClassModel model = TypedClassModel.of(Objects.requireNonNull(type, "type"));
    return new BlazeBinaryMapper<>(
        type, model.fields, model.factory, BlazeBinaryDecoder.withDefaults(), false, null);
  }

  /** This binding, decoding with {@code limits}. */
  public BlazeBinaryMapper<T> withLimits(DecodeLimits limits) {
    return new BlazeBinaryMapper<>(
        type,
        fields,
        factory,
        BlazeBinaryDecoder.withLimits(limits),
        rejectUnknownFields,
        generated);
  }

  /** This binding, failing on a field the class does not have instead of skipping it. */
  public BlazeBinaryMapper<T> rejectingUnknownFields() {
    return new BlazeBinaryMapper<>(type, fields, factory, decoder, true, generated);
  }

  /**
   * Whether this binding calls code generated for the class at compile time ({@link
   * GenerateCodec}).
   */
  public boolean usesGeneratedCode() {
    return generated != null;
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
      writer.write(value, version, out, writer.recordWriter(out));
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
      RecordWriter fieldWriter = writer.recordWriter(out);
      for (int i = 0; i < values.size(); i++) {
        T value = values.get(i);
        if (value == null) {
          throw new NullPointerException("values[" + i + "] is null");
        }
        int lengthAt = out.size();
        out.putInt(0);
        writer.write(value, version, out, fieldWriter);
        out.setInt(lengthAt, out.size() - lengthAt - 4);
      }
    } catch (RuntimeException | Error e) {
      out.truncate(start);
      throw e;
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
    return in.readRecord(in.end, reader());
  }

  /**
   * Decodes the bytes from {@code buffer}'s position to its limit, which must hold exactly one
   * record, without copying them; the buffer's position, limit and order are not changed.
   */
  public T decode(ByteBuffer buffer) {
    WireReader in = decoder.reader(buffer);
    return in.readRecord(in.end, reader());
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

  /** The state of one decode call: a sequence's records share it. */
  private TypedReader<T> reader() {
    return new TypedReader<>(type, fields, slotByKey, factory, rejectUnknownFields, generated);
  }

  private List<T> readSequence(WireReader in) {
    int count = BlazeSequences.readCount(in, "record");
    List<T> values = new ArrayList<>(count);
    TypedReader<T> reading = reader();
    for (int i = 0; i < count; i++) {
      int itemEnd = BlazeSequences.readItemEnd(in, "record");
      values.add(in.readRecord(itemEnd, reading));
    }
    BlazeSequences.checkNoTrailingBytes(in);
    return Collections.unmodifiableList(values);
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
