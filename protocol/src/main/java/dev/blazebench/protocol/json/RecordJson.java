package dev.blazebench.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.DecodeLimits;
import dev.blazebench.protocol.DateConversion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The JSON mapping of records for the REST and WebSocket APIs: a record as the plain JSON object a
 * REST user expects, and back. Streaming (Jackson {@link JsonGenerator}/{@link JsonParser}).
 *
 * <p>Record to JSON:
 *
 * <ul>
 *   <li>string, bool, null, array, dictionary: the JSON string, boolean, null, array, object;
 *   <li>int: a JSON integer; double: a JSON number always written with a decimal point or an
 *       exponent ({@code 1.0}, {@code 1.0E21}), so that it reads back as a double; NaN and the
 *       infinities are not JSON numbers and are written as the strings {@code "NaN"}, {@code
 *       "Infinity"}, {@code "-Infinity"};
 *   <li>uuid: its lower-case canonical text; date: ISO-8601 UTC text with the fewest fractional
 *       digits (none, 3, 6 or 9) that keep the exact value ({@link DateConversion});
 *   <li>data: standard base64 text (with padding); vector: an array of numbers.
 * </ul>
 *
 * JSON to record: an integer is an int (beyond 64 bits: an error); a number with a fraction or an
 * exponent is a double; a string that is a canonical UUID (either case) is a uuid; a string in RFC
 * 3339 UTC form ({@code 2025-11-14T10:30:00Z}, optional 1-9 fraction digits, upper-case T and Z)
 * that names a real instant is a date; any other string is a string.
 *
 * <p>The mapping is therefore lossy for strings that look like UUIDs or timestamps (they come back
 * typed), for data and vectors (they come back as strings and arrays of doubles) and for non-finite
 * doubles (they come back as strings). Records of the canonical workload round-trip exactly.
 *
 * <p>Malformed input fails with an {@link InvalidJsonException} naming the path ({@code
 * $.tags[2]}): bad JSON syntax or bytes that are not UTF-8, duplicate keys, numbers beyond a
 * double, a non-object where a record belongs, nesting deeper than {@link
 * DecodeLimits#DEFAULT_MAX_DEPTH}, integers beyond 64 bits, trailing content.
 */
public final class RecordJson {

  /**
   * Shared factory: strict duplicate-key detection, Jackson's default read constraints, and bytes
   * read as UTF-8 only (RFC 8259, section 8.1). Left to guess, Jackson takes leading zero bytes for
   * UTF-32 or UTF-16, and then fails with an I/O error instead of a JSON one, or accepts the text.
   */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonFactory.Feature.CHARSET_DETECTION)
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = DecodeLimits.DEFAULT_MAX_DEPTH;

  private RecordJson() {}

  // ---- Record -> JSON ----

  /** {@code record} as UTF-8 JSON bytes. */
  public static byte[] toJsonBytes(BlazeRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writeRecord(record, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code records} as a UTF-8 JSON array of objects. */
  public static byte[] toJsonBytes(List<BlazeRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 * Math.max(1, records.size()));
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writeRecords(records, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code record} as a JSON string. */
  public static String toJson(BlazeRecord record) {
    return new String(toJsonBytes(record), StandardCharsets.UTF_8);
  }

  /** Writes {@code records} as a JSON array of objects. */
  public static void writeRecords(List<BlazeRecord> records, JsonGenerator generator)
      throws IOException {
    generator.writeStartArray();
    for (BlazeRecord record : records) {
      writeRecord(record, generator);
    }
    generator.writeEndArray();
  }

  /** Writes {@code record} as one JSON object, fields in the record's key order. */
  public static void writeRecord(BlazeRecord record, JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    for (int i = 0; i < record.size(); i++) {
      generator.writeFieldName(record.nameAt(i));
      writeValue(record.valueAt(i), generator);
    }
    generator.writeEndObject();
  }

  /** Writes one value by the mapping's rules (see the class comment). */
  public static void writeValue(BlazeValue value, JsonGenerator generator) throws IOException {
    if (value instanceof BlazeValue.StringValue s) {
      generator.writeString(s.value());
    } else if (value instanceof BlazeValue.IntValue i) {
      generator.writeNumber(i.value());
    } else if (value instanceof BlazeValue.DoubleValue d) {
      writeDouble(d.value(), generator);
    } else if (value instanceof BlazeValue.BoolValue b) {
      generator.writeBoolean(b.value());
    } else if (value instanceof BlazeValue.UuidValue u) {
      generator.writeString(u.value().toString());
    } else if (value instanceof BlazeValue.DateValue date) {
      generator.writeString(formatDate(date));
    } else if (value instanceof BlazeValue.DataValue data) {
      generator.writeString(Base64.getEncoder().encodeToString(data.bytes()));
    } else if (value instanceof BlazeValue.ArrayValue array) {
      generator.writeStartArray();
      for (BlazeValue item : array.items()) {
        writeValue(item, generator);
      }
      generator.writeEndArray();
    } else if (value instanceof BlazeValue.DictionaryValue dictionary) {
      writeRecord(dictionary.entries(), generator);
    } else if (value instanceof BlazeValue.VectorValue vector) {
      generator.writeStartArray();
      for (int i = 0; i < vector.length(); i++) {
        writeDouble(vector.get(i), generator);
      }
      generator.writeEndArray();
    } else {
      generator.writeNull();
    }
  }

  /** A date's JSON text: ISO-8601 UTC with the fewest fraction digits that keep its value. */
  public static String formatDate(BlazeValue.DateValue date) {
    return DateTimeFormatter.ISO_INSTANT.format(DateConversion.toInstant(date));
  }

  private static void writeDouble(double value, JsonGenerator generator) throws IOException {
    if (Double.isFinite(value)) {
      // Double.toString always has a '.' or an 'E' and reads back to the same double.
      generator.writeNumber(Double.toString(value));
    } else {
      generator.writeString(Double.toString(value)); // "NaN", "Infinity", "-Infinity"
    }
  }

  // ---- JSON -> record ----

  /**
   * The record one JSON object spells; nothing but whitespace may follow it.
   *
   * @throws InvalidJsonException naming the path of the problem
   */
  public static BlazeRecord readRecord(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.nextToken();
      BlazeRecord record = readRecord(parser);
      expectEnd(parser);
      return record;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #readRecord(byte[])} for a string. */
  public static BlazeRecord readRecord(String json) {
    return readRecord(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The records one JSON array of objects spells.
   *
   * @throws InvalidJsonException naming the path of the problem
   */
  public static List<BlazeRecord> readRecords(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw wrongToken(parser, "an array of objects");
      }
      List<BlazeRecord> records = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        records.add(readRecord(parser));
      }
      expectEnd(parser);
      return records;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one object, starting at the parser's current token (which must be {@code START_OBJECT})
   * and ending on its {@code END_OBJECT}.
   */
  public static BlazeRecord readRecord(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw wrongToken(parser, "an object");
    }
    return readObject(parser, 1);
  }

  /** The value a JSON tree spells, by the same rules as {@link #readRecord(byte[])}. */
  public static BlazeValue valueFromNode(JsonNode node) {
    try (JsonParser parser = node.traverse()) {
      parser.nextToken();
      return readValue(parser, 0);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record a JSON object tree spells. */
  public static BlazeRecord recordFromNode(JsonNode node) {
    try (JsonParser parser = node.traverse()) {
      parser.nextToken();
      return readRecord(parser);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BlazeRecord readObject(JsonParser parser, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new InvalidJsonException(
          valuePath(parser), "nested deeper than " + MAX_DEPTH + " levels");
    }
    BlazeRecord.Builder builder = BlazeRecord.builder();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      builder.put(name, readValue(parser, depth));
    }
    if (token != JsonToken.END_OBJECT) {
      throw wrongToken(parser, "a field name or '}'");
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidJsonException(pathOf(parser.getParsingContext()), e.getMessage(), e);
    }
  }

  /** {@code text} if short, else its first 24 characters and how long it was. */
  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 24) + "... (" + text.length() + " chars)";
  }

  private static BlazeValue readValue(JsonParser parser, int depth) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new InvalidJsonException(pathOf(parser.getParsingContext()), "unexpected end of input");
    }
    switch (token) {
      case VALUE_STRING:
        return stringValue(parser.getText());
      case VALUE_NUMBER_INT:
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new InvalidJsonException(
              pathOf(parser.getParsingContext()),
              "integer " + parser.getText() + " does not fit in 64 bits");
        }
        return BlazeValue.integer(parser.getLongValue());
      case VALUE_NUMBER_FLOAT:
        double number = parser.getDoubleValue();
        if (Double.isInfinite(number)) {
          // Refused like an integer beyond 64 bits: as Infinity it would come back as the string
          // "Infinity" (non-finite doubles are written as strings), a different value.
          throw new InvalidJsonException(
              pathOf(parser.getParsingContext()),
              "number " + abbreviated(parser.getText()) + " is beyond the range of a double");
        }
        return BlazeValue.number(number);
      case VALUE_TRUE:
        return BlazeValue.bool(true);
      case VALUE_FALSE:
        return BlazeValue.bool(false);
      case VALUE_NULL:
        return BlazeValue.nullValue();
      case START_ARRAY:
        {
          if (depth + 1 > MAX_DEPTH) {
            throw new InvalidJsonException(
                valuePath(parser), "nested deeper than " + MAX_DEPTH + " levels");
          }
          List<BlazeValue> items = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser, depth + 1));
          }
          return new BlazeValue.ArrayValue(items);
        }
      case START_OBJECT:
        return new BlazeValue.DictionaryValue(readObject(parser, depth + 1));
      default:
        throw wrongToken(parser, "a value");
    }
  }

  /** The typed value a JSON string stands for: uuid, date or string (see the class comment). */
  public static BlazeValue stringValue(String text) {
    int n = text.length();
    if (n == 36) {
      UUID uuid = JsonText.parseUuid(text);
      if (uuid != null) {
        return BlazeValue.uuid(uuid);
      }
    } else if (n >= 20 && n <= 30) {
      Instant instant = JsonText.parseUtcTimestamp(text);
      if (instant != null) {
        return BlazeValue.date(instant);
      }
    }
    return BlazeValue.string(text);
  }

  private static void expectEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new InvalidJsonException(
          "$", "unexpected content after the end of the document at " + location(parser));
    }
  }

  private static InvalidJsonException wrongToken(JsonParser parser, String expected) {
    JsonToken token = parser.currentToken();
    String found = token == null ? "end of input" : describe(token);
    return new InvalidJsonException(
        valuePath(parser), "expected " + expected + ", found " + found + " at " + location(parser));
  }

  private static InvalidJsonException malformed(JsonProcessingException e) {
    JsonStreamContext context =
        e.getProcessor() instanceof JsonParser parser ? parser.getParsingContext() : null;
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return new InvalidJsonException(
        context == null ? "$" : pathOf(context),
        "malformed JSON: " + e.getOriginalMessage() + where,
        e);
  }

  private static String location(JsonParser parser) {
    var location = parser.currentTokenLocation();
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "'" + token.asString() + "'";
    };
  }

  /** The path of the value at the parser's current token (for a '{' or '[', the container's). */
  private static String valuePath(JsonParser parser) {
    JsonStreamContext context = parser.getParsingContext();
    JsonToken token = parser.currentToken();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
        && context.getParent() != null) {
      context = context.getParent();
    }
    return pathOf(context);
  }

  /** The path of the parser's position, as {@code $.a[0].b}. */
  static String pathOf(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.add("." + c.getCurrentName());
      }
    }
    StringBuilder path = new StringBuilder("$");
    for (int i = parts.size() - 1; i >= 0; i--) {
      path.append(parts.get(i));
    }
    return path.toString();
  }

  // ---- Record -> JSON tree (for small documents such as queries) ----

  /** {@code record} as a JSON object tree. */
  public static ObjectNode toNode(BlazeRecord record) {
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < record.size(); i++) {
      node.set(record.nameAt(i), toNode(record.valueAt(i)));
    }
    return node;
  }

  /** {@code value} as a JSON tree, by the same rules as {@link #writeValue}. */
  public static JsonNode toNode(BlazeValue value) {
    if (value instanceof BlazeValue.StringValue s) {
      return NODES.textNode(s.value());
    } else if (value instanceof BlazeValue.IntValue i) {
      return NODES.numberNode(i.value());
    } else if (value instanceof BlazeValue.DoubleValue d) {
      return doubleNode(d.value());
    } else if (value instanceof BlazeValue.BoolValue b) {
      return NODES.booleanNode(b.value());
    } else if (value instanceof BlazeValue.UuidValue u) {
      return NODES.textNode(u.value().toString());
    } else if (value instanceof BlazeValue.DateValue date) {
      return NODES.textNode(formatDate(date));
    } else if (value instanceof BlazeValue.DataValue data) {
      return NODES.textNode(Base64.getEncoder().encodeToString(data.bytes()));
    } else if (value instanceof BlazeValue.ArrayValue array) {
      ArrayNode node = NODES.arrayNode(array.items().size());
      for (BlazeValue item : array.items()) {
        node.add(toNode(item));
      }
      return node;
    } else if (value instanceof BlazeValue.DictionaryValue dictionary) {
      return toNode(dictionary.entries());
    } else if (value instanceof BlazeValue.VectorValue vector) {
      ArrayNode node = NODES.arrayNode(vector.length());
      for (int i = 0; i < vector.length(); i++) {
        node.add(doubleNode(vector.get(i)));
      }
      return node;
    }
    return NODES.nullNode();
  }

  private static JsonNode doubleNode(double value) {
    return Double.isFinite(value)
        ? NODES.numberNode(value)
        : NODES.textNode(Double.toString(value));
  }
}
