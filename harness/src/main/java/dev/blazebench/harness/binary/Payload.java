package dev.blazebench.harness.binary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeOperationCodec;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.harness.json.TypedJson;

/**
 * What a run of {@code binary encode} or {@code decode} converts, chosen by {@code --operation},
 * {@code --sequence} and {@code --of}, and how each kind goes between bytes and typed JSON.
 */
public enum Payload {
  /** One BlazeBinary record (the default). */
  RECORD("a record") {
    @Override
    JsonNode decodeToJson(byte[] bytes) {
      return TypedJson.writeRecord(BlazeBinaryDecoder.withDefaults().decode(bytes));
    }

    @Override
    byte[] encodeFromJson(JsonNode json, FormatVersion version) {
      return BlazeBinaryEncoder.encode(TypedJson.readRecord(json), version);
    }
  },

  /** One sync operation. */
  OPERATION("an operation") {
    @Override
    JsonNode decodeToJson(byte[] bytes) {
      return TypedJson.writeOperation(BlazeOperationCodec.decode(bytes));
    }

    @Override
    byte[] encodeFromJson(JsonNode json, FormatVersion version) {
      return BlazeOperationCodec.encode(TypedJson.readOperation(json, version));
    }
  },

  /** A u32 count of length-prefixed records. */
  RECORD_SEQUENCE("a sequence of records") {
    @Override
    JsonNode decodeToJson(byte[] bytes) {
      return TypedJson.writeRecords(BlazeSequences.decodeRecords(bytes));
    }

    @Override
    byte[] encodeFromJson(JsonNode json, FormatVersion version) {
      return BlazeSequences.encodeRecords(TypedJson.readRecords(json), version);
    }
  },

  /** A u32 count of length-prefixed operations. */
  OPERATION_SEQUENCE("a sequence of operations") {
    @Override
    JsonNode decodeToJson(byte[] bytes) {
      return TypedJson.writeOperations(BlazeSequences.decodeOperations(bytes));
    }

    @Override
    byte[] encodeFromJson(JsonNode json, FormatVersion version) {
      return BlazeSequences.encodeOperations(TypedJson.readOperations(json, version));
    }
  };

  private final String description;

  Payload(String description) {
    this.description = description;
  }

  /** For messages: "a record", "a sequence of operations". */
  public String description() {
    return description;
  }

  /**
   * The payload the flags ask for.
   *
   * @param sequenceOf the {@code --of} value, or null when not given
   * @throws IllegalArgumentException for flags that contradict each other, naming them
   */
  public static Payload fromFlags(boolean operation, boolean sequence, String sequenceOf) {
    if (operation && sequence) {
      throw new IllegalArgumentException(
          "--operation and --sequence exclude each other"
              + " (for a sequence of operations use --sequence --of operations)");
    }
    if (sequenceOf != null && !sequence) {
      throw new IllegalArgumentException("--of applies only with --sequence");
    }
    if (operation) {
      return OPERATION;
    }
    if (!sequence) {
      return RECORD;
    }
    if (sequenceOf == null || sequenceOf.equals("records")) {
      return RECORD_SEQUENCE;
    }
    if (sequenceOf.equals("operations")) {
      return OPERATION_SEQUENCE;
    }
    throw new IllegalArgumentException(
        "--of must be 'records' or 'operations', not '" + sequenceOf + "'");
  }

  /** Decodes {@code bytes} and returns their typed JSON. */
  abstract JsonNode decodeToJson(byte[] bytes);

  /**
   * Reads typed JSON and encodes it.
   *
   * @param version the record format (for operations: of changes without their own version)
   */
  abstract byte[] encodeFromJson(JsonNode json, FormatVersion version);
}
