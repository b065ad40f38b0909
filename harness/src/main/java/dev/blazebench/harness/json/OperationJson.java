package dev.blazebench.harness.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.binary.OperationRole;
import dev.blazebench.binary.OperationType;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The typed JSON form of a {@link BlazeOperation}; see {@link TypedJson}. Enum values are spelt as
 * BlazeDB's Swift cases ({@code "createIndex"}), the changes are a typed record, and the expiry
 * (seconds since 1970) is given by its exact bits, as seconds or as ISO text.
 */
final class OperationJson {

  private static final Set<String> PROPERTIES =
      new LinkedHashSet<>(
          List.of(
              "id",
              "lamportCounter",
              "lamportNodeId",
              "nodeId",
              "type",
              "collection",
              "recordId",
              "changes",
              "changesVersion",
              "dependencies",
              "role",
              "nonce",
              "expiresAtBits",
              "expiresAt",
              "expiresAtIso",
              "signature"));

  private OperationJson() {}

  /**
   * An operation object. {@code dependencies} defaults to none, {@code role} to {@code "none"},
   * {@code signature} to null and {@code changesVersion} to {@code defaultChangesVersion}.
   */
  static BlazeOperation read(JsonNode node, JsonPath path, FormatVersion defaultChangesVersion) {
    ValueObject op = ValueObject.check(node, path, "an operation", PROPERTIES);
    UUID id = JsonScalars.readUuid(op.required("id"), op.pathOf("id"));
    long lamportCounter =
        JsonScalars.readUnsignedLong(op.required("lamportCounter"), op.pathOf("lamportCounter"));
    UUID lamportNodeId =
        JsonScalars.readUuid(op.required("lamportNodeId"), op.pathOf("lamportNodeId"));
    UUID nodeId = JsonScalars.readUuid(op.required("nodeId"), op.pathOf("nodeId"));
    OperationType type = readType(op.required("type"), op.pathOf("type"));
    String collection = JsonScalars.readText(op.required("collection"), op.pathOf("collection"));
    UUID recordId = JsonScalars.readUuid(op.required("recordId"), op.pathOf("recordId"));
    BlazeRecord changes = TypedValueReader.readRecord(op.required("changes"), op.pathOf("changes"));
    JsonNode versionNode = op.optional("changesVersion");
    FormatVersion changesVersion =
        versionNode == null
            ? defaultChangesVersion
            : readFormatVersion(versionNode, op.pathOf("changesVersion"));
    List<UUID> dependencies = readDependencies(op.optional("dependencies"), op);
    JsonNode roleNode = op.optional("role");
    OperationRole role =
        roleNode == null ? OperationRole.NONE : readRole(roleNode, op.pathOf("role"));
    byte[] nonce =
        JsonScalars.readHexBytes(
            op.required("nonce"), op.pathOf("nonce"), BlazeOperation.NONCE_BYTES);
    long expiresAtBits = readExpiry(op);
    JsonNode signatureNode = op.optional("signature");
    byte[] signature =
        signatureNode == null || signatureNode.isNull()
            ? null
            : JsonScalars.readHexBytes(
                signatureNode, op.pathOf("signature"), BlazeOperation.SIGNATURE_BYTES);
    return new BlazeOperation(
        id,
        lamportCounter,
        lamportNodeId,
        nodeId,
        type,
        collection,
        recordId,
        changes,
        changesVersion,
        dependencies,
        role,
        nonce,
        expiresAtBits,
        signature);
  }

