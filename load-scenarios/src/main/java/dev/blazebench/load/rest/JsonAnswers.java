package dev.blazebench.load.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.json.RecordJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The REST API's answer bodies, decoded in full by the protocol's JSON mapping ({@link
 * RecordJson}): an envelope {@code {"records": [...], "count": n}} is read record by record with
 * one streaming parser, the count checked against the records.
 */
final class JsonAnswers {

  private JsonAnswers() {}

  /** The objects of {@code {"<field>": [objects], "count": n}}, checked against the count. */
  static List<BlazeRecord> envelope(byte[] body, String field) {
    try (JsonParser parser = RecordJson.FACTORY.createParser(body)) {
      expect(parser, JsonToken.START_OBJECT, "an object");
      List<BlazeRecord> records = null;
      long count = -1;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals(field)) {
          if (value != JsonToken.START_ARRAY) {
            throw new IllegalStateException("\"" + field + "\" is not an array");
          }
          records = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            records.add(RecordJson.readRecord(parser));
          }
        } else if (name.equals("count") && value == JsonToken.VALUE_NUMBER_INT) {
          count = parser.getLongValue();
        } else {
          parser.skipChildren();
        }
      }
      if (records == null) {
        throw new IllegalStateException("no \"" + field + "\" array in the answer");
      }
      if (count >= 0 && count != records.size()) {
        throw new IllegalStateException(
            "\"count\" is " + count + " but \"" + field + "\" has " + records.size() + " items");
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One record. */
  static BlazeRecord record(byte[] body) {
    return RecordJson.readRecord(body);
  }

  /** The uuid in {@code {"id": "..."}}. */
  static UUID id(byte[] body) {
    return uuid(RecordJson.readRecord(body).get("id"), "id");
  }

  /** The uuids of {@code {"ids": [...], "count": n}}, in order. */
  static List<UUID> ids(byte[] body) {
    BlazeRecord answer = RecordJson.readRecord(body);
    if (!(answer.get("ids") instanceof BlazeValue.ArrayValue array)) {
      throw new IllegalStateException("no \"ids\" array in the answer");
    }
    if (answer.get("count") instanceof BlazeValue.IntValue count
        && count.value() != array.items().size()) {
      throw new IllegalStateException(
          "\"count\" is " + count.value() + " but \"ids\" has " + array.items().size());
    }
    List<UUID> ids = new ArrayList<>(array.items().size());
    for (BlazeValue id : array.items()) {
      ids.add(uuid(id, "ids[" + ids.size() + "]"));
    }
    return ids;
  }

  private static UUID uuid(BlazeValue value, String path) {
    if (value instanceof BlazeValue.UuidValue id) {
      return id.value();
    }
    throw new IllegalStateException(path + " is not a UUID: " + value);
  }

  private static void expect(JsonParser parser, JsonToken token, String what) throws IOException {
    if (parser.nextToken() != token) {
      throw new IllegalStateException("expected " + what + ", found " + parser.currentToken());
    }
  }
}
