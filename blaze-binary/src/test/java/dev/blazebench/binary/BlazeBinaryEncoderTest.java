package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every tag and every boundary of the value encodings, byte for byte. */
class BlazeBinaryEncoderTest {

  /** Header of a one-field v1 record, then the field "v" (custom name). */
  private static final String ONE_FIELD_V = "424c415a45010001" + "ff000176";

  private static String encodeValue(BlazeValue value) {
    byte[] bytes =
        BlazeBinaryEncoder.encode(BlazeRecord.builder().put("v", value).build(), FormatVersion.V1);
    String hex = Hex.hex(bytes);
    assertTrue(hex.startsWith(ONE_FIELD_V), hex);
    // The record decodes back to the value: every form below is also a decoder test.
    assertEquals(value, BlazeBinaryDecoder.withDefaults().decode(bytes).get("v"));
    return hex.substring(ONE_FIELD_V.length());
  }

  private static String utf8Hex(String s) {
    return Hex.hex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void emptyStringIsTag11() {
    assertEquals("11", encodeValue(BlazeValue.string("")));
  }

  @Test
  void fifteenByteStringIsInline() {
    String s = "abcdefghijklmno";
    assertEquals("2f" + utf8Hex(s), encodeValue(BlazeValue.string(s)));
  }

  @Test
  void sixteenByteStringIsLong() {
    String s = "abcdefghijklmnop";
    assertEquals("0100000010" + utf8Hex(s), encodeValue(BlazeValue.string(s)));
  }

  @Test
  void oneByteStringIsTag21() {
    assertEquals("2178", encodeValue(BlazeValue.string("x")));
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({
    // char, repeats, expected UTF-8 bytes: the form follows bytes, not chars.
    "é, 7, 14",
    "é, 8, 16",
    "€, 5, 15",
    "€, 6, 18",
    "😀, 3, 12",
    "😀, 4, 16",
    "é, 15, 30",
  })
  void stringFormFollowsUtf8ByteLength(String unit, int repeats, int expectedBytes) {
    String s = unit.repeat(repeats);
    String body = utf8Hex(s);
    assertEquals(expectedBytes * 2, body.length());
    String expected =
        expectedBytes <= 15
            ? String.format("%02x", 0x20 | expectedBytes) + body
            : String.format("01%08x", expectedBytes) + body;
    assertEquals(expected, encodeValue(BlazeValue.string(s)));
  }

  @Test
  void veryLongStringTakesTheMeasuredPath() {
    String s = "ab€".repeat(30_000); // 90,000 chars, 150,000 bytes
    byte[] bytes =
        BlazeBinaryEncoder.encode(
            BlazeRecord.builder().put("v", BlazeValue.string(s)).build(), FormatVersion.V1);
    assertEquals(12 + 5 + 150_000, bytes.length);
    assertEquals("01000249f0", Hex.hex(Arrays.copyOfRange(bytes, 12, 17)));
    assertEquals(
        s,
        ((BlazeValue.StringValue) BlazeBinaryDecoder.withDefaults().decode(bytes).get("v"))
            .value());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0, 1200",
    "1, 1201",
    "255, 12ff",
    "256, 020000000000000100",
    "-1, 02ffffffffffffffff",
    "-256, 02ffffffffffffff00",
    "9223372036854775807, 027fffffffffffffff",
    "-9223372036854775808, 028000000000000000",
  })
  void integersUseSmallFormForExactly0To255(long value, String expectedHex) {
    assertEquals(expectedHex, encodeValue(BlazeValue.integer(value)));
  }

  @Test
  void doublesKeepTheirExactBits() {
    assertEquals("038000000000000000", encodeValue(BlazeValue.number(-0.0)));
    assertEquals("037ff8000000000001", encodeValue(BlazeValue.numberFromBits(0x7ff8000000000001L)));
    assertEquals("03fff0000000000abc", encodeValue(BlazeValue.numberFromBits(0xfff0000000000abcL)));
    assertEquals("037ff0000000000000", encodeValue(BlazeValue.number(Double.POSITIVE_INFINITY)));
    assertEquals("030000000000000001", encodeValue(BlazeValue.number(Double.MIN_VALUE)));
  }

  @Test
  void boolsAreOneByte() {
    assertEquals("0401", encodeValue(BlazeValue.bool(true)));
    assertEquals("0400", encodeValue(BlazeValue.bool(false)));
  }

  @Test
  void uuidIsSixteenBytesInTextOrder() {
    assertEquals(
        "05ffeeddccbbaa99887766554433221100",
        encodeValue(BlazeValue.uuid(UUID.fromString("ffeeddcc-bbaa-9988-7766-554433221100"))));
  }

  @Test
  void dateIsDoubleSecondsSince2001() {
    assertEquals("060000000000000000", encodeValue(BlazeValue.dateSinceReferenceDate(0.0)));
    assertEquals(
        "06" + String.format("%016x", Double.doubleToRawLongBits(1.5)),
        encodeValue(BlazeValue.dateSinceReferenceDate(1.5)));
    assertEquals("06fff8000000000123", encodeValue(BlazeValue.dateFromBits(0xfff8000000000123L)));
  }

  @Test
  void dataIsLengthPrefixedAndEmptyDataIsNotSpecial() {
    assertEquals("0700000000", encodeValue(BlazeValue.data(new byte[0])));
    assertEquals("070000000300ff7f", encodeValue(BlazeValue.data(new byte[] {0, -1, 127})));
  }

  @Test
  void arraysAreCountedAndEmptyArrayIsTag18() {
    assertEquals("18", encodeValue(BlazeValue.array(List.of())));
    assertEquals(
        "080003" + "2161" + "0b" + "18",
        encodeValue(
            BlazeValue.array(
                List.of(
                    BlazeValue.string("a"), BlazeValue.nullValue(), BlazeValue.array(List.of())))));
  }

  @Test
  void dictionariesAreSortedAndNeverUseTheCommonFieldTable() {
    assertEquals("19", encodeValue(BlazeValue.dictionary(Map.of())));
    // "id" and "name" are common fields, but dictionary keys are always written out.
    assertEquals(
        "090002" + "00026964" + "1201" + "00046e616d65" + "19",
        encodeValue(
            BlazeValue.dictionary(
                Map.of("name", BlazeValue.dictionary(Map.of()), "id", BlazeValue.integer(1)))));
  }

  @Test
  void vectorIsCountThenFloat32BigEndian() {
    assertEquals("0a00000000", encodeValue(BlazeValue.vector(new float[0])));
    assertEquals(
        "0a00000003" + "3f800000" + "80000000" + "7fc00001",
        encodeValue(
            BlazeValue.vector(new float[] {1.0f, -0.0f, Float.intBitsToFloat(0x7fc00001)})));
  }

  @Test
  void nullIsTag0B() {
    assertEquals("0b", encodeValue(BlazeValue.nullValue()));
  }

  @Test
  void everyCommonFieldNameIsOneByte() {
    for (int id = 1; id <= CommonFields.LAST_ID; id++) {
      String name = CommonFields.nameOf(id);
      assertEquals(id, CommonFields.idOf(name), name);
      // A different String instance with the same text still resolves.
      assertEquals(id, CommonFields.idOf(new String(name.toCharArray())), name);
      byte[] bytes =
          BlazeBinaryEncoder.encode(
              BlazeRecord.builder().put(name, BlazeValue.nullValue()).build(), FormatVersion.V1);
      assertEquals(String.format("424c415a45010001%02x0b", id), Hex.hex(bytes));
    }
    assertEquals(0, CommonFields.idOf("Id"));
    assertEquals(0, CommonFields.idOf("ids"));
    assertEquals(0, CommonFields.idOf(""));
  }

  @Test
  void fieldsFollowSwiftOrderWhereJavaCompareToDisagrees() {
    // Java's compareTo puts U+1F600 (surrogates D83D DE00) before U+E000; Swift compares code
    // points and puts it after. NFD "e\u0301" sorts as "é" (U+00E9), after "f"; Java puts it
    // before. ANGSTROM SIGN U+212B normalises to U+00C5, before "Ç" U+00C7.
    String astral = "\uD83D\uDE00";
    String privateUse = "\uE000";
    String decomposedE = "e\u0301";
    String angstrom = "\u212B";
    String cedilla = "\u00C7";
    assertTrue(astral.compareTo(privateUse) < 0);
    assertTrue(decomposedE.compareTo("f") < 0);
    assertTrue(angstrom.compareTo(cedilla) > 0);

    BlazeRecord record =
        BlazeRecord.builder()
            .put(astral, BlazeValue.integer(1))
            .put(privateUse, BlazeValue.integer(2))
            .put(decomposedE, BlazeValue.integer(3))
            .put("f", BlazeValue.integer(4))
            .put(angstrom, BlazeValue.integer(5))
            .put(cedilla, BlazeValue.integer(6))
            .build();
    String expected =
        "424c415a45010006"
            + "ff0001"
            + utf8Hex("f")
            + "1204"
            + "ff0003"
            + utf8Hex(angstrom)
            + "1205" // original bytes e2 84 ab, not NFC c3 85
            + "ff0002"
            + utf8Hex(cedilla)
            + "1206"
            + "ff0003"
            + utf8Hex(decomposedE)
            + "1203"
            + "ff0003"
            + utf8Hex(privateUse)
            + "1202"
            + "ff0004"
            + utf8Hex(astral)
            + "1201";
    byte[] bytes = BlazeBinaryEncoder.encode(record, FormatVersion.V1);
    assertEquals(expected, Hex.hex(bytes));
    assertEquals(record, BlazeBinaryDecoder.withDefaults().decode(bytes));
  }

  @Test
  void appendsToABufferAndChecksumsOnlyTheRecord() {
    GrowableBuffer out = new GrowableBuffer(4);
    out.putBytes(new byte[] {9, 8, 7});
    BlazeRecord record = BlazeRecord.builder().put("priority", BlazeValue.integer(1)).build();
    BlazeBinaryEncoder.encode(record, FormatVersion.V2, out);
    assertEquals("090807" + "424c415a450200010912018f4fe9dc", Hex.hex(out.toByteArray()));
    BlazeBinaryEncoder.encode(record, FormatVersion.V1, out);
    assertEquals(3 + 15 + 11, out.size());
    assertEquals(record, BlazeBinaryDecoder.withDefaults().decode(out.array(), 3, 15));
    assertEquals(record, BlazeBinaryDecoder.withDefaults().decode(out.array(), 18, 11));

    out.reset();
    BlazeBinaryEncoder.encode(record, FormatVersion.V1, out);
    assertArrayEquals(Hex.bytes("424c415a45010001091201"), out.toByteArray());
  }

  @Test
  void v2TrailerIsCrc32OfEverythingBefore() {
    BlazeRecord record =
        BlazeRecord.builder()
            .put("title", BlazeValue.string("Fix login bug"))
            .put("tags", BlazeValue.array(List.of(BlazeValue.string("auth"))))
            .build();
    byte[] v1 = BlazeBinaryEncoder.encode(record, FormatVersion.V1);
    byte[] v2 = BlazeBinaryEncoder.encode(record, FormatVersion.V2);
    assertArrayEquals(Hex.toV2(v1), v2);
    CRC32 crc = new CRC32();
    crc.update(v2, 0, v2.length - 4);
    assertEquals(
        String.format("%08x", crc.getValue()),
        Hex.hex(Arrays.copyOfRange(v2, v2.length - 4, v2.length)));
  }
}
