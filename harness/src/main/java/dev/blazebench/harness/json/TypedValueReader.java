package dev.blazebench.harness.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns typed JSON into {@link BlazeRecord}s and {@link BlazeValue}s; see {@link TypedJson}. */
final class TypedValueReader {

  /** Each type's name and the properties its object may carry, in the order help text shows. */
  static final Map<String, Set<String>> PROPERTIES_BY_TYPE =
      Map.ofEntries(
          Map.entry("string", properties("value")),
          Map.entry("int", properties("value")),
          Map.entry("double", properties("bits", "value")),
          Map.entry("bool", properties("value")),
          Map.entry("uuid", properties("value")),
          Map.entry("date", properties("bits", "sinceReferenceDate", "unixSeconds", "iso")),
          Map.entry("data", properties("hex")),
          Map.entry("array", properties("items")),
          Map.entry("dictionary", properties("entries")),
          Map.entry("vector", properties("values", "bits")),
          Map.entry("null", properties()));

  private static final String TYPE_NAMES =
      "string, int, double, bool, uuid, date, data, array, dictionary, vector, null";

  private TypedValueReader() {}

  /** A record: a JSON object of field name to typed value. */
  static BlazeRecord readRecord(JsonNode node, JsonPath path) {
    if (!node.isObject()) {
      throw new TypedJsonException(
          path,
          "expected a JSON object of field name to typed value, got " + JsonScalars.describe(node));
    }
    BlazeRecord.Builder builder = BlazeRecord.builder();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      builder.put(field.getKey(), readValue(field.getValue(), path.field(field.getKey())));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      // Two names Swift treats as one key (canonically equivalent Unicode).
      throw new TypedJsonException(path, e.getMessage());
    }
  }

  /** One typed value object such as {@code {"type":"int","value":1}}. */
  static BlazeValue readValue(JsonNode node, JsonPath path) {
    if (!node.isObject()) {
      throw new TypedJsonException(
          path,
          "expected a typed value object such as {\"type\":\"string\",\"value\":\"...\"}, got "
              + JsonScalars.describe(node));
    }
    JsonNode typeNode = node.get("type");
    if (typeNode == null) {
      throw new TypedJsonException(path, "missing property \"type\" (one of " + TYPE_NAMES + ")");
    }
    if (!typeNode.isTextual()) {
      throw new TypedJsonException(
          path.field("type"), "expected a type name, got " + JsonScalars.describe(typeNode));
    }
    String type = typeNode.textValue();
    Set<String> allowed = PROPERTIES_BY_TYPE.get(type);
    if (allowed == null) {
      throw new TypedJsonException(
          path, "unknown type \"" + type + "\" (known: " + TYPE_NAMES + ")");
    }
    ValueObject value = ValueObject.check(node, path, "type \"" + type + "\"", allowed);
    switch (type) {
      case "string":
        return BlazeValue.string(
            JsonScalars.readText(value.required("value"), value.pathOf("value")));
      case "int":
        return BlazeValue.integer(
            JsonScalars.readLong(value.required("value"), value.pathOf("value")));
      case "double":
        return readDouble(value);
      case "bool":
        return BlazeValue.bool(
            JsonScalars.readBoolean(value.required("value"), value.pathOf("value")));
      case "uuid":
        return BlazeValue.uuid(
            JsonScalars.readUuid(value.required("value"), value.pathOf("value")));
      case "date":
        return readDate(value);
      case "data":
        return BlazeValue.data(
            JsonScalars.readHexBytes(value.required("hex"), value.pathOf("hex")));
      case "array":
        return readArray(value);
      case "dictionary":
        return new BlazeValue.DictionaryValue(
            readRecord(value.required("entries"), value.pathOf("entries")));
      case "vector":
        return readVector(value);
      case "null":
        return BlazeValue.nullValue();
      default:
        throw new AssertionError("type table and switch disagree on " + type);
    }
  }

  /** {@code bits} is exact and wins over {@code value}, which cannot spell every NaN. */
  private static BlazeValue readDouble(ValueObject value) {
    JsonNode bits = value.optional("bits");
    if (bits != null) {
      return BlazeValue.numberFromBits(JsonScalars.readBits(bits, value.pathOf("bits"), 16));
    }
    JsonNode number = value.optional("value");
    if (number == null) {
      throw new TypedJsonException(value.path(), "a double needs \"bits\" or \"value\"");
    }
    return BlazeValue.number(JsonScalars.readDouble(number, value.pathOf("value")));
  }

  /** The most exact spelling given wins: bits, then seconds since 2001, since 1970, ISO text. */
  private static BlazeValue readDate(ValueObject value) {
    JsonNode bits = value.optional("bits");
    if (bits != null) {
      return BlazeValue.dateFromBits(JsonScalars.readBits(bits, value.pathOf("bits"), 16));
    }
    JsonNode sinceReferenceDate = value.optional("sinceReferenceDate");
    if (sinceReferenceDate != null) {
      return BlazeValue.dateSinceReferenceDate(
          JsonScalars.readDouble(sinceReferenceDate, value.pathOf("sinceReferenceDate")));
    }
    JsonNode unixSeconds = value.optional("unixSeconds");
    if (unixSeconds != null) {
      double seconds = JsonScalars.readDouble(unixSeconds, value.pathOf("unixSeconds"));
      return BlazeValue.dateSinceReferenceDate(seconds - BlazeValue.REFERENCE_DATE_UNIX_SECONDS);
    }
    JsonNode iso = value.optional("iso");
    if (iso != null) {
      String text = JsonScalars.readText(iso, value.pathOf("iso"));
      try {
        return BlazeValue.date(Instant.parse(text));
      } catch (DateTimeException e) {
        throw new TypedJsonException(
            value.pathOf("iso"),
            "expected an ISO-8601 UTC instant such as \"2025-11-14T10:30:00Z\", got \""
                + text
                + "\"");
      }
    }
    throw new TypedJsonException(
        value.path(), "a date needs \"bits\", \"sinceReferenceDate\", \"unixSeconds\" or \"iso\"");
  }

  private static BlazeValue readArray(ValueObject value) {
    JsonNode items = value.required("items");
    JsonPath itemsPath = value.pathOf("items");
    if (!items.isArray()) {
      throw new TypedJsonException(
          itemsPath, "expected a JSON array of typed values, got " + JsonScalars.describe(items));
    }
    List<BlazeValue> values = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      values.add(readValue(items.get(i), itemsPath.index(i)));
    }
    return BlazeValue.array(values);
  }

  /** {@code bits} (8 hex digits per element) wins: it keeps NaN payloads that numbers lose. */
  private static BlazeValue readVector(ValueObject value) {
    JsonNode bits = value.optional("bits");
    if (bits != null) {
      JsonPath bitsPath = value.pathOf("bits");
      requireArray(bits, bitsPath, "8-digit hex float32 bit patterns");
      float[] floats = new float[bits.size()];
      for (int i = 0; i < floats.length; i++) {
        floats[i] =
            Float.intBitsToFloat((int) JsonScalars.readBits(bits.get(i), bitsPath.index(i), 8));
      }
      return BlazeValue.vector(floats);
    }
    JsonNode values = value.optional("values");
    if (values == null) {
      throw new TypedJsonException(value.path(), "a vector needs \"values\" or \"bits\"");
    }
    JsonPath valuesPath = value.pathOf("values");
    requireArray(values, valuesPath, "numbers");
    float[] floats = new float[values.size()];
    for (int i = 0; i < floats.length; i++) {
      floats[i] = JsonScalars.readFloat(values.get(i), valuesPath.index(i));
    }
    return BlazeValue.vector(floats);
  }

  private static void requireArray(JsonNode node, JsonPath path, String ofWhat) {
    if (!node.isArray()) {
      throw new TypedJsonException(
          path, "expected a JSON array of " + ofWhat + ", got " + JsonScalars.describe(node));
    }
  }

  private static Set<String> properties(String... names) {
    Set<String> set = new LinkedHashSet<>();
    set.add("type");
    set.addAll(List.of(names));
    return Collections.unmodifiableSet(set);
  }
}
