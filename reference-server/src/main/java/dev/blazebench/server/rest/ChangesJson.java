package dev.blazebench.server.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.server.store.ChangeEvent;
import dev.blazebench.server.store.ResyncNeeded;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Committed changes as JSON, the one shape REST polling and WebSocket push share:
 *
 * <pre>
 * {"changes": [{"sequence": 7, "commitTime": "2026-05-01T12:00:00.123456Z",
 *               "commitTimeMicros": 1777636800123456, "type": "update",
 *               "id": "uuid", "changes": {...the operation's fields, by the JSON mapping...}}, ...],
 *  "lastSequence": 9, "hasMore": true}
 * </pre>
 *
 * {@code changes} is the whole record for an insert, the changed fields for an update (a removed
 * field is null) and {@code {}} for a delete — the operation's {@code changes}, as on gRPC.
 */
final class ChangesJson {

  private ChangesJson() {}

  /**
   * The envelope: {@code events}, then {@code lastSequence} (the collection's newest sequence, or
   * for a push the last sequence in this message) and, when not null, {@code hasMore}.
   */
  static Buffer envelope(List<ChangeEvent> events, long lastSequence, Boolean hasMore) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 256 * events.size());
    try (JsonGenerator json = RecordJson.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("changes");
      for (ChangeEvent event : events) {
        writeChange(event, json);
      }
      json.writeEndArray();
      json.writeNumberField("lastSequence", lastSequence);
      if (hasMore != null) {
        json.writeBooleanField("hasMore", hasMore);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  /**
   * The 410 body for {@code resync}: {@code {"error": "FAILED_PRECONDITION", "message": "resync
   * needed: ...", "oldestAvailableSequence": M, "lastSequence": N}}.
   */
  static Buffer resync(ResyncNeeded resync) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = RecordJson.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("error", "FAILED_PRECONDITION");
      json.writeStringField("message", "resync needed: " + resync.describe());
      json.writeNumberField("oldestAvailableSequence", resync.oldestAvailableSequence());
      json.writeNumberField("lastSequence", resync.lastSequence());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  private static void writeChange(ChangeEvent event, JsonGenerator json) throws IOException {
    BlazeOperation operation = event.operation();
    json.writeStartObject();
    json.writeNumberField("sequence", event.sequence());
    json.writeStringField("commitTime", event.commitTime().toString());
    json.writeNumberField("commitTimeMicros", event.commitTimeMicros());
    json.writeStringField("type", operation.type().name().toLowerCase(Locale.ROOT));
    json.writeStringField("id", operation.recordId().toString());
    json.writeFieldName("changes");
    RecordJson.writeRecord(operation.changes(), json);
    json.writeEndObject();
  }
}
