package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed records: one test per kind of rejection, each checking that the message names the
 * problem and the byte offset, through both the array and the direct-buffer reader.
 */
class DecoderRejectionTest {

  /** v1 header with one field. */
  static final String ONE_FIELD = "424c415a45010001";

  /** One field named "a" (custom name): its value starts at offset 12. */
  static final String FIELD_A = ONE_FIELD + "ff000161";

  static BlazeBinaryException assertRejected(
      BlazeBinaryDecoder decoder, String hex, String problem, long offset) {
    byte[] input = Hex.bytes(hex);
    BlazeBinaryException e =
        assertThrows(BlazeBinaryException.class, () -> decoder.decode(input), hex);
    assertTrue(
        e.getMessage().contains(problem), () -> "'" + e.getMessage() + "' lacks '" + problem + "'");
    assertEquals(offset, e.offset(), e::getMessage);
    assertTrue(e.getMessage().endsWith("at byte offset " + offset), e::getMessage);

    // The buffer reader must agree exactly, offsets counted from the buffer's position.
    ByteBuffer direct = ByteBuffer.allocateDirect(input.length + 3);
    direct.put(new byte[] {9, 9, 9}).put(input).position(3);
    BlazeBinaryException fromBuffer =
        assertThrows(BlazeBinaryException.class, () -> decoder.decode(direct));
    assertEquals(e.getMessage(), fromBuffer.getMessage());
    assertEquals(3, direct.position());
    return e;
  }

  static BlazeBinaryException assertRejected(String hex, String problem, long offset) {
    return assertRejected(BlazeBinaryDecoder.withDefaults(), hex, problem, offset);
  }

  static String v2(String v1BodyHex) {
    byte[] body = Hex.bytes(v1BodyHex);
    body[5] = 2;
    CRC32 crc = new CRC32();
    crc.update(body);
    return Hex.hex(body) + String.format("%08x", crc.getValue());
  }

  // ---- header ----

  @Test
  void rejectsShortHeader() {
    assertRejected("", "short header: 0 bytes", 0);
    assertRejected("424c415a450100", "short header: 7 bytes", 0);
  }

  @Test
  void rejectsBadMagic() {
    assertRejected("424c415a46010000", "bad magic", 4);
    assertRejected("00000000000000000000", "bad magic", 0);
  }

  @Test
  void rejectsUnknownVersion() {
    assertRejected("424c415a45030000", "unknown version 0x03", 5);
    assertRejected("424c415a45000000", "unknown version 0x00", 5);
    BlazeBinaryException e =
        assertThrows(
            BlazeBinaryException.class,
            () -> BlazeBinaryDecoder.withDefaults().versionOf(Hex.bytes("424c415a45ff0000"), 0, 8));
    assertTrue(e.getMessage().contains("unknown version 0xFF"));
  }

  @Test
  void rejectsV2TooShortForItsChecksum() {
    assertRejected("424c415a45020000", "short v2 record: 8 bytes", 0);
    assertRejected("424c415a45020000aabbcc", "short v2 record: 11 bytes", 0);
  }

  @Test
  void rejectsCrcMismatch() {
    assertRejected("424c415a4502000094d87737", "CRC-32 mismatch", 8);
    // A changed value byte: {"priority": 2} under the checksum of {"priority": 1}.
    assertRejected("424c415a450200010912028f4fe9dc", "CRC-32 mismatch", 11);
  }

  // ---- truncation ----

  @Test
  void rejectsTruncatedFieldName() {
    assertRejected(
        ONE_FIELD + "ff0005" + "6162", "truncated field name: needs 5 bytes, 2 remain", 11);
    assertRejected(ONE_FIELD + "ff00", "truncated field name length", 9);
  }

  @Test
  void rejectsMissingValueTag() {
    assertRejected(FIELD_A, "truncated value tag", 12);
  }

  @Test
  void rejectsTruncatedShortString() {
    assertRejected(FIELD_A + "256162", "truncated string: needs 5 bytes, 2 remain", 13);
  }

  @Test
  void rejectsTruncatedLongString() {
    assertRejected(FIELD_A + "010000", "truncated string length", 13);
    assertRejected(FIELD_A + "01000000206162", "truncated string: needs 32 bytes, 2 remain", 17);
  }