  static ObjectNode write(BlazeOperation operation) {
    ObjectNode object = TypedJson.NODES.objectNode();
    object.put("id", JsonScalars.uuidText(operation.id()));
    object.set("lamportCounter", JsonScalars.unsignedLongNode(operation.lamportCounter()));
    object.put("lamportNodeId", JsonScalars.uuidText(operation.lamportNodeId()));
    object.put("nodeId", JsonScalars.uuidText(operation.nodeId()));
    object.put("type", typeName(operation.type()));
    object.put("collection", operation.collection());
    object.put("recordId", JsonScalars.uuidText(operation.recordId()));
    object.set("changes", TypedValueWriter.writeRecord(operation.changes()));
    object.put("changesVersion", operation.changesVersion() == FormatVersion.V1 ? 1 : 2);
    ArrayNode dependencies = object.putArray("dependencies");
    operation.dependencies().forEach(d -> dependencies.add(JsonScalars.uuidText(d)));
    object.put("role", operation.role().name().toLowerCase(Locale.ROOT));
    object.put("nonce", JsonScalars.hexText(operation.nonce()));
    object.put("expiresAtBits", JsonScalars.bitsText(operation.expiresAtBits()));
    double unixSeconds = operation.expiresAtUnixSeconds();
    object.set("expiresAt", JsonScalars.doubleNode(unixSeconds));
    String iso = isoOrNull(unixSeconds);
    if (iso != null) {
      object.put("expiresAtIso", iso);
    }
    byte[] signature = operation.signature();
    if (signature == null) {
      object.putNull("signature");
    } else {
      object.put("signature", JsonScalars.hexText(signature));
    }
    return object;
  }

  /** The Swift case name: {@code CREATE_INDEX} is {@code "createIndex"}. */
  static String typeName(OperationType type) {
    String[] words = type.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  private static OperationType readType(JsonNode node, JsonPath path) {
    String text = JsonScalars.readText(node, path);
    List<String> known = new ArrayList<>();
    for (OperationType type : OperationType.values()) {
      if (typeName(type).equals(text)) {
        return type;
      }
      known.add(typeName(type));
    }
    throw new TypedJsonException(
        path, "unknown operation type \"" + text + "\" (known: " + String.join(", ", known) + ")");
  }

  private static OperationRole readRole(JsonNode node, JsonPath path) {
    String text = JsonScalars.readText(node, path);
    for (OperationRole role : OperationRole.values()) {
      if (role.name().toLowerCase(Locale.ROOT).equals(text)) {
        return role;
      }
    }
    throw new TypedJsonException(
        path, "unknown role \"" + text + "\" (known: none, server, client)");
  }

  private static FormatVersion readFormatVersion(JsonNode node, JsonPath path) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      switch (node.intValue()) {
        case 1:
          return FormatVersion.V1;
        case 2:
          return FormatVersion.V2;
        default:
          break;
      }
    }
    throw new TypedJsonException(path, "expected format version 1 or 2, got " + node);
  }

  private static List<UUID> readDependencies(JsonNode node, ValueObject op) {
    if (node == null) {
      return List.of();
    }
    JsonPath path = op.pathOf("dependencies");
    if (!node.isArray()) {
      throw new TypedJsonException(
          path, "expected a JSON array of UUIDs, got " + JsonScalars.describe(node));
    }
    List<UUID> dependencies = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      dependencies.add(JsonScalars.readUuid(node.get(i), path.index(i)));
    }
    return dependencies;
  }

  /** Bits win, then seconds since 1970, then ISO text: the order of exactness. */
  private static long readExpiry(ValueObject op) {
    JsonNode bits = op.optional("expiresAtBits");
    if (bits != null) {
      return JsonScalars.readBits(bits, op.pathOf("expiresAtBits"), 16);
    }
    JsonNode seconds = op.optional("expiresAt");
    if (seconds != null) {
      return Double.doubleToRawLongBits(JsonScalars.readDouble(seconds, op.pathOf("expiresAt")));
    }
    JsonNode iso = op.optional("expiresAtIso");
    if (iso != null) {
      String text = JsonScalars.readText(iso, op.pathOf("expiresAtIso"));
      try {
        Instant instant = Instant.parse(text);
        return Double.doubleToRawLongBits(instant.getEpochSecond() + instant.getNano() / 1e9);
      } catch (DateTimeException e) {
        throw new TypedJsonException(
            op.pathOf("expiresAtIso"),
            "expected an ISO-8601 UTC instant such as \"2025-11-14T10:30:00Z\", got \""
                + text
                + "\"");
      }
    }
    throw new TypedJsonException(
        op.path(), "missing property \"expiresAtBits\" (or \"expiresAt\", \"expiresAtIso\")");
  }

  private static String isoOrNull(double unixSeconds) {
    if (!Double.isFinite(unixSeconds) || Math.abs(unixSeconds) > 3.0e16) {
      return null;
    }
    double floor = Math.floor(unixSeconds);
    try {
      return Instant.ofEpochSecond((long) floor, Math.round((unixSeconds - floor) * 1e9))
          .toString();
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }
}
