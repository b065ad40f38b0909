package dev.blazebench.binary;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The state of one decode call, reused for every record of a sequence: the decoded values by slot,
 * and which fields were seen.
 */
final class TypedReader<T> implements WireReader.FieldsReader<T> {

  private final Class<T> type;
  private final TypedField[] fields;
  private final Map<String, Integer> slotByKey;
  private final TypedClassModel.Instantiator factory;
  private final boolean rejectUnknownFields;

  /** The class's generated code, or null; with what it reads through. */
  private final GeneratedCodec<T> generated;

  private final RecordReader recordReader;

  private final Object[] refs;
  private final long[] prims;

  /** Bit {@code i} (of word {@code i / 64}) set: field {@code i} was read in this record. */
  private final long[] seen;

  /** NFC names of fields the class does not have, to find duplicates; made when first needed. */
  private Set<String> unknownKeys;

  TypedReader(
      Class<T> type,
      TypedField[] fields,
      Map<String, Integer> slotByKey,
      TypedClassModel.Instantiator factory,
      boolean rejectUnknownFields,
      GeneratedCodec<T> generated) {
    this.type = type;
    this.generated = generated;
    this.recordReader = generated == null ? null : new RecordReader(type, fields);
    this.fields = fields;
    this.slotByKey = slotByKey;
    this.factory = factory;
    this.rejectUnknownFields = rejectUnknownFields;
    this.refs = new Object[fields.length];
    this.prims = new long[fields.length];
    this.seen = new long[(fields.length + 63) >>> 6];
  }

  @Override
  public T read(WireReader in, int count, int recordStart) {
    if (generated != null && count == fields.length) {
      // The generated code reads what the loop below reads first, in one pass; a record it cannot
      // read that way (a key that differs) is read again from its first field.
      int firstField = in.pos;
      recordReader.readFrom(in, recordStart);
      T value = generated.read(recordReader);
      if (value != null) {
        return value;
      }
      in.pos = firstField;
    }
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
      throw cannotCreate(in, type, e, recordStart);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      throw cannotCreate(in, type, e, recordStart);
    }
  }

  static BlazeBinaryException cannotCreate(
      WireReader in, Class<?> type, Throwable e, int recordStart) {
    return in.fail("cannot make a " + type.getName() + " of the fields read: " + e, recordStart);
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
    if (f.primitive) {
      prims[slot] =
          switch (f.kind) {
            case TypedField.INT, TypedField.LONG -> readInteger(in, f);
            case TypedField.DOUBLE -> Double.doubleToRawLongBits(readDouble(in, f));
            default -> readBool(in, f) ? 1 : 0; // BOOL
          };
      return;
    }
    refs[slot] =
        switch (f.kind) {
          case TypedField.STRING -> readString(in, f);
          case TypedField.INT -> boxedInt(in, f);
          case TypedField.LONG -> isNull(in) ? null : readInteger(in, f);
          case TypedField.DOUBLE -> isNull(in) ? null : readDouble(in, f);
          case TypedField.BOOL -> isNull(in) ? null : readBool(in, f);
          case TypedField.UUID_KIND -> readUuid(in, f);
          case TypedField.INSTANT -> readInstant(in, f);
          case TypedField.DATA -> readData(in, f);
          case TypedField.VECTOR -> readVector(in, f);
          case TypedField.STRING_LIST -> readStringList(in, f);
          default -> in.readValue(0); // VALUE
        };
  }

  // ---- one value of each kind, the cursor at its tag; shared with RecordReader ----
  // A reference kind reads a null tag as null; the primitive reads (readInteger, readDouble,
  // readBool) refuse it, naming the field's Java type.

  /** Moves past a null tag and says so; otherwise reads nothing. */
  static boolean isNull(WireReader in) {
    if (in.pos < in.end && in.u8At(in.pos) == Wire.TAG_NULL) {
      in.pos++;
      return true;
    }
    return false;
  }

  static String readString(WireReader in, TypedField f) {
    int at = in.pos;
    int tag = in.readU8("value tag");
    return tag == Wire.TAG_NULL ? null : readString(in, f, tag, at);
  }

  /** An int or long field's value; an INT field's must fit in a Java int. */
  static long readInteger(WireReader in, TypedField f) {
    int at = in.pos;
    int tag = tagOfPrimitive(in, f, at);
    long v = readInteger(in, f, tag, at);
    if (f.kind == TypedField.INT && v != (int) v) {
      throw in.fail("field '" + f.name + "': " + v + " does not fit in a Java int", at);
    }
    return v;
  }

  static Integer boxedInt(WireReader in, TypedField f) {
    return isNull(in) ? null : (int) readInteger(in, f);
  }

  static double readDouble(WireReader in, TypedField f) {
    int at = in.pos;
    expect(in, f, tagOfPrimitive(in, f, at), Wire.TAG_DOUBLE, at);
    return Double.longBitsToDouble(in.readI64("double"));
  }

  static boolean readBool(WireReader in, TypedField f) {
    int at = in.pos;
    expect(in, f, tagOfPrimitive(in, f, at), Wire.TAG_BOOL, at);
    return in.readU8("bool") != 0; // any non-zero byte, as in BlazeDB
  }

  static UUID readUuid(WireReader in, TypedField f) {
    return present(in, f, Wire.TAG_UUID) ? in.readUuid("uuid") : null;
  }

  static Instant readInstant(WireReader in, TypedField f) {
    int at = in.pos;
    if (!present(in, f, Wire.TAG_DATE)) {
      return null;
    }
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
    return instant;
  }

  private static byte[] readData(WireReader in, TypedField f) {
    int at = in.pos;
    if (!present(in, f, Wire.TAG_DATA)) {
      return null;
    }
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
    return in.readBytes(length, "data");
  }

  private static float[] readVector(WireReader in, TypedField f) {
    int at = in.pos;
    if (!present(in, f, Wire.TAG_VECTOR)) {
      return null;
    }
    long count = in.readU32("vector count");
    in.checkCount(count, 4, "vector element", at);
    float[] values = new float[(int) count];
    for (int k = 0; k < values.length; k++) {
      values[k] = Float.intBitsToFloat(in.i32At(in.pos));
      in.pos += 4;
    }
    return values;
  }

  static List<String> readStringList(WireReader in, TypedField f) {
    int at = in.pos;
    int tag = in.readU8("value tag");
    return tag == Wire.TAG_NULL ? null : readStringList(in, f, tag, at);
  }

  /**
   * Reads the tag of a reference field's value: false for a null, true for {@code expected} (the
   * value follows), an error naming the field for any other tag.
   */
  private static boolean present(WireReader in, TypedField f, int expected) {
    int at = in.pos;
    int tag = in.readU8("value tag");
    if (tag == Wire.TAG_NULL) {
      return false;
    }
    expect(in, f, tag, expected, at);
    return true;
  }

  /** The tag of a primitive field's value, which cannot be null. */
  private static int tagOfPrimitive(WireReader in, TypedField f, int at) {
    int tag = in.readU8("value tag");
    if (tag == Wire.TAG_NULL) {
      throw in.fail(
          "field '" + f.name + "': null for a " + f.javaType.getName() + " (not nullable)", at);
    }
    return tag;
  }

  /**
   * Moves past field {@code f}'s key when the bytes at the cursor are exactly those this binding
   * writes for it; otherwise reads nothing, and the caller reads the name in full.
   */
  static boolean skipKeyIfWrittenAs(WireReader in, TypedField f) {
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
}