  @Test
  void rejectsTruncatedFixedWidthValues() {
    assertRejected(FIELD_A + "12", "truncated small int", 13);
    assertRejected(FIELD_A + "020000", "truncated int", 13);
    assertRejected(FIELD_A + "033ff0", "truncated double", 13);
    assertRejected(FIELD_A + "04", "truncated bool", 13);
    assertRejected(FIELD_A + "05550e8400", "truncated uuid: needs 16 bytes, 4 remain", 13);
    assertRejected(FIELD_A + "06c1cd27e4", "truncated date", 13);
  }

  @Test
  void rejectsTruncatedData() {
    assertRejected(FIELD_A + "0700", "truncated data length", 13);
    assertRejected(FIELD_A + "070000001000", "truncated data: needs 16 bytes, 1 remain", 17);
  }

  @Test
  void rejectsTruncatedArray() {
    assertRejected(FIELD_A + "0800", "truncated array count", 13);
    assertRejected(FIELD_A + "0800021201", "truncated value tag", 17);
  }

  @Test
  void rejectsTruncatedDictionary() {
    assertRejected(FIELD_A + "090001" + "0005616263", "truncated dictionary key: needs 5", 17);
    assertRejected(FIELD_A + "090001" + "00016b", "truncated value tag", 18);
  }

  // ---- tags and ids ----

  @ParameterizedTest(name = "tag 0x{0}")
  @ValueSource(strings = {"00", "0c", "0d", "10", "13", "17", "1a", "1f", "30", "80", "fe", "ff"})
  void rejectsUnknownValueTag(String tag) {
    assertRejected(FIELD_A + tag + "00000000", "unknown value tag 0x" + tag.toUpperCase(), 12);
  }

  @ParameterizedTest(name = "id 0x{0}")
  @ValueSource(strings = {"00", "3b", "40", "7f", "fe"})
  void rejectsUnknownCommonFieldId(String id) {
    assertRejected(ONE_FIELD + id + "0b", "unknown common field id 0x" + id.toUpperCase(), 8);
  }

