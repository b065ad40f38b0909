package dev.blazebench.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One strict pass over BlazeBinary input: a cursor, the current end, and the record and value
 * grammar. Subclasses supply the raw big-endian reads for a {@code byte[]} or a {@link
 * java.nio.ByteBuffer}; neither copies the input. Not thread-safe; one per decode call.
 *
 * <p>Every check happens before the read or allocation it guards: a length or count is compared
 * with the limits and with the bytes that remain before anything is sized from it, so no input can
 * make the decoder allocate more than a small multiple of its own size, recurse deeper than {@link
 * DecodeLimits#maxDepth()}, or index outside the input. Problems are reported as {@link
 * BlazeBinaryException}s whose offsets count from the start of the whole input.
 */
abstract class WireReader {

  private static final BlazeValue.IntValue[] SMALL_INTS = new BlazeValue.IntValue[256];
  private static final BlazeValue.StringValue EMPTY_STRING = new BlazeValue.StringValue("");
  private static final BlazeValue.ArrayValue EMPTY_ARRAY = new BlazeValue.ArrayValue(List.of());
  private static final BlazeValue.DictionaryValue EMPTY_DICTIONARY =
      new BlazeValue.DictionaryValue(BlazeRecord.empty());

  static {
    for (int i = 0; i < SMALL_INTS.length; i++) {
      SMALL_INTS[i] = new BlazeValue.IntValue(i);
    }
  }

  final DecodeLimits limits;

  /** The index reported as offset 0. */
  private final int origin;

  /** Index of the next byte to read. */
  int pos;

  /** Reads stop before this index. */
  int end;

  /** True while reading the body of a v2 record: the 4 bytes at {@link #end} are its CRC-32. */
  private boolean checksumAtEnd;

  /** The version of the record {@link #readRecord} read last. */
  FormatVersion lastVersion;

  /** Whether the string {@link #decodeUtf8} returned last was all ASCII (so already NFC). */
  private boolean lastStringAscii;

  /** The common-field id of the field name read last; -1 when it was written in full. */
  private int lastCommonFieldId;

  /** Records read so far by {@link #readRecord}. */
  private int recordsRead;

  /** The field names of the last record of a sequence read in full, if in key order; or null. */
  private FieldLayout lastLayout;

  WireReader(DecodeLimits limits, int start, int end) {
    this.limits = limits;
    this.origin = start;
    this.pos = start;
    this.end = end;
  }

  // ---- raw reads at an index already checked to be inside the input ----

  abstract int u8At(int at);

  abstract int u16At(int at);

  abstract int i32At(int at);

  abstract long i64At(int at);

  /** {@code length} bytes at {@code at} as a String; fails on ill-formed UTF-8. */
  abstract String utf8At(int at, int length, String what);

  abstract byte[] bytesAt(int at, int length);

  /**
   * Whether the {@code expected.length} bytes at {@code at} (inside the input) are {@code
   * expected}.
   */
  abstract boolean regionEquals(int at, byte[] expected);

  /** CRC-32 (zlib) of {@code length} bytes at {@code at}. */
  abstract int crc32At(int at, int length);

  // ---- errors ----

  final BlazeBinaryException fail(String problem, int at) {
    return new BlazeBinaryException(problem, (long) at - origin);
  }

  /** Decodes UTF-8 held in {@code a[from, from + length)}, which sits at input index {@code at}. */
  final String decodeUtf8(byte[] a, int from, int length, int at, String what) {
    // The JDK's UTF-8 decoder has a vectorised all-ASCII check and then just copies; it is lax
    // (malformed bytes become U+FFFD), so whatever it did not prove ASCII is validated after.
    String s = new String(a, from, length, StandardCharsets.UTF_8);
    // As many chars as bytes and no replacement char means every byte was ASCII: a valid
    // multi-byte sequence yields fewer chars than bytes, a malformed one yields U+FFFD. On a
    // Latin-1 string, indexOf of a char above U+00FF returns without scanning.
    if (s.length() == length && s.indexOf('\uFFFD') < 0) {
      lastStringAscii = true;
      return s;
    }
    lastStringAscii = false;
    int bad = Utf8.firstInvalid(a, from, from + length);
    if (bad >= 0) {
      throw fail("invalid UTF-8 in " + what + " (byte " + Wire.hex(a[bad]) + ")", at + bad - from);
    }
    return s;
  }

