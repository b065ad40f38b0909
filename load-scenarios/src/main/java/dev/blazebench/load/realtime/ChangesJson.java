package dev.blazebench.load.realtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.workload.BugFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decodes the JSON that REST polling and WebSocket push share, every change's fields in full
 * (RecordJson's mapping, as the REST client decodes records):
 *
 * <pre>
 * {"changes": [{"sequence": 7, "commitTime": "...", "commitTimeMicros": 1777636800123456,
 *               "type": "update", "id": "uuid", "changes": {...}}, ...],
 *  "lastSequence": 9, "hasMore": true}          hasMore: polling only
 * </pre>
 */
public final class ChangesJson {

  private ChangesJson() {}

  /**
   * One decoded message.
   *
   * @param changes its changes, in order
   * @param lastSequence the last sequence it covers
   * @param hasMore whether the server holds more right now (polling; false for push)
   */
  public record Page(List<ObservedChange> changes, long lastSequence, boolean hasMore) {}

  /**
   * Decodes {@code json}.
   *
   * @throws IllegalArgumentException naming what is wrong and where
   */
  public static Page decode(byte[] json) {
    try (JsonParser parser = RecordJson.FACTORY.createParser(json)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT, "the message", parser);
      List<ObservedChange> changes = null;
      long lastSequence = -1;
      boolean hasMore = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "changes" -> {
            expect(value, JsonToken.START_ARRAY, "\"changes\"", parser);
            changes = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              changes.add(change(parser, changes.size()));
            }
          }
          case "lastSequence" -> {
            expect(value, JsonToken.VALUE_NUMBER_INT, "\"lastSequence\"", parser);
            lastSequence = parser.getLongValue();
          }
          case "hasMore" -> hasMore = value == JsonToken.VALUE_TRUE;
          default -> parser.skipChildren();
        }
      }
      if (changes == null || lastSequence < 0) {
        throw new IllegalArgumentException(
            "changes message without " + (changes == null ? "\"changes\"" : "\"lastSequence\""));
      }
      return new Page(List.copyOf(changes), lastSequence, hasMore);
    } catch (IOException e) {
      throw new UncheckedIOException("malformed changes JSON: " + e.getMessage(), e);
    }
  }

  private static ObservedChange change(JsonParser parser, int position) throws IOException {
    long sequence = -1;
    String type = null;
    UUID id = null;
    BlazeRecord fields = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "sequence" -> {
          expect(value, JsonToken.VALUE_NUMBER_INT, "changes[" + position + "].sequence", parser);
          sequence = parser.getLongValue();
        }
        case "type" -> type = parser.getValueAsString();
        case "id" -> id = uuid(parser.getValueAsString(), position);
        case "changes" -> {
          expect(value, JsonToken.START_OBJECT, "changes[" + position + "].changes", parser);
          fields = RecordJson.readRecord(parser);
        }
        default -> parser.skipChildren();
      }
    }
    if (sequence < 0 || type == null || id == null || fields == null) {
      throw new IllegalArgumentException(
          "changes[" + position + "] lacks one of \"sequence\", \"type\", \"id\", \"changes\"");
    }
    String title =
        fields.get(BugFields.TITLE) instanceof BlazeValue.StringValue s ? s.value() : null;
    return new ObservedChange(sequence, kind(type), id, title);
  }

  private static ObservedChange.Kind kind(String type) {
    return switch (type) {
      case "insert" -> ObservedChange.Kind.INSERT;
      case "update" -> ObservedChange.Kind.UPDATE;
      case "delete" -> ObservedChange.Kind.DELETE;
      default -> ObservedChange.Kind.OTHER;
    };
  }

  private static UUID uuid(String text, int position) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("changes[" + position + "].id is not a UUID: " + text);
    }
  }

  private static void expect(JsonToken actual, JsonToken wanted, String what, JsonParser parser) {
    if (actual != wanted) {
      throw new IllegalArgumentException(
          what
              + ": expected "
              + wanted
              + ", found "
              + actual
              + " at offset "
              + parser.currentLocation().getByteOffset());
    }
  }
}
