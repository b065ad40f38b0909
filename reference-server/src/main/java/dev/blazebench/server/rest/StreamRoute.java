package dev.blazebench.server.rest;

import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.core.RecordBatches;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/{collection}/stream?batchSize=n}: the query's records as chunked NDJSON, read
 * from the database {@code n} at a time (default {@link RestOptions#streamBatchRecords()}) and sent
 * with backpressure ({@link NdjsonStream}). The query is parsed and checked before the response
 * starts, so an invalid one is an ordinary 400.
 */
final class StreamRoute {

  private final BlazeDatabase db;
  private final WorkerCalls calls;
  private final RestMetrics metrics;
  private final int defaultBatchRecords;

  StreamRoute(BlazeDatabase db, WorkerCalls calls, RestMetrics metrics, int defaultBatchRecords) {
    this.db = db;
    this.calls = calls;
    this.metrics = metrics;
    this.defaultBatchRecords = defaultBatchRecords;
  }

  void stream(RoutingContext context) {
    String collection = RequestParams.collection(context);
    int batchSize = RequestParams.batchSize(context, defaultBatchRecords);
    Buffer body = context.body().buffer();
    calls
        .executor()
        .executeBlocking(() -> db.stream(collection, JsonBodies.query(body), batchSize), false)
        .onComplete(
            result -> {
              if (result.failed()) {
                ErrorResponses.send(context.response(), result.cause());
                return;
              }
              RecordBatches batches = result.result();
              if (context.response().closed()) {
                batches.close();
                return;
              }
              new NdjsonStream(batches, context.response(), calls.executor(), metrics).start();
            });
  }
}
