package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of BLAZEBINARY.md, byte for byte, in v1 and v2, both directions. */
class SpecExamplesTest {

  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  static Stream<Arguments> examples() {
    return Stream.of(
        example("{}", BlazeRecord.empty(), "424c415a45010000"),
        example("priority", one("priority", BlazeValue.integer(1)), "424c415a45010001091201"),
        example("short string", one("s", BlazeValue.string("a")), "424c415a45010001ff0001732161"),
        example(
            "16-byte string",
            one("s", BlazeValue.string("1234567890123456")),
            "424c415a45010001ff000173010000001031323334353637383930313233343536"),
        example("255", one("n", BlazeValue.integer(255)), "424c415a45010001ff00016e12ff"),
        example(
            "256", one("n", BlazeValue.integer(256)), "424c415a45010001ff00016e020000000000000100"),
        example(
            "-1", one("n", BlazeValue.integer(-1)), "424c415a45010001ff00016e02ffffffffffffffff"),
        example(
            "double",
            one("d", BlazeValue.number(1.0)),
            "424c415a45010001ff000164033ff0000000000000"),
        example(
            "uuid",
            one("id", BlazeValue.uuid(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"))),
            "424c415a450100010105550e8400e29b41d4a716446655440000"),
        example(
            "date",
            one("createdAt", BlazeValue.date(Instant.parse("1970-01-01T00:00:00Z"))),
            "424c415a450100010206c1cd27e440000000"),
        example(
            "array",
            one("tags", BlazeValue.array(List.of(BlazeValue.integer(1), BlazeValue.integer(2)))),
            "424c415a450100010b08000212011202"),
        example(
            "dictionary",
            one("metadata", BlazeValue.dictionary(Map.of("key", BlazeValue.string("value")))),
            "424c415a450100012709000100036b65792576616c7565"),
        example(
            "key order",
            BlazeRecord.builder()
                .put("a", BlazeValue.integer(1))
                .put("Z", BlazeValue.integer(2))
                .put("id", BlazeValue.integer(3))
                .put("_", BlazeValue.integer(4))
                .build(),
            "424c415a45010004ff00015a1202ff00015f1204ff0001611201011203"));
  }

  private static Arguments example(String name, BlazeRecord record, String v1Hex) {
    return Arguments.of(name, record, v1Hex);
  }

  private static BlazeRecord one(String name, BlazeValue value) {
    return BlazeRecord.builder().put(name, value).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void encodesV1ExactlyAsTheSpec(String name, BlazeRecord record, String v1Hex) {
    assertEquals(v1Hex, Hex.hex(BlazeBinaryEncoder.encode(record, FormatVersion.V1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void encodesV2AsV1WithVersion2AndCrcTrailer(String name, BlazeRecord record, String v1Hex) {
    assertEquals(
        Hex.hex(Hex.toV2(Hex.bytes(v1Hex))),
        Hex.hex(BlazeBinaryEncoder.encode(record, FormatVersion.V2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void decodesV1AndV2ToTheRecord(String name, BlazeRecord record, String v1Hex) {
    byte[] v1 = Hex.bytes(v1Hex);
    assertEquals(record, DECODER.decode(v1));
    assertEquals(FormatVersion.V1, DECODER.versionOf(v1, 0, v1.length));
    byte[] v2 = Hex.toV2(v1);
    assertEquals(record, DECODER.decode(v2));
    assertEquals(FormatVersion.V2, DECODER.versionOf(v2, 0, v2.length));
  }

  @Test
  void v2ExamplesOfTheSpecMatchExactly() {
    assertEquals(
        "424c415a4502000094d87736",
        Hex.hex(BlazeBinaryEncoder.encode(BlazeRecord.empty(), FormatVersion.V2)));
    assertEquals(
        "424c415a450200010912018f4fe9dc",
        Hex.hex(
            BlazeBinaryEncoder.encode(one("priority", BlazeValue.integer(1)), FormatVersion.V2)));
    assertEquals(BlazeRecord.empty(), DECODER.decode(Hex.bytes("424c415a4502000094d87736")));
    assertEquals(
        one("priority", BlazeValue.integer(1)),
        DECODER.decode(Hex.bytes("424c415a450200010912018f4fe9dc")));
  }
}
