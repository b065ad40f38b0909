package dev.blazebench.binary;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One field of a typed binding ({@link BlazeBinaryMapper}): its name as written on the wire, how
 * its Java type maps to a BlazeBinary value (its kind), the key bytes it is written with, and how
 * to read it from an object. Immutable once the binding is built.
 */
final class TypedField {

  // Kinds: the Java types a field may have, each with one BlazeBinary value type.
  static final int STRING = 0; // String: string (short, long or empty form)
  static final int INT = 1; // int, Integer: int (small or i64), decoded within int's range
  static final int LONG = 2; // long, Long: int
  static final int DOUBLE = 3; // double, Double: double (bit-exact)
  static final int BOOL = 4; // boolean, Boolean: bool
  static final int UUID_KIND = 5; // UUID: uuid
  static final int INSTANT = 6; // Instant: date
  static final int DATA = 7; // byte[]: data
  static final int VECTOR = 8; // float[]: vector
  static final int STRING_LIST = 9; // List<String>: array of strings
  static final int VALUE = 10; // BlazeValue: any value, as BlazeRecord holds it

  private static final String[] KIND_NAMES = {
    "string",
    "int",
    "int",
    "double",
    "bool",
    "uuid",
    "date",
    "data",
    "vector",
    "array of strings",
    "value"
  };

  /** The name as written and read: the record component or bean property name. */
  final String name;

  /** NFC form of {@link #name}, for matching names read from the wire. */
  final String key;

  final int kind;

  /** True for a primitive Java type: it cannot be null, so the field cannot be missing. */
  final boolean primitive;

  /** The Java type, for messages. */
  final Class<?> javaType;

  /** The common-field id, or 0 when the name is written in full (0xFF, u16 length, UTF-8). */
  final int commonId;

  /** The name's UTF-8 when it is written in full; null for a common field. */
  final byte[] nameUtf8;

  /**
   * The key exactly as written: the common-field id, or 0xFF, the u16 length and the UTF-8 name.
   */
  final byte[] keyBytes;

  /** The value of a reference field; null for primitives. */
  final TypedAccessors.RefGetter getRef;

  /**
   * The value of a primitive field (an int or long, a boolean as 0 or 1, a double's raw bits); null
   * for references.
   */
  final TypedAccessors.PrimGetter getPrim;

  TypedField(
      String name,
      int kind,
      boolean primitive,
      Class<?> javaType,
      TypedAccessors.RefGetter getRef,
      TypedAccessors.PrimGetter getPrim) {
    this.name = name;
    this.key = KeyOrder.normalize(name);
    this.kind = kind;
    this.primitive = primitive;
    this.javaType = javaType;
    this.commonId = CommonFields.idOf(name);
    this.nameUtf8 = commonId != 0 ? null : name.getBytes(StandardCharsets.UTF_8);
    if (nameUtf8 != null && nameUtf8.length > Wire.MAX_U16) {
      throw new IllegalArgumentException(
          "field name '"
              + name.substring(0, 40)
              + "...' is "
              + nameUtf8.length
              + " UTF-8 bytes; the format holds at most 65535");
    }
    if (nameUtf8 == null) {
      this.keyBytes = new byte[] {(byte) commonId};
    } else {
      byte[] key = new byte[3 + nameUtf8.length];
      key[0] = (byte) CommonFields.CUSTOM_NAME_MARKER;
      key[1] = (byte) (nameUtf8.length >>> 8);
      key[2] = (byte) nameUtf8.length;
      System.arraycopy(nameUtf8, 0, key, 3, nameUtf8.length);
      this.keyBytes = key;
    }
    this.getRef = getRef;
    this.getPrim = getPrim;
  }

  /** The kind of a field of Java type {@code raw} ({@code generic} with its type arguments). */
  static int kindOf(Class<?> raw, Type generic, String where) {
    if (raw == String.class) {
      return STRING;
    } else if (raw == int.class || raw == Integer.class) {
      return INT;
    } else if (raw == long.class || raw == Long.class) {
      return LONG;
    } else if (raw == double.class || raw == Double.class) {
      return DOUBLE;
    } else if (raw == boolean.class || raw == Boolean.class) {
      return BOOL;
    } else if (raw == UUID.class) {
      return UUID_KIND;
    } else if (raw == Instant.class) {
      return INSTANT;
    } else if (raw == byte[].class) {
      return DATA;
    } else if (raw == float[].class) {
      return VECTOR;
    } else if (raw == BlazeValue.class) {
      return VALUE;
    } else if (raw == List.class
        && generic instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] == String.class) {
      return STRING_LIST;
    }
    throw new IllegalArgumentException(
        where
            + " has type "
            + generic.getTypeName()
            + ", which has no BlazeBinary mapping (supported: String, int, long, double, boolean"
            + " and their boxes, UUID, Instant, byte[], float[], List<String>, BlazeValue)");
  }

  /** The value type the kind is written as, for messages. */
  String kindName() {
    return KIND_NAMES[kind];
  }

  /** Whether the field may be null (absent on the wire). */
  boolean nullable() {
    return !primitive;
  }
}