  // ---- cursor reads ----

  /** Fails unless {@code n} more bytes can be read before {@link #end}. */
  final void require(long n, String what) {
    long remaining = end - pos;
    if (n <= remaining) {
      return;
    }
    if (checksumAtEnd && n <= remaining + Wire.CRC_BYTES) {
      throw fail(what + " reaches into the CRC-32 checksum", pos);
    }
    throw fail("truncated " + what + ": needs " + n + " bytes, " + remaining + " remain", pos);
  }

  final int readU8(String what) {
    require(1, what);
    return u8At(pos++);
  }

  final int readU16(String what) {
    require(2, what);
    int v = u16At(pos);
    pos += 2;
    return v;
  }

  /** An unsigned 32-bit length or count. */
  final long readU32(String what) {
    require(4, what);
    long v = i32At(pos) & 0xFFFF_FFFFL;
    pos += 4;
    return v;
  }

  final long readI64(String what) {
    require(8, what);
    long v = i64At(pos);
    pos += 8;
    return v;
  }

  final UUID readUuid(String what) {
    require(16, what);
    UUID v = new UUID(i64At(pos), i64At(pos + 8));
    pos += 16;
    return v;
  }

  /** {@code n} bytes copied out; {@code n} may be any u32, it is checked before the copy. */
  final byte[] readBytes(long n, String what) {
    require(n, what);
    byte[] v = bytesAt(pos, (int) n);
    pos += (int) n;
    return v;
  }

  /**
   * A field name or dictionary key of {@code length} bytes at {@code at}: as {@link #utf8At}, but a
   * reader may hand out an equal String it decoded before ({@link NameCache}).
   */
  String nameAt(int at, int length, String what) {
    return utf8At(at, length, what);
  }

  /**
   * The name whose UTF-8 is {@code a[from, from + length)} (at input index {@code at}): the {@link
   * NameCache}'s String when it holds these bytes, else decoded, validated and remembered.
   */
  final String cachedName(byte[] a, int from, int length, int at, String what) {
    NameCache.Entry cached = NameCache.find(a, from, length);
    if (cached != null) {
      lastStringAscii = cached.ascii;
      return cached.name;
    }
    String name = decodeUtf8(a, from, length, at, what);
    NameCache.remember(a, from, length, name, lastStringAscii);
    return name;
  }

  /**
   * A string value of {@code length} (1..15) bytes at {@link #pos}, already checked to be inside
   * the input. A reader may hand out an equal value it decoded before ({@link ShortStringValues}).
   */
  BlazeValue.StringValue readShortString(int length) {
    return new BlazeValue.StringValue(readUtf8(length, "string"));
  }

  /** Whether a record of a sequence after its first is being read: repeats are likely. */
  final boolean pastFirstRecord() {
    return recordsRead > 0;
  }

  /** {@code n} bytes of UTF-8; {@code n} may be any u32, it is checked before the decode. */
  final String readUtf8(long n, String what) {
    require(n, what);
    String v = utf8At(pos, (int) n, what);
    pos += (int) n;
    return v;
  }

  /** Fails when {@code count} exceeds the count limit or cannot fit in the remaining bytes. */
  final void checkCount(long count, int minBytesEach, String what, int at) {
    if (count > limits.maxCount()) {
      throw fail(
          what + " count " + count + " exceeds the limit of " + limits.maxCount() + " (maxCount)",
          at);
    }
    long remaining = end - pos;
    if (count * minBytesEach > remaining) {
      throw fail(
          what
              + " count "
              + count
              + " cannot fit in the "
              + remaining
              + " remaining bytes (each takes at least "
              + minBytesEach
              + ")",
          at);
    }
  }

  // ---- records ----

