package dev.blazebench.server.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryJson;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Request and response bodies of the REST API, by the protocol's JSON mapping ({@link RecordJson},
 * {@link QueryJson}). Parsing is strict and its errors name the path and, for bad syntax, the line
 * and column; the caller maps them to 400. Runs on worker threads, never on the event loop.
 */
final class JsonBodies {

  private JsonBodies() {}

  static BlazeRecord record(Buffer body) {
    return RecordJson.readRecord(bytes(body));
  }

  static List<BlazeRecord> records(Buffer body) {
    return RecordJson.readRecords(bytes(body));
  }

  /** The query a body spells; an empty body is {@link Query#all()}, as an empty query document. */
  static Query query(Buffer body) {
    if (body == null || body.length() == 0) {
      return Query.all();
    }
    String text = body.toString(StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return Query.all();
    }
    return QueryJson.fromJson(text);
  }

  static Buffer record(BlazeRecord record) {
    return Buffer.buffer(RecordJson.toJsonBytes(record));
  }

  /** {@code {"<name>": [records...], "count": n}}. */
  static Buffer envelope(String name, List<BlazeRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 480 * records.size());
    try (JsonGenerator generator = RecordJson.FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeFieldName(name);
      RecordJson.writeRecords(records, generator);
      generator.writeNumberField("count", records.size());
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  /** {@code {"<name>": [records...]}}, the seed's REST answer. */
  static Buffer envelopeWithoutCount(String name, List<BlazeRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 480 * records.size());
    try (JsonGenerator generator = RecordJson.FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeFieldName(name);
      RecordJson.writeRecords(records, generator);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  /** {@code {"id": "<uuid>"}}. */
  static Buffer id(UUID id) {
    return Buffer.buffer("{\"id\":\"" + id + "\"}");
  }

  /** {@code {"ids": ["<uuid>", ...], "count": n}}. */
  static Buffer ids(List<UUID> ids) {
    StringBuilder json = new StringBuilder(16 + 39 * ids.size()).append("{\"ids\":[");
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append('"').append(ids.get(i)).append('"');
    }
    return Buffer.buffer(json.append("],\"count\":").append(ids.size()).append('}').toString());
  }

  /** NDJSON: each record as one JSON object on its own line. */
  static Buffer ndjson(List<BlazeRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(480 * records.size());
    try (JsonGenerator generator = RecordJson.FACTORY.createGenerator(out)) {
      // Jackson separates root values with a space by default; NDJSON wants a newline.
      generator.setRootValueSeparator(null);
      for (BlazeRecord record : records) {
        RecordJson.writeRecord(record, generator);
        generator.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  private static byte[] bytes(Buffer body) {
    return body == null ? new byte[0] : body.getBytes();
  }
}
