package dev.blazebench.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.workload.BugWorkload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordJsonTest {

  private static BlazeRecord one(String name, BlazeValue value) {
    return BlazeRecord.builder().put(name, value).build();
  }

  private static String json(String name, BlazeValue value) {
    return RecordJson.toJson(one(name, value));
  }

  private static BlazeValue read(String valueJson) {
    return RecordJson.readRecord("{\"v\": " + valueJson + "}").get("v");
  }

  @Test
  void everyWorkloadRecordRoundTripsExactly() {
    List<BlazeRecord> bugs = BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 5_000);
    for (BlazeRecord bug : bugs) {
      assertThat(RecordJson.readRecord(RecordJson.toJsonBytes(bug))).isEqualTo(bug);
    }
    assertThat(RecordJson.readRecords(RecordJson.toJsonBytes(bugs))).isEqualTo(bugs);
  }

  @Test
  void writesAPlainObjectInKeyOrder() {
    BlazeRecord bug =
        BlazeRecord.builder()
            .put("title", BlazeValue.string("Fix login bug"))
            .put("priority", BlazeValue.integer(5))
            .put("id", BlazeValue.uuid(UUID.fromString("550E8400-E29B-41D4-A716-446655440000")))
            .put("createdAt", BlazeValue.date(Instant.parse("2025-11-14T10:30:00Z")))
            .put("open", BlazeValue.bool(true))
            .put("closedAt", BlazeValue.nullValue())
            .put("tags", BlazeValue.array(List.of(BlazeValue.string("auth"))))
            .put("meta", BlazeValue.dictionary(Map.of("k", BlazeValue.integer(-1))))
            .build();
    assertThat(RecordJson.toJson(bug))
        .isEqualTo(
            "{\"closedAt\":null,\"createdAt\":\"2025-11-14T10:30:00Z\","
                + "\"id\":\"550e8400-e29b-41d4-a716-446655440000\",\"meta\":{\"k\":-1},"
                + "\"open\":true,\"priority\":5,\"tags\":[\"auth\"],\"title\":\"Fix login bug\"}");
  }

  @Test
  void doublesAlwaysCarryAPointOrExponentAndReadBackAsDoubles() {
    assertThat(json("d", BlazeValue.number(1.0))).isEqualTo("{\"d\":1.0}");
    assertThat(json("d", BlazeValue.number(-0.0))).isEqualTo("{\"d\":-0.0}");
    assertThat(json("d", BlazeValue.number(1e21))).isEqualTo("{\"d\":1.0E21}");
    for (double d : new double[] {1.0, -0.0, 0.1, 1e21, 1e-7, Double.MAX_VALUE, Double.MIN_VALUE}) {
      BlazeRecord record = one("d", BlazeValue.number(d));
      assertThat(RecordJson.readRecord(RecordJson.toJson(record))).isEqualTo(record);
    }
  }

  @Test
  void nonFiniteDoublesAreWrittenAsStrings() {
    assertThat(json("d", BlazeValue.number(Double.NaN))).isEqualTo("{\"d\":\"NaN\"}");
    assertThat(json("d", BlazeValue.number(Double.POSITIVE_INFINITY)))
        .isEqualTo("{\"d\":\"Infinity\"}");
    assertThat(json("d", BlazeValue.number(Double.NEGATIVE_INFINITY)))
        .isEqualTo("{\"d\":\"-Infinity\"}");
    // ...and, being strings in JSON, come back as strings (documented as lossy).
    assertThat(read("\"NaN\"")).isEqualTo(BlazeValue.string("NaN"));
  }

  @Test
  void integersStayIntegers() {
    assertThat(json("n", BlazeValue.integer(Long.MIN_VALUE)))
        .isEqualTo("{\"n\":-9223372036854775808}");
    assertThat(read("9223372036854775807")).isEqualTo(BlazeValue.integer(Long.MAX_VALUE));
    assertThat(read("7")).isEqualTo(BlazeValue.integer(7));
    assertThat(read("7.0")).isEqualTo(BlazeValue.number(7.0));
    assertThat(read("7e0")).isEqualTo(BlazeValue.number(7.0));
    assertThat(read("-1.5E-3")).isEqualTo(BlazeValue.number(-1.5e-3));
  }

  @Test
  void datesUseTheFewestFractionDigitsThatKeepTheirValue() {
    assertThat(json("t", BlazeValue.date(Instant.parse("2025-11-14T10:30:00Z"))))
        .isEqualTo("{\"t\":\"2025-11-14T10:30:00Z\"}");
    assertThat(json("t", BlazeValue.date(Instant.parse("2025-11-14T10:30:00.120Z"))))
        .isEqualTo("{\"t\":\"2025-11-14T10:30:00.120Z\"}");
    assertThat(json("t", BlazeValue.date(Instant.parse("2025-11-14T10:30:00.123456Z"))))
        .isEqualTo("{\"t\":\"2025-11-14T10:30:00.123456Z\"}");
    assertThat(json("t", BlazeValue.dateSinceReferenceDate(0)))
        .isEqualTo("{\"t\":\"2001-01-01T00:00:00Z\"}");
  }

  @Test
  void millisecondDatesRoundTripBitExactly() {
    SplittableRandom random = new SplittableRandom(7);
    long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
    long until = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochMilli(random.nextLong(from, until));
      BlazeValue.DateValue date = BlazeValue.date(instant);
      BlazeValue back = RecordJson.readRecord(RecordJson.toJson(one("t", date))).get("t");
      assertThat(back).as("%s", instant).isEqualTo(date);
      assertThat(RecordJson.formatDate(date)).isEqualTo(instant.toString());
    }
  }

  @Test
  void uuidsAreLowerCaseAndEitherCaseReadsBack() {
    UUID id = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
    assertThat(json("id", BlazeValue.uuid(id)))
        .isEqualTo("{\"id\":\"550e8400-e29b-41d4-a716-446655440000\"}");
    assertThat(read("\"550E8400-E29B-41D4-A716-446655440000\"")).isEqualTo(BlazeValue.uuid(id));
  }

  @ParameterizedTest
  @CsvSource({
    "2025-11-14T10:30:00Z, 2025-11-14T10:30:00Z",
    "2025-11-14T10:30:00.5Z, 2025-11-14T10:30:00.500Z",
    "2025-11-14T10:30:00.123456789Z, 2025-11-14T10:30:00.123456789Z",
  })
  void rfc3339UtcStringsBecomeDates(String text, String instant) {
    assertThat(read('"' + text + '"')).isEqualTo(BlazeValue.date(Instant.parse(instant)));
  }

  @ParameterizedTest
  @CsvSource({
    "2025-02-30T10:30:00Z",
    "2025-11-14T24:00:00Z",
    "2025-11-14T23:59:60Z",
    "2025-11-14t10:30:00z",
    "2025-11-14T10:30:00+01:00",
    "2025-11-14T10:30:00.Z",
    "2025-11-14T10:30:00.1234567890Z",
    "2025-11-14 10:30:00Z",
    "550e8400-e29b-41d4-a716-44665544000g",
    "550e8400e29b-41d4-a716-4466554400000",
    "hello",
  })
  void otherStringsStayStrings(String text) {
    assertThat(read('"' + text + '"')).isEqualTo(BlazeValue.string(text));
  }

  @Test
  void dataIsBase64AndVectorsAreNumberArrays() {
    assertThat(json("b", BlazeValue.data(new byte[] {0, 1, (byte) 0xFF})))
        .isEqualTo("{\"b\":\"AAH/\"}");
    assertThat(json("v", BlazeValue.vector(new float[] {0.5f, -2f, Float.NaN})))
        .isEqualTo("{\"v\":[0.5,-2.0,\"NaN\"]}");
  }

  @Test
  void treeConversionFollowsTheSameRules() {
    BlazeRecord bug = BugWorkload.bug(BugWorkload.DEFAULT_SEED, 3);
    assertThat(RecordJson.recordFromNode(RecordJson.toNode(bug))).isEqualTo(bug);
    assertThat(RecordJson.toNode(bug).toString())
        .isEqualTo(new String(RecordJson.toJsonBytes(bug), StandardCharsets.UTF_8));
  }

  @Test
  void malformedJsonNamesLineColumnAndPath() {
    assertThatThrownBy(() -> RecordJson.readRecord("{\"a\": {\"b\": [1, 2,, 3]}}"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("$.a.b[2]: malformed JSON: ")
        .hasMessageContaining("line 1, column 19");
  }

  @Test
  void truncatedJsonIsMalformed() {
    assertThatThrownBy(() -> RecordJson.readRecord("{\"a\": [1, 2"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void bytesAreUtf8NeverGuessedToBeUtf16OrUtf32() {
    // Left to guess, Jackson reads leading zero bytes as UTF-32 (and fails with an I/O error, not
    // a JSON one) and a zero in every other byte as UTF-16 (and accepts it). JSON exchanged
    // between systems is UTF-8 (RFC 8259, section 8.1), so both are malformed UTF-8 JSON.
    byte[] zerosFirst = {0, 0, 0, '{', '}'};
    byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16BE);
    for (byte[] bytes : List.of(zerosFirst, utf16)) {
      assertThatThrownBy(() -> RecordJson.readRecord(bytes))
          .isInstanceOf(InvalidJsonException.class)
          .hasMessageStartingWith("$: malformed JSON: ")
          .hasMessageContaining("code 0");
      assertThatThrownBy(() -> RecordJson.readRecords(bytes))
          .isInstanceOf(InvalidJsonException.class)
          .hasMessageStartingWith("$: malformed JSON: ");
    }
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThatThrownBy(() -> RecordJson.readRecord("{\"a\": 1, \"a\": 2}"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void canonicallyEquivalentKeysAreRejected() {
    assertThatThrownBy(() -> RecordJson.readRecord("{\"caf\\u00e9\": 1, \"cafe\\u0301\": 2}"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("same key");
  }

  @Test
  void aRecordMustBeAnObject() {
    assertThatThrownBy(() -> RecordJson.readRecord("[1]"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("$: expected an object, found an array");
    assertThatThrownBy(() -> RecordJson.readRecords("[{}, 2]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageStartingWith("$[1]: expected an object, found a number");
  }

  @Test
  void trailingContentIsRejected() {
    assertThatThrownBy(() -> RecordJson.readRecord("{} {}"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("unexpected content after the end of the document");
  }

  @Test
  void integersBeyond64BitsAreRejected() {
    assertThatThrownBy(() -> RecordJson.readRecord("{\"n\": [9223372036854775808]}"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessage("$.n[0]: integer 9223372036854775808 does not fit in 64 bits");
  }

  @Test
  void numbersBeyondTheRangeOfADoubleAreRejected() {
    // As Infinity they would not survive a round trip: non-finite doubles are written as strings.
    assertThatThrownBy(() -> RecordJson.readRecord("{\"x\": {\"big\": -1e400}}"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessage("$.x.big: number -1e400 is beyond the range of a double");
    String manyDigits = "9".repeat(400) + ".5";
    assertThatThrownBy(() -> RecordJson.readRecord("{\"n\": " + manyDigits + "}"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessage(
            "$.n: number 999999999999999999999999... (402 chars) is beyond the range of a double");
    // Underflow is ordinary rounding, as in any double.
    assertThat(RecordJson.readRecord("{\"tiny\": 1e-400}").get("tiny"))
        .isEqualTo(BlazeValue.number(0.0));
  }

  @Test
  void nestingBeyondTheCodecLimitIsRejected() {
    String deep = "{\"a\":".repeat(70) + "1" + "}".repeat(70);
    assertThatThrownBy(() -> RecordJson.readRecord(deep))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("nested deeper than 64 levels");
    String deepArrays = "{\"a\":" + "[".repeat(70) + "]".repeat(70) + "}";
    assertThatThrownBy(() -> RecordJson.readRecord(deepArrays))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("nested deeper than 64 levels");
  }
}
