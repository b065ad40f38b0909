package dev.blazebench.server.rest;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.server.core.BlazeDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The single-record routes: insert, batch insert, get, patch, delete. Each reads its parameters on
 * the event loop (cheap, and a bad one fails before any work is queued), then parses, calls the
 * database and encodes on a worker ({@link WorkerCalls}).
 */
final class RecordRoutes {

  private final BlazeDatabase db;
  private final WorkerCalls calls;

  RecordRoutes(BlazeDatabase db, WorkerCalls calls) {
    this.db = db;
    this.calls = calls;
  }

  /** {@code POST /v1/{collection}}: 201 with the stored record, or {@code {"id"}} if asked. */
  void insert(RoutingContext context) {
    String collection = RequestParams.collection(context);
    boolean idOnly = RequestParams.returnIdsOnly(context);
    Buffer body = context.body().buffer();
    calls.respond(
        context,
        () -> {
          BlazeRecord stored = db.insert(collection, JsonBodies.record(body));
          UUID id = idOf(stored);
          String location = context.request().path() + "/" + id;
          return Reply.created(idOnly ? JsonBodies.id(id) : JsonBodies.record(stored), location);
        });
  }

  /**
   * {@code POST /v1/{collection}/batch}: a JSON array of records, all stored or none; 201 with
   * {@code {"records": [...], "count": n}}, or {@code {"ids": [...], "count": n}} if asked.
   */
  void insertMany(RoutingContext context) {
    String collection = RequestParams.collection(context);
    boolean idsOnly = RequestParams.returnIdsOnly(context);
    Buffer body = context.body().buffer();
    calls.respond(
        context,
        () -> {
          List<BlazeRecord> stored = db.insertMany(collection, JsonBodies.records(body));
          if (!idsOnly) {
            return Reply.created(JsonBodies.envelope("records", stored), null);
          }
          List<UUID> ids = new ArrayList<>(stored.size());
          for (BlazeRecord record : stored) {
            ids.add(idOf(record));
          }
          return Reply.created(JsonBodies.ids(ids), null);
        });
  }

  /** {@code GET /v1/{collection}/{id}}: 200 with the record, 404 if there is none. */
  void fetch(RoutingContext context) {
    String collection = RequestParams.collection(context);
    UUID id = RequestParams.id(context);
    calls.respond(context, () -> Reply.ok(JsonBodies.record(db.fetch(collection, id))));
  }

  /**
   * {@code PATCH /v1/{collection}/{id}}: merges the body's fields into the record (JSON null
   * removes a field); 200 with the record after the update.
   */
  void update(RoutingContext context) {
    String collection = RequestParams.collection(context);
    UUID id = RequestParams.id(context);
    Buffer body = context.body().buffer();
    calls.respond(
        context,
        () -> Reply.ok(JsonBodies.record(db.update(collection, id, JsonBodies.record(body)))));
  }

  /** {@code DELETE /v1/{collection}/{id}}: 204, or 404 if there is no such record. */
  void delete(RoutingContext context) {
    String collection = RequestParams.collection(context);
    UUID id = RequestParams.id(context);
    calls.respond(
        context,
        () -> {
          db.delete(collection, id);
          return Reply.noContent();
        });
  }

  private static UUID idOf(BlazeRecord stored) {
    if (stored.get("id") instanceof BlazeValue.UuidValue id) {
      return id.value();
    }
    throw new IllegalStateException("the store returned a record without a uuid id: " + stored);
  }
}