  /** Reads and checks a record header at {@link #pos} for a record ending at {@code recordEnd}. */
  final FormatVersion readHeader(int recordEnd) {
    int start = pos;
    int length = recordEnd - start;
    if (length < Wire.HEADER_BYTES) {
      throw fail(
          "short header: "
              + length
              + " bytes, a BlazeBinary record needs at least "
              + Wire.HEADER_BYTES,
          start);
    }
    // One compare for the usual case; byte by byte only to say where a bad magic goes wrong.
    boolean magicMatches =
        i32At(start) == Wire.MAGIC_FIRST_FOUR && u8At(start + 4) == Wire.MAGIC[4];
    for (int i = 0; !magicMatches && i < Wire.MAGIC.length; i++) {
      if (u8At(start + i) != Wire.MAGIC[i]) {
        throw fail("bad magic: expected \"BLAZE\" (42 4C 41 5A 45)", start + i);
      }
    }
    int version = u8At(start + 5);
    if (version == 0x01) {
      return FormatVersion.V1;
    }
    if (version == 0x02) {
      return FormatVersion.V2;
    }
    throw fail("unknown version " + Wire.hex(version) + " (expected 0x01 or 0x02)", start + 5);
  }

  /**
   * Reads the whole record from {@link #pos} to {@code recordEnd}: every byte must belong to it.
   * Leaves {@link #pos} at {@code recordEnd} and the version in {@link #lastVersion}.
   */
  final BlazeRecord readRecord(int recordEnd) {
    return readRecord(recordEnd, RECORD_FIELDS);
  }

  /** Reads a record's fields, the cursor at the first; {@link #end} is the body's end. */
  interface FieldsReader<R> {
    /**
     * The {@code count} fields from {@link WireReader#pos}; {@code recordStart} is the header's.
     */
    R read(WireReader in, int count, int recordStart);
  }

  private static final FieldsReader<BlazeRecord> RECORD_FIELDS =
      (in, count, recordStart) -> in.readFields(count);

  /**
   * As {@link #readRecord(int)}, with the fields read by {@code fields} (a typed binding reads them
   * into its own objects); the header, checksum and trailing-byte checks are the same.
   */
  final <R> R readRecord(int recordEnd, FieldsReader<R> fields) {
    int start = pos;
    FormatVersion version = readHeader(recordEnd);
    int bodyEnd = recordEnd;
    if (version == FormatVersion.V2) {
      if (recordEnd - start < Wire.HEADER_BYTES + Wire.CRC_BYTES) {
        throw fail(
            "short v2 record: "
                + (recordEnd - start)
                + " bytes, header and CRC-32 trailer need "
                + (Wire.HEADER_BYTES + Wire.CRC_BYTES),
            start);
      }
      bodyEnd = recordEnd - Wire.CRC_BYTES;
      int stored = i32At(bodyEnd);
      int computed = crc32At(start, bodyEnd - start);
      if (stored != computed) {
        throw fail(
            String.format(
                Locale.ROOT,
                "CRC-32 mismatch: stored 0x%08X, computed 0x%08X over %d bytes",
                stored,
                computed,
                bodyEnd - start),
            bodyEnd);
      }
    }
    int outerEnd = end;
    boolean outerChecksum = checksumAtEnd;
    end = bodyEnd;
    checksumAtEnd = version == FormatVersion.V2;
    int countAt = start + 6;
    int count = u16At(countAt);
    pos = start + Wire.HEADER_BYTES;
    // Each field takes at least a one-byte key and a one-byte value.
    checkCount(count, 2, "field", countAt);
    R record = fields.read(this, count, start);
    if (pos != bodyEnd) {
      throw fail(
          "trailing bytes: "
              + (bodyEnd - pos)
              + " bytes after the last field"
              + (version == FormatVersion.V2 ? ", before the CRC-32 trailer" : ""),
          pos);
    }
    end = outerEnd;
    checksumAtEnd = outerChecksum;
    pos = recordEnd;
    lastVersion = version;
    recordsRead++;
    return record;
  }

  /**
   * A record's {@code count} fields: matched name by name against the {@link FieldLayout} of the
   * record before, which saves decoding, looking up and order-checking the names, and read in full
   * from the first name that differs.
   */
  private BlazeRecord readFields(int count) {
    FieldLayout layout = lastLayout;
    if (count == 0 || layout == null || layout.size() != count) {
      return readEntries(count, 0, true, pos, null, 0, null);
    }
    int entriesStart = pos;
    BlazeValue[] values = new BlazeValue[count];
    for (int i = 0; i < count; i++) {
      if (!skipNameIfWrittenAs(layout, i)) {
        return readEntries(count, 0, true, entriesStart, layout, i, values);
      }
      values[i] = readValue(0);
    }
    return BlazeRecord.ofSortedUnchecked(layout.names, values, layout.ids);
  }

