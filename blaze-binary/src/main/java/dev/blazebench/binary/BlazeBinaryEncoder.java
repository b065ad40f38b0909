package dev.blazebench.binary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Writes a {@link BlazeRecord} as BlazeBinary, byte for byte as BlazeDB does (see BLAZEBINARY.md):
 * {@code "BLAZE"}, the version byte, a u16 field count, the fields in key order, and for {@link
 * FormatVersion#V2} a CRC-32 of everything before it.
 *
 * <p>Values take their shortest form: 1..15-byte strings inline in the tag (0x20-0x2F), the empty
 * string as 0x11, integers 0..255 as 0x12 plus one byte, empty arrays and dictionaries as 0x18 and
 * 0x19. Field names in the common-field table are one byte; other names and all dictionary keys are
 * written out in UTF-8.
 *
 * <p>What the format cannot hold is refused with a {@link BlazeEncodingException}, and the output
 * buffer is left exactly as it was (size and contents): a name or dictionary key over 65,535 UTF-8
 * bytes, more than 65,535 fields, items or entries, arrays and dictionaries nested deeper than the
 * depth limit (default {@value #DEFAULT_MAX_DEPTH}, the decoder's default too), an unpaired
 * surrogate in any string or name (a Swift {@code String} cannot hold one), or output over the
 * largest Java array.
 *
 * <p>Vectors are written as a u32 count and float32 big-endian, as the format intends. Today's
 * BlazeDB writes the top half of each double instead and reads floats little-endian, so vectors do
 * not interoperate with it in either direction.
 *
 * <pre>{@code
 * byte[] bytes = BlazeBinaryEncoder.encode(record, FormatVersion.V1);
 *
 * GrowableBuffer out = new GrowableBuffer(4096);   // reused: no allocation per record
 * BlazeBinaryEncoder.encode(record, FormatVersion.V2, out);
 * }</pre>
 */
public final class BlazeBinaryEncoder {

  /** Nesting depth the encoder allows unless told otherwise; equal to the decoder's default. */
  public static final int DEFAULT_MAX_DEPTH = DecodeLimits.DEFAULT_MAX_DEPTH;

  private static final VarHandle SHORT_BE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private BlazeBinaryEncoder() {}

  /** The record's bytes in {@code version}'s format. */
  public static byte[] encode(BlazeRecord record, FormatVersion version) {
    // Sized to the record's exact length when its text is ASCII, so the array is allocated once
    // and handed out without a copy.
    GrowableBuffer out = new GrowableBuffer(EncodedSize.capacity(EncodedSize.of(record, version)));
    encode(record, version, out);
    return out.detachBytes();
  }

  /** Appends the record's bytes to {@code out}; on refusal {@code out} is unchanged. */
  public static void encode(BlazeRecord record, FormatVersion version, GrowableBuffer out) {
    encode(record, version, out, DEFAULT_MAX_DEPTH);
  }

  /**
   * Appends the record's bytes to {@code out}, refusing arrays and dictionaries nested more than
   * {@code maxDepth} deep (a container in a field is at depth 1); on refusal {@code out} is
   * unchanged.
   */
  public static void encode(
      BlazeRecord record, FormatVersion version, GrowableBuffer out, int maxDepth) {
    DecodeLimits.checkDepthLimit(maxDepth);
    int start = out.size();
    try {
      writeRecord(record, version, out, maxDepth);
    } catch (BlazeEncodingException e) {
      out.truncate(start);
      throw e;
    }
  }

  /** A first capacity guess for the record in either version; the buffer grows when it is short. */
  static int estimateBytes(BlazeRecord record) {
    return EncodedSize.capacity(EncodedSize.of(record, FormatVersion.V2));
  }

  /** Writes the record without undoing a partial write; callers roll back. */
  static void writeRecord(
      BlazeRecord record, FormatVersion version, GrowableBuffer out, int maxDepth) {
    int start = out.size();
    int fieldCount = record.size();
    if (fieldCount > Wire.MAX_U16) {
      throw new BlazeEncodingException(
          "record has " + fieldCount + " fields; the format holds at most " + Wire.MAX_U16);
    }
    out.ensureRemaining(Wire.HEADER_BYTES);
    out.putInt(Wire.MAGIC_FIRST_FOUR);
    out.putByte(Wire.MAGIC[4]);
    out.putByte(version.wireByte());
    out.putShort(fieldCount);
    byte[] ids = record.commonFieldIds();
    for (int i = 0; i < fieldCount; i++) {
      String name = record.nameAt(i);
      int id = ids[i] & 0xFF;
      if (id != 0) {
        out.putByte(id);
      } else {
        out.putByte(CommonFields.CUSTOM_NAME_MARKER);
        writeShortUtf8(name, out, "field name", name);
      }
      writeValue(record.valueAt(i), out, 0, maxDepth, name);
    }
    if (version == FormatVersion.V2) {
      CRC32 crc = new CRC32();
      crc.update(out.array(), start, out.size() - start);
      out.putInt((int) crc.getValue());
    }
  }

  static void writeValue(
      BlazeValue value, GrowableBuffer out, int depth, int maxDepth, String field) {
    // instanceof on final classes is a pointer compare; most common types first.
    if (value instanceof BlazeValue.StringValue s) {
      writeString(s.value(), out, field);
    } else if (value instanceof BlazeValue.IntValue i) {
      long v = i.value();
      if (v >= 0 && v <= 0xFF) {
        out.putTagAndByte(Wire.TAG_SMALL_INT, (int) v);
      } else {
        out.putTagAndLong(Wire.TAG_INT, v);
      }
    } else if (value instanceof BlazeValue.DoubleValue d) {
      out.putTagAndLong(Wire.TAG_DOUBLE, d.bits());
    } else if (value instanceof BlazeValue.BoolValue b) {
      out.putTagAndByte(Wire.TAG_BOOL, b.value() ? 1 : 0);
    } else if (value instanceof BlazeValue.UuidValue u) {
      UUID uuid = u.value();
      out.putTagAndLongs(
          Wire.TAG_UUID, uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    } else if (value instanceof BlazeValue.DateValue d) {
      out.putTagAndLong(Wire.TAG_DATE, d.bits());
    } else if (value instanceof BlazeValue.DataValue d) {
      byte[] bytes = d.unsafeBytes();
      out.ensureRemaining(5L + bytes.length);
      out.putByte(Wire.TAG_DATA);
      out.putInt(bytes.length);
      out.putBytes(bytes);
    } else if (value instanceof BlazeValue.ArrayValue a) {
      writeArray(a.items(), out, depth + 1, maxDepth, field);
    } else if (value instanceof BlazeValue.DictionaryValue d) {
      writeDictionary(d.entries(), out, depth + 1, maxDepth, field);
    } else if (value instanceof BlazeValue.VectorValue v) {
      int n = v.length();
      out.ensureRemaining(5L + 4L * n);
      out.putByte(Wire.TAG_VECTOR);
      out.putInt(n);
      for (int k = 0; k < n; k++) {
        out.putInt(Float.floatToRawIntBits(v.get(k)));
      }
    } else {
      out.putByte(Wire.TAG_NULL); // NullValue: the sealed interface leaves nothing else
    }
  }

  private static void writeArray(
      List<BlazeValue> items, GrowableBuffer out, int depth, int maxDepth, String field) {
    checkDepth(depth, maxDepth, field);
    int n = items.size();
    if (n == 0) {
      out.putByte(Wire.TAG_EMPTY_ARRAY);
      return;
    }
    if (n > Wire.MAX_U16) {
      throw new BlazeEncodingException(
          "field '"
              + abbreviate(field)
              + "': array has "
              + n
              + " items; the format holds at most "
              + Wire.MAX_U16);
    }
    out.putByte(Wire.TAG_ARRAY);
    out.putShort(n);
    for (int i = 0; i < n; i++) {
      writeValue(items.get(i), out, depth, maxDepth, field);
    }
  }

  private static void writeDictionary(
      BlazeRecord entries, GrowableBuffer out, int depth, int maxDepth, String field) {
    checkDepth(depth, maxDepth, field);
    int n = entries.size();
    if (n == 0) {
      out.putByte(Wire.TAG_EMPTY_DICTIONARY);
      return;
    }
    if (n > Wire.MAX_U16) {
      throw new BlazeEncodingException(
          "field '"
              + abbreviate(field)
              + "': dictionary has "
              + n
              + " entries; the format holds at most "
              + Wire.MAX_U16);
    }
    out.putByte(Wire.TAG_DICTIONARY);
    out.putShort(n);
    for (int i = 0; i < n; i++) {
      writeShortUtf8(entries.nameAt(i), out, "dictionary key", field);
      writeValue(entries.valueAt(i), out, depth, maxDepth, field);
    }
  }

  private static void checkDepth(int depth, int maxDepth, String field) {
    if (depth > maxDepth) {
      throw new BlazeEncodingException(
          "field '"
              + abbreviate(field)
              + "': arrays and dictionaries nested deeper than the limit of "
              + maxDepth);
    }
  }

  static void writeUuid(UUID uuid, GrowableBuffer out) {
    // Text order: the most significant long's bytes, then the least's, both big-endian.
    out.ensureRemaining(16);
    out.putLong(uuid.getMostSignificantBits());
    out.putLong(uuid.getLeastSignificantBits());
  }

  /** A u16 byte length then UTF-8: field names and dictionary keys. */
  static void writeShortUtf8(String s, GrowableBuffer out, String what, String field) {
    writeShortUtf8(StringBytes.CHOSEN, s, out, what, field);
  }

  /**
   * As {@link #writeShortUtf8(String, GrowableBuffer, String, String)}, through {@code strings}.
   */
  static void writeShortUtf8(
      StringBytes strings, String s, GrowableBuffer out, String what, String field) {
    if (s.length() > Wire.MAX_U16) {
      // Every UTF-16 char is at least one UTF-8 byte.
      throw tooLong(what, s, Utf8.encodedLength(s), field);
    }
    int chars = s.length();
    // Reserve one byte per char (exact for ASCII), so that a buffer sized by EncodedSize never
    // grows; only a name with other characters reserves the worst case and is written again.
    out.ensureRemaining(2 + chars);
    int start = out.size();
    byte[] latin1 = strings.latin1Bytes(s);
    if (latin1 != null && Utf8.isAscii(latin1)) {
      byte[] a = out.array();
      SHORT_BE.set(a, start, (short) chars);
      System.arraycopy(latin1, 0, a, start + 2, chars);
      out.setSize(start + 2 + chars);
      return;
    }
    if (Utf8.encodeAscii(s, out.array(), start + 2) == chars) {
      out.array()[start] = (byte) (chars >>> 8);
      out.array()[start + 1] = (byte) chars;
      out.setSize(start + 2 + chars);
      return;
    }
    out.ensureRemaining(2 + Utf8.MAX_BYTES_PER_CHAR * chars);
    int end = Utf8.encode(s, out.array(), start + 2);
    if (end < 0) {
      throw unpairedSurrogate(what, s, -end - 1, field);
    }
    int bytes = end - start - 2;
    if (bytes > Wire.MAX_U16) {
      throw tooLong(what, s, bytes, field);
    }
    out.array()[start] = (byte) (bytes >>> 8);
    out.array()[start + 1] = (byte) bytes;
    out.setSize(end);
  }

  /**
   * A u8 byte length then UTF-8, at most {@code maxBytes}: an operation's collection name. Refuses
   * with {@code what} in the message.
   */
  static void writeTinyUtf8(String s, GrowableBuffer out, int maxBytes, String what) {
    if (s.length() > maxBytes) {
      throw new BlazeEncodingException(
          what + " is " + Utf8.encodedLength(s) + " UTF-8 bytes; at most " + maxBytes + " fit");
    }
    out.ensureRemaining(1 + Utf8.MAX_BYTES_PER_CHAR * s.length());
    int start = out.size();
    int end = Utf8.encode(s, out.array(), start + 1);
    if (end < 0) {
      throw new BlazeEncodingException(
          what + " has an unpaired surrogate at char index " + (-end - 1));
    }
    int bytes = end - start - 1;
    if (bytes > maxBytes) {
      throw new BlazeEncodingException(
          what + " is " + bytes + " UTF-8 bytes; at most " + maxBytes + " fit");
    }
    out.array()[start] = (byte) bytes;
    out.setSize(end);
  }

  /** A string value in its shortest form. */
  static void writeString(String s, GrowableBuffer out, String field) {
    writeString(StringBytes.CHOSEN, s, out, field);
  }

  /** As {@link #writeString(String, GrowableBuffer, String)}, through {@code strings}. */
  static void writeString(StringBytes strings, String s, GrowableBuffer out, String field) {
    int chars = s.length();
    if (chars == 0) {
      out.putByte(Wire.TAG_EMPTY_STRING);
      return;
    }
    byte[] latin1 = strings.latin1Bytes(s);
    if (latin1 != null) {
      // Exactly what an ASCII value takes, so that a buffer sized by EncodedSize never grows.
      out.ensureRemaining((chars <= Wire.MAX_SHORT_STRING_BYTES ? 1L : 5L) + chars);
      int end = putIfAscii(latin1, out.array(), out.size());
      if (end >= 0) {
        out.setSize(end);
        return;
      }
    }
    if (chars > Wire.MAX_SHORT_STRING_BYTES) {
      writeLongString(s, out, field);
      return;
    }
    // ASCII first, reserving one byte per char: exact, so a buffer sized by EncodedSize never
    // grows.
    out.ensureRemaining(1 + chars);
    byte[] a = out.array();
    int start = out.size();
    if (Utf8.encodeAscii(s, a, start + 1) == chars) {
      a[start] = (byte) (Wire.TAG_SHORT_STRING | chars);
      out.setSize(start + 1 + chars);
      return;
    }
    // At most 15 chars, so at most 45 bytes: reserve that, write the bytes after a one-byte tag,
    // and if they turn out to be 16 or more, move them to make room for the u32 length.
    out.ensureRemaining(5 + Utf8.MAX_BYTES_PER_CHAR * chars);
    a = out.array();
    int end = Utf8.encode(s, a, start + 1);
    if (end < 0) {
      throw unpairedSurrogate("string value", s, -end - 1, field);
    }
    int bytes = end - start - 1;
    if (bytes <= Wire.MAX_SHORT_STRING_BYTES) {
      a[start] = (byte) (Wire.TAG_SHORT_STRING | bytes);
    } else {
      System.arraycopy(a, start + 1, a, start + 5, bytes);
      end += 4;
      a[start] = Wire.TAG_STRING;
      INT_BE.set(a, start + 1, bytes);
    }
    out.setSize(end);
  }

  /**
   * Stores at {@code a[p]} the string value whose Latin-1 bytes are {@code latin1} (not empty), in
   * its shortest form, when they are all ASCII, and returns the index after it; returns -1, having
   * written nothing, when they are not. The caller has made room for the value as ASCII: {@code 1 +
   * latin1.length} bytes up to 15, else {@code 5 + latin1.length}.
   */
  static int putIfAscii(byte[] latin1, byte[] a, int p) {
    // Checked in the string, not after copying: reading back bytes just copied stalls on the
    // copy's wide stores. (Checking while copying, a word at a time, measured no faster: the
    // time is in first touching the string's bytes, which either way happens once.)
    if (!Utf8.isAscii(latin1)) {
      return -1;
    }
    int n = latin1.length;
    int at;
    if (n <= Wire.MAX_SHORT_STRING_BYTES) {
      a[p] = (byte) (Wire.TAG_SHORT_STRING | n);
      at = p + 1;
    } else {
      a[p] = Wire.TAG_STRING;
      INT_BE.set(a, p + 1, n);
      at = p + 5;
    }
    System.arraycopy(latin1, 0, a, at, n);
    return at + n;
  }

  /**
   * A string of 16 or more chars, so of 16 or more UTF-8 bytes: always the u32-length form. The
   * JDK's own encoder is much faster than a char loop (an all-ASCII string is one vectorised check
   * and a copy), but it writes '?' for an unpaired surrogate; so when a '?' appears, the string is
   * checked for those.
   */
  private static void writeLongString(String s, GrowableBuffer out, String field) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (Utf8.containsQuestionMark(utf8)) {
      long checked = Utf8.encodedLength(s);
      if (checked < 0) {
        throw unpairedSurrogate("string value", s, (int) (-checked - 1), field);
      }
    }
    out.ensureRemaining(5L + utf8.length);
    out.putByte(Wire.TAG_STRING);
    out.putInt(utf8.length);
    out.putBytes(utf8);
  }

  private static BlazeEncodingException tooLong(
      String what, String s, long utf8Bytes, String field) {
    return new BlazeEncodingException(
        describe(what, s, field)
            + " is "
            + utf8Bytes
            + " UTF-8 bytes; the format holds at most "
            + Wire.MAX_U16);
  }

  private static BlazeEncodingException unpairedSurrogate(
      String what, String s, int charIndex, String field) {
    return new BlazeEncodingException(
        describe(what, s, field)
            + " has an unpaired surrogate U+"
            + Integer.toHexString(s.charAt(charIndex)).toUpperCase(Locale.ROOT)
            + " at char index "
            + charIndex
            + " (not valid Unicode; a Swift String cannot hold it)");
  }

  private static String describe(String what, String s, String field) {
    return "field '" + abbreviate(field) + "': " + what + " '" + abbreviate(s) + "'";
  }

  /** At most 40 chars of {@code s}, for messages about names that may be huge. */
  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
