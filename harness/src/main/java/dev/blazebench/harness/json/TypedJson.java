package dev.blazebench.harness.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The typed JSON form of BlazeBinary records and operations: plain JSON that says each value's
 * BlazeBinary type, so that a record survives JSON and back bit for bit (JSON alone cannot tell an
 * int from a double, a date from a number, or keep a NaN's payload).
 *
 * <p>A record is an object of field name to typed value; each typed value is an object with a
 * {@code "type"}:
 *
 * <pre>{@code
 * {"type":"string","value":"Fix login bug"}
 * {"type":"int","value":5}                        value may also be a decimal string ("-9223372036854775808")
 * {"type":"double","bits":"3ff0000000000000"}     or "value": 1.0, "NaN", "Infinity", "-Infinity"; bits win
 * {"type":"bool","value":true}
 * {"type":"uuid","value":"550E8400-E29B-41D4-A716-446655440000"}
 * {"type":"date","bits":"c1cd27e440000000"}       or "sinceReferenceDate" (seconds since 2001),
 *                                                 "unixSeconds" (since 1970) or "iso"; bits win
 * {"type":"data","hex":"cafe"}
 * {"type":"array","items":[ typed values ]}
 * {"type":"dictionary","entries":{ name: typed value }}
 * {"type":"vector","values":[0.5, -1.0]}          float32; "bits":["3f000000", ...] wins when given
 * {"type":"null"}
 * }</pre>
 *
 * <p>Writing always gives the exact {@code bits} of doubles and dates with a readable value beside
 * them (a date's {@code iso} and {@code sinceReferenceDate}), and keys in the record's key order.
 * Reading is strict: duplicate keys, unknown properties and unknown types are errors whose message
 * starts with the JSON path, such as {@code $.tags.items[2]: unknown type "strng"}.
 *
 * <p>An operation is an object with {@code id}, {@code lamportCounter}, {@code lamportNodeId},
 * {@code nodeId}, {@code type} ({@code "insert"}, {@code "update"}, {@code "delete"}, {@code
 * "createIndex"}, {@code "dropIndex"}), {@code collection}, {@code recordId}, {@code changes} (a
 * typed record), {@code changesVersion} (1 or 2), {@code dependencies} (UUIDs), {@code role}
 * ({@code "none"}, {@code "server"}, {@code "client"}), {@code nonce} (16 bytes hex), {@code
 * expiresAtBits} (or {@code expiresAt}, seconds since 1970, or {@code expiresAtIso}) and {@code
 * signature} (32 bytes hex, or null).
 */
public final class TypedJson {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"))
              .withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private TypedJson() {}

  /**
   * Parses one JSON document strictly: duplicate keys and anything after the document are errors.
   *
   * @throws TypedJsonException naming the line, column and (where known) path of the problem
   */
  public static JsonNode parse(String json) {
    try {
      return requireDocument(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    }
  }

  /** As {@link #parse(String)}, for UTF-8 (or UTF-16/32, detected) bytes; bad encoding fails. */
  public static JsonNode parse(byte[] json) {
    try {
      return requireDocument(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    } catch (IOException e) {
      // Reading a byte array does no I/O; Jackson declares it for streams.
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode requireDocument(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      throw new TypedJsonException(JsonPath.ROOT, "no JSON document in the input");
    }
    return node;
  }

  /** A record from typed JSON text. */
  public static BlazeRecord readRecord(String json) {
    return readRecord(parse(json));
  }

  /** A record from a typed JSON object. */
  public static BlazeRecord readRecord(JsonNode node) {
    return TypedValueReader.readRecord(node, JsonPath.ROOT);
  }

  /** One value from a typed value object such as {@code {"type":"int","value":1}}. */
  public static BlazeValue readValue(JsonNode node) {
    return TypedValueReader.readValue(node, JsonPath.ROOT);
  }

  /** Records from a JSON array of typed records. */
  public static List<BlazeRecord> readRecords(String json) {
    return readRecords(parse(json));
  }

  /** Records from a JSON array of typed records. */
  public static List<BlazeRecord> readRecords(JsonNode node) {
    return readArray(node, "typed records", TypedValueReader::readRecord);
  }

  /**
   * An operation from typed JSON text.
   *
   * @param defaultChangesVersion the format of {@code changes} when the JSON has no {@code
   *     changesVersion}
   */
  public static BlazeOperation readOperation(String json, FormatVersion defaultChangesVersion) {
    return readOperation(parse(json), defaultChangesVersion);
  }

  /** An operation from a typed JSON object; see {@link #readOperation(String, FormatVersion)}. */
  public static BlazeOperation readOperation(JsonNode node, FormatVersion defaultChangesVersion) {
    return OperationJson.read(node, JsonPath.ROOT, defaultChangesVersion);
  }

  /** Operations from a JSON array of typed operations. */
  public static List<BlazeOperation> readOperations(
      String json, FormatVersion defaultChangesVersion) {
    return readOperations(parse(json), defaultChangesVersion);
  }

  /** Operations from a JSON array of typed operations. */
  public static List<BlazeOperation> readOperations(
      JsonNode node, FormatVersion defaultChangesVersion) {
    return readArray(
        node,
        "typed operations",
        (item, path) -> OperationJson.read(item, path, defaultChangesVersion));
  }

  /** The typed JSON object of {@code record}, keys in its key order. */
  public static ObjectNode writeRecord(BlazeRecord record) {
    return TypedValueWriter.writeRecord(record);
  }

  /** The typed value object of {@code value}. */
  public static ObjectNode writeValue(BlazeValue value) {
    return TypedValueWriter.writeValue(value);
  }

  public static ArrayNode writeRecords(List<BlazeRecord> records) {
    ArrayNode array = NODES.arrayNode(records.size());
    records.forEach(record -> array.add(writeRecord(record)));
    return array;
  }

  public static ObjectNode writeOperation(BlazeOperation operation) {
    return OperationJson.write(operation);
  }

  public static ArrayNode writeOperations(List<BlazeOperation> operations) {
    ArrayNode array = NODES.arrayNode(operations.size());
    operations.forEach(operation -> array.add(writeOperation(operation)));
    return array;
  }

  /** Indented JSON, two spaces, {@code "name": value}, no trailing newline. */
  public static String toPrettyString(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree we built ourselves always serialises; failing here is a bug, not bad input.
      throw new IllegalStateException("cannot serialise JSON tree", e);
    }
  }

  private static <T> List<T> readArray(
      JsonNode node, String ofWhat, BiFunction<JsonNode, JsonPath, T> readItem) {
    if (!node.isArray()) {
      throw new TypedJsonException(
          JsonPath.ROOT,
          "expected a JSON array of " + ofWhat + ", got " + JsonScalars.describe(node));
    }
    List<T> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      items.add(readItem.apply(node.get(i), JsonPath.ROOT.index(i)));
    }
    return items;
  }

  private static TypedJsonException syntaxError(JsonProcessingException e) {
    StringBuilder location = new StringBuilder();
    if (e.getProcessor() instanceof JsonParser parser) {
      location.append(pathOf(parser.getParsingContext())).append(' ');
    }
    JsonLocation at = e.getLocation();
    if (at != null) {
      location
          .append("(line ")
          .append(at.getLineNr())
          .append(", column ")
          .append(at.getColumnNr())
          .append(')');
    }
    String where = location.toString().trim();
    return new TypedJsonException(
        where.isEmpty() ? JsonPath.ROOT.toString() : where,
        "invalid JSON: " + e.getOriginalMessage(),
        e);
  }

  /** The path the parser had reached, so that a duplicate key is reported where it is. */
  private static JsonPath pathOf(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    JsonPath path = JsonPath.ROOT;
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        path = path.index(Math.max(c.getCurrentIndex(), 0));
      } else if (c.inObject() && c.getCurrentName() != null) {
        path = path.field(c.getCurrentName());
      }
    }
    return path;
  }
}
