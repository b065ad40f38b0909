package dev.blazebench.harness.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.binary.OperationRole;
import dev.blazebench.binary.OperationType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationJsonTest {

  private static final String MINIMAL =
      "{\"id\":\"00000000-0000-0000-0000-000000000001\","
          + "\"lamportCounter\":7,"
          + "\"lamportNodeId\":\"00000000-0000-0000-0000-000000000002\","
          + "\"nodeId\":\"00000000-0000-0000-0000-000000000003\","
          + "\"type\":\"createIndex\","
          + "\"collection\":\"bugs\","
          + "\"recordId\":\"00000000-0000-0000-0000-000000000004\","
          + "\"changes\":{\"priority\":{\"type\":\"int\",\"value\":1}},"
          + "\"nonce\":\"000102030405060708090a0b0c0d0e0f\","
          + "\"expiresAt\":1700000000.5}";

  private static BlazeOperation signedOperation() {
    byte[] signature = new byte[32];
    signature[31] = 9;
    return new BlazeOperation(
        UUID.randomUUID(),
        -1L, // unsigned: 18446744073709551615
        UUID.randomUUID(),
        UUID.randomUUID(),
        OperationType.UPDATE,
        "bugs",
        UUID.randomUUID(),
        BlazeRecord.builder().put("title", BlazeValue.string("x")).build(),
        FormatVersion.V2,
        List.of(UUID.randomUUID(), UUID.randomUUID()),
        OperationRole.CLIENT,
        new byte[16],
        Double.doubleToRawLongBits(1.7e9),
        signature);
  }

  @Test
  void operationSurvivesTypedJsonAndBack() {
    BlazeOperation operation = signedOperation();

    String json = TypedJson.toPrettyString(TypedJson.writeOperation(operation));

    assertThat(TypedJson.readOperation(json, FormatVersion.V1)).isEqualTo(operation);
  }

  @Test
  void writesUnsignedCounterSwiftCaseNamesAndAReadableExpiry() {
    JsonNode json = TypedJson.writeOperation(signedOperation());

    assertThat(json.get("lamportCounter").toString()).isEqualTo("18446744073709551615");
    assertThat(json.get("type").textValue()).isEqualTo("update");
    assertThat(json.get("role").textValue()).isEqualTo("client");
    assertThat(json.get("changesVersion").intValue()).isEqualTo(2);
    assertThat(json.get("expiresAtBits").textValue()).isEqualTo("41d954fc40000000");
    assertThat(json.get("expiresAtIso").textValue()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(json.get("signature").textValue()).hasSize(64).endsWith("09");
  }

  @Test
  void optionalPropertiesTakeTheirDefaults() {
    BlazeOperation operation = TypedJson.readOperation(MINIMAL, FormatVersion.V2);

    assertThat(operation.type()).isEqualTo(OperationType.CREATE_INDEX);
    assertThat(operation.lamportCounter()).isEqualTo(7);
    assertThat(operation.changesVersion()).isEqualTo(FormatVersion.V2);
    assertThat(operation.dependencies()).isEmpty();
    assertThat(operation.role()).isEqualTo(OperationRole.NONE);
    assertThat(operation.signature()).isNull();
    assertThat(operation.expiresAtUnixSeconds()).isEqualTo(1700000000.5);
    assertThat(operation.changes().get("priority")).isEqualTo(BlazeValue.integer(1));
  }

  @Test
  void explicitChangesVersionWinsOverTheDefault() {
    String json = MINIMAL.replace("\"nonce\"", "\"changesVersion\":1,\"nonce\"");

    assertThat(TypedJson.readOperation(json, FormatVersion.V2).changesVersion())
        .isEqualTo(FormatVersion.V1);
  }

  @Test
  void errorsNameThePropertyPath() {
    assertThatThrownBy(
            () ->
                TypedJson.readOperation(MINIMAL.replace("createIndex", "upsert"), FormatVersion.V1))
        .hasMessageStartingWith("$.type: unknown operation type \"upsert\"");
    assertThatThrownBy(
            () -> TypedJson.readOperation(MINIMAL.replace("0e0f\"", "0e\""), FormatVersion.V1))
        .hasMessage("$.nonce: expected 16 bytes (32 hex digits), got 15");
    assertThatThrownBy(
            () ->
                TypedJson.readOperation(
                    MINIMAL.replace("\"type\":\"int\",\"value\":1", "\"type\":\"int\""),
                    FormatVersion.V1))
        .hasMessage("$.changes.priority: missing property \"value\"");
    assertThatThrownBy(
            () ->
                TypedJson.readOperation(
                    MINIMAL.replace("\"lamportCounter\":7", "\"lamportCounter\":-1"),
                    FormatVersion.V1))
        .hasMessage("$.lamportCounter: -1 is outside the unsigned 64-bit range");
    assertThatThrownBy(
            () ->
                TypedJson.readOperation(
                    MINIMAL.replace("\"nodeId\"", "\"node\""), FormatVersion.V1))
        .hasMessageStartingWith("$: unknown property \"node\" for an operation");
  }

  @Test
  void sequencesNameTheIndexOfTheBadItem() {
    String json = "[" + MINIMAL + "," + MINIMAL.replace("\"bugs\"", "7") + "]";

    assertThatThrownBy(() -> TypedJson.readOperations(json, FormatVersion.V1))
        .hasMessage("$[1].collection: expected a string, got 7");
  }
}