  /**
   * Moves past field name {@code i} when the bytes at {@link #pos} are exactly those it was written
   * with in {@code layout}; otherwise reads nothing (the caller then reads the name in full, with
   * every check and error of that path).
   */
  private boolean skipNameIfWrittenAs(FieldLayout layout, int i) {
    int remaining = end - pos;
    int id = layout.writtenId(i);
    if (id >= 0) {
      if (remaining >= 1 && u8At(pos) == id) {
        pos++;
        return true;
      }
      return false;
    }
    byte[] utf8 = layout.writtenUtf8(i);
    int n = utf8.length;
    if (remaining >= 3 + n
        && u8At(pos) == CommonFields.CUSTOM_NAME_MARKER
        && u16At(pos + 1) == n
        && regionEquals(pos + 3, utf8)) {
      pos += 3 + n;
      return true;
    }
    return false;
  }

  /**
   * {@code count} (name, value) pairs: record fields ({@code fieldNames}, names may use the
   * common-field table) or dictionary entries (u16 length and UTF-8 always). Names arrive in key
   * order from every BlazeDB writer; other orders are accepted and sorted, duplicates never.
   *
   * <p>The entries start at {@code entriesStart}; the first {@code from} of them (fields only) were
   * already matched against {@code layout}, their values are in {@code values}, and {@link #pos} is
   * at entry {@code from}.
   */
  private BlazeRecord readEntries(
      int count,
      int depth,
      boolean fieldNames,
      int entriesStart,
      FieldLayout layout,
      int from,
      BlazeValue[] values) {
    if (count == 0) {
      return BlazeRecord.empty();
    }
    String[] names = new String[count];
    if (values == null) {
      values = new BlazeValue[count];
    }
    // The id each field name was written with, 0 for a name written in full.
    byte[] writtenIds = fieldNames ? new byte[count] : null;
    boolean allCommon = fieldNames;
    for (int i = 0; i < from; i++) {
      names[i] = layout.names[i];
      int id = layout.writtenId(i);
      writtenIds[i] = (byte) Math.max(id, 0);
      allCommon &= id >= 0;
    }
    // The matched names were in strict key order; compareCodePoints is right for any NFC names.
    String previousKey = from > 0 ? KeyOrder.normalize(names[from - 1]) : null;
    boolean previousAscii = false;
    boolean sorted = true;
    for (int i = from; i < count; i++) {
      int at = pos;
      String name = fieldNames ? readFieldName() : readDictionaryKey();
      if (fieldNames) {
        allCommon &= lastCommonFieldId >= 0;
        writtenIds[i] = (byte) Math.max(lastCommonFieldId, 0);
      }
      // ASCII names (all common fields, most others) are their own NFC form, and for them
      // String.compareTo is code point order.
      boolean ascii = lastStringAscii;
      String key = ascii ? name : KeyOrder.normalize(name);
      if (previousKey != null) {
        int order =
            ascii && previousAscii
                ? previousKey.compareTo(key)
                : KeyOrder.compareCodePoints(previousKey, key);
        if (order == 0) {
          throw duplicate(fieldNames, names[i - 1], name, at);
        }
        sorted &= order < 0;
      }
      previousKey = key;
      previousAscii = ascii;
      names[i] = name;
      values[i] = readValue(depth);
    }
    if (!sorted) {
      sortEntries(names, values, entriesStart, depth, fieldNames);
      return BlazeRecord.ofSortedUnchecked(names, values);
    }
    if (fieldNames && recordsRead > 0) {
      // In a sequence (from its second record on): keep this layout for the records after.
      FieldLayout kept = FieldLayout.of(names, writtenIds);
      lastLayout = kept;
      return BlazeRecord.ofSortedUnchecked(names, values, kept.ids);
    }
    return allCommon
        ? BlazeRecord.ofSortedUnchecked(names, values, writtenIds)
        : BlazeRecord.ofSortedUnchecked(names, values);
  }