  // ---- UTF-8 ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "c080", // overlong NUL
        "c1bf", // overlong
        "e08080", // overlong 3-byte
        "eda080", // encoded surrogate U+D800
        "edbfbf", // encoded surrogate U+DFFF
        "f08f8080", // overlong 4-byte
        "f4908080", // above U+10FFFF
        "f5808080", // no such lead byte
        "ff", // no such byte
        "80", // stray continuation
        "c3", // cut-off sequence
        "e282", // cut-off sequence
        "c328", // bad continuation
      })
  void rejectsInvalidUtf8InFieldName(String bad) {
    int length = bad.length() / 2;
    assertRejected(
        ONE_FIELD + String.format("ff%04x", length + 1) + "61" + bad + "0b",
        "invalid UTF-8 in field name",
        12);
  }

  @Test
  void rejectsInvalidUtf8InStringValues() {
    assertRejected(FIELD_A + "23" + "eda080", "invalid UTF-8 in string (byte 0xED)", 13);
    assertRejected(
        FIELD_A + "0100000010" + "61".repeat(15) + "c0", "invalid UTF-8 in string (byte 0xC0)", 32);
  }

  @Test
  void rejectsInvalidUtf8InDictionaryKey() {
    assertRejected(FIELD_A + "090001" + "000180" + "0b", "invalid UTF-8 in dictionary key", 17);
  }

  @Test
  void acceptsEveryWellFormedUtf8Boundary() {
    // U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF.
    String text = "\u0080\u07FF\u0800\uD7FF\uE000\uFFFF\uD800\uDC00\uDBFF\uDFFF";
    String utf8 = "c280dfbfe0a080ed9fbfee8080efbfbff0908080f48fbfbf";
    BlazeRecord record =
        BlazeBinaryDecoder.withDefaults().decode(Hex.bytes(FIELD_A + "0100000018" + utf8));
    assertEquals(BlazeValue.string(text), record.get("a"));
  }

  // ---- structure ----

  @Test
  void rejectsV2FieldReachingIntoTheChecksum() {
    // {"priority": <small int>} whose value byte would be the first byte of the CRC.
    assertRejected(v2(ONE_FIELD + "0912"), "small int reaches into the CRC-32 checksum", 10);
    assertRejected(
        v2(FIELD_A + "0100000012" + "61".repeat(16)),
        "string reaches into the CRC-32 checksum",
        17);
  }

  @Test
  void rejectsTrailingBytes() {
    assertRejected("424c415a4501000000", "trailing bytes: 1 bytes after the last field", 8);
    assertRejected(ONE_FIELD + "0912010b0b", "trailing bytes: 2 bytes after the last field", 11);
    assertRejected(
        v2("424c415a450100000000"),
        "trailing bytes: 2 bytes after the last field, before the CRC-32 trailer",
        8);
  }

  @Test
  void rejectsDuplicateFieldNames() {
    assertRejected("424c415a45010002" + "091201" + "091202", "duplicate field name 'priority'", 11);
    // The same name written once as a common id and once in full is still one key.
    assertRejected(
        "424c415a45010002" + "091201" + "ff00087072696f72697479" + "1202",
        "duplicate field name 'priority'",
        11);
  }

  @Test
  void rejectsCanonicallyEquivalentFieldNames() {
    // "é" precomposed (c3 a9), then "e" + combining acute (65 cc 81): one key in Swift.
    assertRejected(
        "424c415a45010002" + "ff0002c3a9" + "1201" + "ff000365cc81" + "1202",
        "canonically equivalent",
        15);
  }

  @Test
  void rejectsDuplicatesThatAreNotAdjacent() {
    // "b", "a", "b": out of order, so found only by the sort.
    assertRejected(
        "424c415a45010003" + "ff0001621201" + "ff0001611202" + "ff0001621203",
        "duplicate field name 'b'",
        20);
  }

  @Test
  void rejectsDuplicateDictionaryKeys() {
    assertRejected(
        FIELD_A + "090002" + "0001781201" + "0001781202", "duplicate dictionary key 'x'", 20);
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    // 64 arrays, then an empty array at depth 65: its tag is at 12 + 64 * 3.
    assertRejected(
        FIELD_A + "080001".repeat(64) + "18", "nested deeper than the limit of 64", 12 + 64 * 3);
    assertRejected(
        FIELD_A + "080001".repeat(64) + "0800011201",
        "nested deeper than the limit of 64",
        12 + 64 * 3);
  }

  @Test
  void rejectsNestingDeeperThanACustomLimit() {
    BlazeBinaryDecoder shallow =
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxDepth(2));
    // {"a": {"x": [[1]]}}: the inner array, at offset 21, is at depth 3.
    String hex = FIELD_A + "090001" + "000178" + "080001" + "080001" + "1201";
    assertRejected(shallow, hex, "nested deeper than the limit of 2 (maxDepth)", 21);
    BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxDepth(3)).decode(Hex.bytes(hex));
  }

  // ---- limits ----

  @Test
  void rejectsStringOverMaxStringBytes() {
    BlazeBinaryDecoder decoder =
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxStringBytes(16));
    assertRejected(
        decoder,
        FIELD_A + "0100000011" + "61".repeat(17),
        "string of 17 bytes exceeds the limit of 16 (maxStringBytes)",
        12);
    decoder.decode(Hex.bytes(FIELD_A + "0100000010" + "61".repeat(16)));
    BlazeBinaryDecoder tiny =
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxStringBytes(2));
    assertRejected(tiny, FIELD_A + "23616263", "string of 3 bytes exceeds the limit of 2", 12);
    assertRejected(tiny, ONE_FIELD + "ff0003616263" + "0b", "field name of 3 bytes exceeds", 9);
  }

  @Test
  void rejectsStringLongerThanBlazeDbAllowsByDefault() {
    // BlazeDB refuses strings over 100,000,000 bytes; so do the defaults, before reading them.
    assertRejected(
        FIELD_A + "0105f5e101" + "6161",
        "string of 100000001 bytes exceeds the limit of 100000000",
        12);
  }

  @Test
  void rejectsDataOverMaxDataBytes() {
    BlazeBinaryDecoder decoder =
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxDataBytes(3));
    assertRejected(
        decoder,
        FIELD_A + "070000000400000000",
        "data of 4 bytes exceeds the limit of 3 (maxDataBytes)",
        12);
    assertRejected(FIELD_A + "07ffffffff", "data of 4294967295 bytes exceeds the limit", 12);
  }

  @Test
  void rejectsInputOverMaxInputBytes() {
    BlazeBinaryDecoder decoder =
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxInputBytes(10));
    assertRejected(
        decoder, FIELD_A + "0b", "input of 13 bytes exceeds the limit of 10 (maxInputBytes)", 0);
  }

  @Test
  void rejectsCountsOverMaxCount() {
    BlazeBinaryDecoder decoder =
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxCount(2));
    assertRejected(
        decoder,
        FIELD_A + "080003" + "0b0b0b",
        "array item count 3 exceeds the limit of 2 (maxCount)",
        12);
    assertRejected(
        decoder,
        "424c415a45010003" + "ff0001611201ff0001621201ff0001631201",
        "field count 3 exceeds the limit of 2",
        6);
    assertRejected(
        decoder,
        FIELD_A + "0a00000003" + "00000000".repeat(3),
        "vector element count 3 exceeds the limit of 2",
        12);
  }

  @Test
  void rejectsVectorOfAMillionElementsByDefaultAsBlazeDbDoes() {
    assertRejected(
        FIELD_A + "0a000f4240", "vector element count 1000000 exceeds the limit of 999999", 12);
  }

  // ---- counts that cannot fit ----

  @Test
  void rejectsFieldCountThatCannotFit() {
    assertRejected(
        "424c415a4501ffff" + "0b0b", "field count 65535 cannot fit in the 2 remaining bytes", 6);
  }

  @Test
  void rejectsArrayCountThatCannotFit() {
    assertRejected(FIELD_A + "08ffff" + "0b", "array item count 65535 cannot fit", 12);
  }

  @Test
  void rejectsDictionaryCountThatCannotFit() {
    assertRejected(FIELD_A + "090002" + "0001780b", "dictionary entry count 2 cannot fit", 12);
  }

  @Test
  void rejectsVectorCountThatCannotFit() {
    BlazeBinaryDecoder unlimited =
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxCount(Integer.MAX_VALUE));
    assertRejected(
        unlimited,
        FIELD_A + "0a7fffffff" + "3f800000",
        "vector element count 2147483647 cannot fit in the 4 remaining bytes",
        12);
  }

  @Test
  void rejectsHugeLengthsWithoutAllocating() {
    BlazeBinaryDecoder unlimited =
        BlazeBinaryDecoder.withLimits(
            new DecodeLimits(
                64, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE));
    assertRejected(
        unlimited, FIELD_A + "01ffffffff" + "61", "truncated string: needs 4294967295 bytes", 17);
    assertRejected(
        unlimited, FIELD_A + "07fffffffe" + "61", "truncated data: needs 4294967294 bytes", 17);
  }

  // ---- exhaustive corruption of one rich record ----

  private static byte[] richRecord(FormatVersion version) {
    byte[] bytes =
        Hex.bytes(
            "424c415a45010005"
                + "0105550e8400e29b41d4a716446655440000" // id: uuid
                + "0b080003"
                + "2161"
                + "0100000010"
                + "61".repeat(16)
                + "18" // tags
                + "270900020001780a000000013f800000"
                + "000179"
                + "19" // metadata
                + "ff0002c3a9"
                + "0700000002abcd" // "é": data
                + "ff000162"
                + "06c1cd27e440000000"); // "b": date
    return version == FormatVersion.V1 ? bytes : Hex.bytes(v2(Hex.hex(bytes)));
  }

  @Test
  void rejectsEveryTruncationWithAnOffsetInsideTheInput() {
    for (FormatVersion version : FormatVersion.values()) {
      byte[] full = richRecord(version);
      BlazeBinaryDecoder.withDefaults().decode(full);
      for (int length = 0; length < full.length; length++) {
        int cut = length;
        BlazeBinaryException e =
            assertThrows(
                BlazeBinaryException.class,
                () -> BlazeBinaryDecoder.withDefaults().decode(full, 0, cut));
        assertTrue(e.offset() >= 0 && e.offset() <= cut, e::getMessage);
      }
    }
  }

  @Test
  void everySingleByteCorruptionDecodesOrIsRejectedCleanly() {
    byte[] full = richRecord(FormatVersion.V1);
    for (int i = 0; i < full.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] corrupt = full.clone();
        corrupt[i] ^= (byte) (1 << bit);
        try {
          BlazeRecord record = BlazeBinaryDecoder.withDefaults().decode(corrupt);
          assertEquals(
              record,
              BlazeBinaryDecoder.withDefaults()
                  .decode(BlazeBinaryEncoder.encode(record, FormatVersion.V1)));
        } catch (BlazeBinaryException e) {
          assertTrue(e.offset() >= 0 && e.offset() <= corrupt.length, e::getMessage);
        }
      }
    }
    // In v2 the checksum catches every single-bit change.
    byte[] v2 = richRecord(FormatVersion.V2);
    for (int i = 0; i < v2.length; i++) {
      byte[] corrupt = v2.clone();
      corrupt[i] ^= 0x10;
      assertThrows(
          BlazeBinaryException.class, () -> BlazeBinaryDecoder.withDefaults().decode(corrupt));
    }
  }
}
