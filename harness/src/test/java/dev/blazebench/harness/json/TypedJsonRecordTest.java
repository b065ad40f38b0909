package dev.blazebench.harness.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedJsonRecordTest {

  private static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");

  private static BlazeRecord roundTrip(BlazeRecord record) {
    return TypedJson.readRecord(TypedJson.toPrettyString(TypedJson.writeRecord(record)));
  }

  private static BlazeValue value(String typedJson) {
    return TypedJson.readValue(TypedJson.parse(typedJson));
  }

  private static JsonNode json(BlazeValue value) {
    return TypedJson.writeValue(value);
  }

  @Test
  void everyTypeSurvivesTypedJsonAndBack() {
    BlazeRecord record =
        BlazeRecord.builder()
            .put("title", BlazeValue.string("Fix login bug ✓"))
            .put("empty", BlazeValue.string(""))
            .put("priority", BlazeValue.integer(5))
            .put("min", BlazeValue.integer(Long.MIN_VALUE))
            .put("average", BlazeValue.number(0.1))
            .put("isActive", BlazeValue.bool(true))
            .put("id", BlazeValue.uuid(ID))
            .put("createdAt", BlazeValue.date(Instant.parse("2025-11-14T10:30:00.123456789Z")))
            .put("attachment", BlazeValue.data(new byte[] {0, 1, (byte) 0xfe, (byte) 0xff}))
            .put("noBytes", BlazeValue.data(new byte[0]))
            .put(
                "tags", BlazeValue.array(List.of(BlazeValue.string("auth"), BlazeValue.integer(3))))
            .put("none", BlazeValue.array(List.of()))
            .put(
                "metadata",
                BlazeValue.dictionary(
                    Map.of(
                        "key", BlazeValue.string("value"),
                        "nested", BlazeValue.dictionary(Map.of()))))
            .put("embedding", BlazeValue.vector(new float[] {0.5f, -1.25f, 3.4028235e38f}))
            .put("deletedAt", BlazeValue.nullValue())
            .build();

    assertThat(roundTrip(record)).isEqualTo(record);
  }

  @Test
  void writesEachTypeInItsDocumentedShape() {
    assertThat(json(BlazeValue.integer(1)).toString()).isEqualTo("{\"type\":\"int\",\"value\":1}");
    assertThat(json(BlazeValue.string("a")).toString())
        .isEqualTo("{\"type\":\"string\",\"value\":\"a\"}");
    assertThat(json(BlazeValue.number(1.0)).toString())
        .isEqualTo("{\"type\":\"double\",\"bits\":\"3ff0000000000000\",\"value\":1.0}");
    assertThat(json(BlazeValue.uuid(ID)).toString())
        .isEqualTo("{\"type\":\"uuid\",\"value\":\"550E8400-E29B-41D4-A716-446655440000\"}");
    assertThat(json(BlazeValue.data(new byte[] {(byte) 0xca, (byte) 0xfe})).toString())
        .isEqualTo("{\"type\":\"data\",\"hex\":\"cafe\"}");
    assertThat(json(BlazeValue.nullValue()).toString()).isEqualTo("{\"type\":\"null\"}");
    assertThat(json(BlazeValue.array(List.of(BlazeValue.bool(false)))).toString())
        .isEqualTo("{\"type\":\"array\",\"items\":[{\"type\":\"bool\",\"value\":false}]}");
  }

  @Test
  void nanPayloadSurvivesThroughBits() {
    long payloadNan = 0x7ff0000000000001L;
    BlazeValue nan = BlazeValue.numberFromBits(payloadNan);

    JsonNode written = json(nan);

    assertThat(written.get("bits").textValue()).isEqualTo("7ff0000000000001");
    assertThat(written.get("value").textValue()).isEqualTo("NaN");
    assertThat(value(written.toString())).isEqualTo(nan);
  }

  @Test
  void negativeZeroKeepsItsSign() {
    assertThat(json(BlazeValue.number(-0.0)).toString())
        .isEqualTo("{\"type\":\"double\",\"bits\":\"8000000000000000\",\"value\":-0.0}");
    assertThat(value("{\"type\":\"double\",\"value\":-0.0}"))
        .isEqualTo(BlazeValue.numberFromBits(0x8000000000000000L));
  }

  @Test
  void doubleValueAcceptsNumbersAndNonFiniteNames() {
    assertThat(value("{\"type\":\"double\",\"value\":1.5}")).isEqualTo(BlazeValue.number(1.5));
    assertThat(value("{\"type\":\"double\",\"value\":2}")).isEqualTo(BlazeValue.number(2.0));
    assertThat(value("{\"type\":\"double\",\"value\":\"Infinity\"}"))
        .isEqualTo(BlazeValue.number(Double.POSITIVE_INFINITY));
    assertThat(value("{\"type\":\"double\",\"value\":\"-Infinity\"}"))
        .isEqualTo(BlazeValue.number(Double.NEGATIVE_INFINITY));
    assertThat(value("{\"type\":\"double\",\"value\":\"NaN\"}"))
        .isEqualTo(BlazeValue.numberFromBits(0x7ff8000000000000L));
  }

  @Test
  void doubleBitsWinOverValue() {
    assertThat(value("{\"type\":\"double\",\"bits\":\"4000000000000000\",\"value\":1.0}"))
        .isEqualTo(BlazeValue.number(2.0));
  }

  @Test
  void dateIsReadFromBitsSinceReferenceDateUnixSecondsOrIso() {
    // 1970-01-01T00:00:00Z is -978307200 s from 2001: bits c1cd27e440000000 (BLAZEBINARY.md).
    BlazeValue epoch = BlazeValue.dateFromBits(0xc1cd27e440000000L);

    assertThat(value("{\"type\":\"date\",\"bits\":\"c1cd27e440000000\"}")).isEqualTo(epoch);
    assertThat(value("{\"type\":\"date\",\"unixSeconds\":0}")).isEqualTo(epoch);
    assertThat(value("{\"type\":\"date\",\"sinceReferenceDate\":-978307200}")).isEqualTo(epoch);
    assertThat(value("{\"type\":\"date\",\"iso\":\"1970-01-01T00:00:00Z\"}")).isEqualTo(epoch);
    assertThat(value("{\"type\":\"date\",\"sinceReferenceDate\":0}"))
        .isEqualTo(BlazeValue.dateFromBits(0L));
  }

  @Test
  void dateBitsWinOverTheOtherSpellings() {
    assertThat(
            value(
                "{\"type\":\"date\",\"bits\":\"0000000000000000\",\"unixSeconds\":5,"
                    + "\"sinceReferenceDate\":7,\"iso\":\"1999-01-01T00:00:00Z\"}"))
        .isEqualTo(BlazeValue.dateFromBits(0L));
  }

  @Test
  void dateIsWrittenWithBitsIsoAndSecondsSinceReferenceDate() {
    JsonNode written = json(BlazeValue.dateFromBits(0xc1cd27e440000000L));

    assertThat(written.toString())
        .isEqualTo(
            "{\"type\":\"date\",\"bits\":\"c1cd27e440000000\",\"iso\":\"1970-01-01T00:00:00Z\","
                + "\"sinceReferenceDate\":-9.783072E8}");
  }

  @Test
  void nanDateHasNoIsoButSurvives() {
    BlazeValue nanDate = BlazeValue.dateFromBits(0x7ff8000000000001L);

    JsonNode written = json(nanDate);

    assertThat(written.has("iso")).isFalse();
    assertThat(written.get("sinceReferenceDate").textValue()).isEqualTo("NaN");
    assertThat(value(written.toString())).isEqualTo(nanDate);
  }

  @Test
  void intAcceptsDecimalStringsForTheFullRange() {
    assertThat(value("{\"type\":\"int\",\"value\":\"-9223372036854775808\"}"))
        .isEqualTo(BlazeValue.integer(Long.MIN_VALUE));
    assertThat(value("{\"type\":\"int\",\"value\":9223372036854775807}"))
        .isEqualTo(BlazeValue.integer(Long.MAX_VALUE));
  }

  @Test
  void intOutsideTheSigned64BitRangeIsRejectedWithItsPath() {
    assertThatThrownBy(
            () -> TypedJson.readRecord("{\"n\":{\"type\":\"int\",\"value\":9223372036854775808}}"))
        .isInstanceOf(TypedJsonException.class)
        .hasMessage("$.n.value: 9223372036854775808 is outside the signed 64-bit range");
  }

  @Test
  void intRejectsAFraction() {
    assertThatThrownBy(() -> value("{\"type\":\"int\",\"value\":1.0}"))
        .hasMessageStartingWith("$.value: expected an integer");
  }

  @Test
  void uuidIsReadInEitherCaseAndShortFormsAreRefused() {
    assertThat(value("{\"type\":\"uuid\",\"value\":\"550e8400-e29b-41d4-a716-446655440000\"}"))
        .isEqualTo(BlazeValue.uuid(ID));
    assertThatThrownBy(() -> value("{\"type\":\"uuid\",\"value\":\"1-2-3-4-5\"}"))
        .hasMessageStartingWith("$.value: expected a UUID");
  }

  @Test
  void dataRejectsBadHexNamingTheCharacter() {
    assertThatThrownBy(() -> value("{\"type\":\"data\",\"hex\":\"cafg\"}"))
        .hasMessage("$.hex: invalid hex digit 'g' at character 3");
    assertThatThrownBy(() -> value("{\"type\":\"data\",\"hex\":\"caf\"}"))
        .hasMessage("$.hex: odd number of hex digits (3): the last byte is incomplete");
  }

  @Test
  void vectorWithNanPayloadCarriesBitsAndSurvives() {
    float payloadNan = Float.intBitsToFloat(0x7fc00001);
    BlazeValue vector = BlazeValue.vector(new float[] {1.0f, payloadNan});

    JsonNode written = json(vector);

    assertThat(written.get("bits").toString()).isEqualTo("[\"3f800000\",\"7fc00001\"]");
    assertThat(value(written.toString())).isEqualTo(vector);
  }

  @Test
  void vectorWithoutOddNansIsWrittenAsNumbersOnly() {
    JsonNode written = json(BlazeValue.vector(new float[] {0.1f, Float.NaN}));

    assertThat(written.toString()).isEqualTo("{\"type\":\"vector\",\"values\":[0.1,\"NaN\"]}");
  }

  @Test
  void vectorRejectsAValuePastFloatRange() {
    assertThatThrownBy(() -> value("{\"type\":\"vector\",\"values\":[1, 1e39]}"))
        .hasMessage("$.values[1]: 1.0E39 is outside the float32 range");
  }

  @Test
  void writesFieldsInTheRecordsKeyOrder() {
    BlazeRecord record =
        TypedJson.readRecord(
            "{\"a\":{\"type\":\"int\",\"value\":1},\"Z\":{\"type\":\"int\",\"value\":2},"
                + "\"id\":{\"type\":\"int\",\"value\":3},\"_\":{\"type\":\"int\",\"value\":4}}");

    ObjectNode written = TypedJson.writeRecord(record);

    assertThat(written.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("Z", "_", "a", "id");
  }

  @Test
  void unknownTypeNamesItsJsonPath() {
    String json =
        "{\"tags\":{\"type\":\"array\",\"items\":[{\"type\":\"string\",\"value\":\"a\"},"
            + "{\"type\":\"int\",\"value\":1},{\"type\":\"strng\",\"value\":\"c\"}]}}";

    assertThatThrownBy(() -> TypedJson.readRecord(json))
        .isInstanceOf(TypedJsonException.class)
        .hasMessageStartingWith("$.tags.items[2]: unknown type \"strng\"");
  }

  @Test
  void unknownPropertyInsideAValueIsAnError() {
    assertThatThrownBy(() -> TypedJson.readRecord("{\"priority\":{\"type\":\"int\",\"vaule\":1}}"))
        .hasMessageStartingWith("$.priority: unknown property \"vaule\" for type \"int\"");
  }

  @Test
  void nullTakesNoOtherProperty() {
    assertThatThrownBy(() -> value("{\"type\":\"null\",\"value\":null}"))
        .hasMessageStartingWith("$: unknown property \"value\" for type \"null\"");
  }

  @Test
  void missingTypeAndMissingValueAreNamed() {
    assertThatThrownBy(() -> TypedJson.readRecord("{\"x\":{\"value\":1}}"))
        .hasMessageStartingWith("$.x: missing property \"type\"");
    assertThatThrownBy(() -> TypedJson.readRecord("{\"x\":{\"type\":\"string\"}}"))
        .hasMessage("$.x: missing property \"value\"");
  }

  @Test
  void aBareJsonValueInsteadOfATypedObjectIsAnError() {
    assertThatThrownBy(() -> TypedJson.readRecord("{\"priority\":1}"))
        .hasMessageStartingWith("$.priority: expected a typed value object");
  }

  @Test
  void namesThatAreNotIdentifiersAreQuotedInPaths() {
    assertThatThrownBy(
            () ->
                TypedJson.readRecord(
                    "{\"meta\":{\"type\":\"dictionary\",\"entries\":"
                        + "{\"first name\":{\"type\":\"bool\",\"value\":\"yes\"}}}}"))
        .hasMessage("$.meta.entries['first name'].value: expected true or false, got \"yes\"");
  }

  @Test
  void duplicateKeysAreAnErrorWithTheirPathAndLine() {
    String json =
        "{\"priority\":{\"type\":\"int\",\"value\":1},\n"
            + " \"priority\":{\"type\":\"int\",\"value\":2}}";

    assertThatThrownBy(() -> TypedJson.readRecord(json))
        .isInstanceOf(TypedJsonException.class)
        .hasMessageContaining("$.priority (line 2")
        .hasMessageContaining("Duplicate field 'priority'");
  }

  @Test
  void canonicallyEquivalentKeysAreOneKeyAndAnError() {
    String json = "{\"caf\\u00e9\":{\"type\":\"null\"},\"cafe\\u0301\":{\"type\":\"null\"}}";

    assertThatThrownBy(() -> TypedJson.readRecord(json))
        .isInstanceOf(TypedJsonException.class)
        .hasMessageStartingWith("$: fields")
        .hasMessageContaining("same key");
  }

  @Test
  void textAfterTheDocumentIsAnError() {
    assertThatThrownBy(() -> TypedJson.readRecord("{} {}"))
        .isInstanceOf(TypedJsonException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void jsonNestedPastJacksonsLimitIsAnErrorNotACrash() {
    String deep = "[".repeat(1500) + "]".repeat(1500);

    assertThatThrownBy(() -> TypedJson.readRecord(deep))
        .isInstanceOf(TypedJsonException.class)
        .hasMessageStartingWith("$")
        .hasMessageContaining("nesting depth");
  }

  @Test
  void emptyInputAndNonObjectsAreErrors() {
    assertThatThrownBy(() -> TypedJson.readRecord("  "))
        .hasMessage("$: no JSON document in the input");
    assertThatThrownBy(() -> TypedJson.readRecord("[]"))
        .hasMessage("$: expected a JSON object of field name to typed value, got []");
  }

  @Test
  void prettyOutputUsesNameColonSpaceAndEmptyBraces() {
    BlazeRecord record =
        BlazeRecord.builder()
            .put("priority", BlazeValue.integer(1))
            .put("metadata", BlazeValue.dictionary(Map.of()))
            .build();

    assertThat(TypedJson.toPrettyString(TypedJson.writeRecord(record)))
        .isEqualTo(
            "{\n"
                + "  \"metadata\": {\n"
                + "    \"type\": \"dictionary\",\n"
                + "    \"entries\": {}\n"
                + "  },\n"
                + "  \"priority\": {\n"
                + "    \"type\": \"int\",\n"
                + "    \"value\": 1\n"
                + "  }\n"
                + "}");
  }
}