  /** Sorts entries that arrived out of key order, failing on any two that are one key. */
  private void sortEntries(
      String[] names, BlazeValue[] values, int entriesStart, int depth, boolean fieldNames) {
    int n = names.length;
    String[] keys = new String[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      keys[i] = KeyOrder.normalize(names[i]);
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> KeyOrder.compareCodePoints(keys[x], keys[y]));
    String[] sortedNames = names.clone();
    BlazeValue[] sortedValues = values.clone();
    for (int i = 0; i < n; i++) {
      int from = order[i];
      if (i > 0 && keys[from].equals(keys[order[i - 1]])) {
        int first = Math.min(from, order[i - 1]);
        int second = Math.max(from, order[i - 1]);
        throw duplicate(
            fieldNames,
            names[first],
            names[second],
            entryOffset(entriesStart, second, depth, fieldNames));
      }
      sortedNames[i] = names[from];
      sortedValues[i] = values[from];
    }
    System.arraycopy(sortedNames, 0, names, 0, n);
    System.arraycopy(sortedValues, 0, values, 0, n);
  }

  /**
   * Where entry {@code index} of the entries from {@code entriesStart} begins, found by reading
   * them again: only the error for a duplicate among unsorted entries needs it, so the common path
   * keeps no offsets.
   */
  private int entryOffset(int entriesStart, int index, int depth, boolean fieldNames) {
    int resume = pos;
    pos = entriesStart;
    for (int i = 0; i < index; i++) {
      if (fieldNames) {
        readFieldName();
      } else {
        readDictionaryKey();
      }
      readValue(depth);
    }
    int at = pos;
    pos = resume;
    return at;
  }

  private BlazeBinaryException duplicate(boolean fieldNames, String earlier, String later, int at) {
    String what = fieldNames ? "duplicate field name '" : "duplicate dictionary key '";
    String how =
        earlier.equals(later)
            ? ""
            : " (canonically equivalent to '" + earlier + "': one key in Swift)";
    return fail(what + later + "'" + how, at);
  }

  final String readFieldName() {
    int at = pos;
    int id = readU8("field name");
    if (id != CommonFields.CUSTOM_NAME_MARKER) {
      lastCommonFieldId = id;
      String name = CommonFields.nameOf(id);
      if (name == null) {
        throw fail("unknown common field id " + Wire.hex(id), at);
      }
      lastStringAscii = true;
      return name;
    }
    // The id is left unknown (-1): the encoder looks it up if this record is encoded again.
    lastCommonFieldId = -1;
    return readNameBytes("field name");
  }

  private String readDictionaryKey() {
    return readNameBytes("dictionary key");
  }

  private String readNameBytes(String what) {
    int length = readU16(what + " length");
    if (length > limits.maxStringBytes()) {
      throw fail(
          what
              + " of "
              + length
              + " bytes exceeds the limit of "
              + limits.maxStringBytes()
              + " (maxStringBytes)",
          pos - 2);
    }
    require(length, what);
    String name = nameAt(pos, length, what);
    pos += length;
    return name;
  }

  // ---- values ----

  /** One value; {@code depth} is the number of arrays and dictionaries around it. */
  final BlazeValue readValue(int depth) {
    int at = pos;
    int tag = readU8("value tag");
    if ((tag & 0xF0) == Wire.TAG_SHORT_STRING) {
      int length = tag & 0x0F;
      // BlazeDB's decoder reads a short-string tag of length 0 (0x20) as "": so do we.
      if (length == 0) {
        return EMPTY_STRING;
      }
      checkStringLength(length, at);
      require(length, "string");
      return readShortString(length);
    }
    switch (tag) {
      case Wire.TAG_SMALL_INT:
        return SMALL_INTS[readU8("small int")];
      case Wire.TAG_STRING:
        return new BlazeValue.StringValue(readLongString(at));
      case Wire.TAG_INT:
        // An i64 holding 0..255 (non-canonical) is accepted, as BlazeDB accepts it.
        return new BlazeValue.IntValue(readI64("int"));
      case Wire.TAG_DOUBLE:
        return new BlazeValue.DoubleValue(readI64("double"));
      case Wire.TAG_BOOL:
        // Any non-zero byte is true, as in BlazeDB.
        return BlazeValue.bool(readU8("bool") != 0);
      case Wire.TAG_UUID:
        return new BlazeValue.UuidValue(readUuid("uuid"));
      case Wire.TAG_DATE:
        return new BlazeValue.DateValue(readI64("date"));
      case Wire.TAG_DATA:
        return readData(at);
      case Wire.TAG_ARRAY:
        return readArray(at, depth + 1);
      case Wire.TAG_DICTIONARY:
        return readDictionary(at, depth + 1);
      case Wire.TAG_VECTOR:
        return readVector(at);
      case Wire.TAG_NULL:
        return BlazeValue.nullValue();
      case Wire.TAG_EMPTY_STRING:
        return EMPTY_STRING;
      case Wire.TAG_EMPTY_ARRAY:
        checkDepth(depth + 1, at);
        return EMPTY_ARRAY;
      case Wire.TAG_EMPTY_DICTIONARY:
        checkDepth(depth + 1, at);
        return EMPTY_DICTIONARY;
      default:
        throw fail("unknown value tag " + Wire.hex(tag), at);
    }
  }

  final String readLongString(int at) {
    long length = readU32("string length");
    checkStringLength(length, at);
    // A 0x01 string shorter than 16 bytes is not what BlazeDB writes, but BlazeDB reads it: so do
    // we. Its value re-encodes in the short form.
    return readUtf8(length, "string");
  }

  final void checkStringLength(long length, int at) {
    if (length > limits.maxStringBytes()) {
      throw fail(
          "string of "
              + length
              + " bytes exceeds the limit of "
              + limits.maxStringBytes()
              + " (maxStringBytes)",
          at);
    }
  }

  private BlazeValue readData(int at) {
    long length = readU32("data length");
    if (length > limits.maxDataBytes()) {
      throw fail(
          "data of "
              + length
              + " bytes exceeds the limit of "
              + limits.maxDataBytes()
              + " (maxDataBytes)",
          at);
    }
    return new BlazeValue.DataValue(readBytes(length, "data"));
  }

  final void checkDepth(int depth, int at) {
    if (depth > limits.maxDepth()) {
      throw fail(
          "arrays and dictionaries nested deeper than the limit of "
              + limits.maxDepth()
              + " (maxDepth)",
          at);
    }
  }

  private BlazeValue readArray(int at, int depth) {
    checkDepth(depth, at);
    int count = readU16("array count");
    checkCount(count, 1, "array item", at);
    // A 0x08 array of count 0 is accepted, as in BlazeDB; it re-encodes as 0x18.
    if (count == 0) {
      return EMPTY_ARRAY;
    }
    // List.of makes an immutable list (one or two items need no array), which ArrayValue's
    // List.copyOf then keeps as it is.
    BlazeValue first = readValue(depth);
    if (count == 1) {
      return new BlazeValue.ArrayValue(List.of(first));
    }
    if (count == 2) {
      return new BlazeValue.ArrayValue(List.of(first, readValue(depth)));
    }
    BlazeValue[] items = new BlazeValue[count];
    items[0] = first;
    for (int i = 1; i < count; i++) {
      items[i] = readValue(depth);
    }
    return new BlazeValue.ArrayValue(List.of(items));
  }

  private BlazeValue readDictionary(int at, int depth) {
    checkDepth(depth, at);
    int count = readU16("dictionary count");
    // u16 key length and a one-byte value at least.
    checkCount(count, 3, "dictionary entry", at);
    return count == 0
        ? EMPTY_DICTIONARY
        : new BlazeValue.DictionaryValue(readEntries(count, depth, false, pos, null, 0, null));
  }

  private BlazeValue readVector(int at) {
    long count = readU32("vector count");
    checkCount(count, 4, "vector element", at);
    float[] values = new float[(int) count];
    int p = pos;
    for (int i = 0; i < values.length; i++, p += 4) {
      values[i] = Float.intBitsToFloat(i32At(p));
    }
    pos = p;
    return new BlazeValue.VectorValue(values);
  }
}
