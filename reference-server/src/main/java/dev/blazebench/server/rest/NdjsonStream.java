package dev.blazebench.server.rest;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.server.core.RecordBatches;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one streamed query as NDJSON (one record per line) with backpressure, so a slow reader
 * holds the server back instead of the server holding the result.
 *
 * <p>The loop, always on the request's event loop: if the connection's write queue is full ({@link
 * HttpServerResponse#writeQueueFull()}: Netty's outbound buffer is over its high-water mark, or
 * HTTP/2 flow control holds the stream), wait for the drain handler; otherwise read and encode the
 * next batch on a worker, write it, and go round again. At most one batch is being read at a time,
 * so a stream holds one batch of records, one encoded batch and the write queue, however many
 * records it returns and however slowly they are read. {@link RestMetrics} counts the pauses.
 *
 * <p>Failures: before the first write the client gets the usual JSON error; after it, the status
 * line is gone, so the response is reset (HTTP/1.1: the connection closes before the last chunk;
 * HTTP/2: RST_STREAM), which every client sees as an incomplete body rather than a short one. When
 * the client goes away the stream stops reading.
 */
final class NdjsonStream {

  private static final Logger LOG = Logger.getLogger(NdjsonStream.class.getName());

  /** The NDJSON media type (ndjson.org); one JSON object per line, each line ending in LF. */
  static final String CONTENT_TYPE = "application/x-ndjson";

  private final RecordBatches batches;
  private final HttpServerResponse response;
  private final WorkerExecutor worker;
  private final RestMetrics metrics;
  private boolean reading; // a batch is being read on a worker
  private boolean finished; // ended, failed or abandoned: read no more

  NdjsonStream(
      RecordBatches batches,
      HttpServerResponse response,
      WorkerExecutor worker,
      RestMetrics metrics) {
    this.batches = batches;
    this.response = response;
    this.worker = worker;
    this.metrics = metrics;
  }

  /** Starts sending; call on the request's event loop. */
  void start() {
    metrics.streamStarted();
    response
        .setStatusCode(200)
        .putHeader("Content-Type", CONTENT_TYPE)
        .setChunked(true) // HTTP/1.1 chunked transfer; HTTP/2 frames the body itself
        .closeHandler(closed -> abandon());
    pump();
  }

  private void pump() {
    if (finished || reading) {
      return;
    }
    if (response.writeQueueFull()) {
      metrics.paused();
      response.drainHandler(
          drained -> {
            response.drainHandler(null);
            pump();
          });
      return;
    }
    reading = true;
    worker
        .executeBlocking(this::readNextBatch, false)
        .onComplete(
            result -> {
              reading = false;
              if (finished) {
                return; // abandoned while the batch was read
              }
              if (result.failed()) {
                fail(result.cause());
              } else if (result.result() == null) {
                finish();
              } else {
                response.write(result.result());
                pump();
              }
            });
  }

  /** The next batch as NDJSON, or null at the end. Runs on a worker thread. */
  private Buffer readNextBatch() {
    if (!batches.hasNext()) {
      return null;
    }
    List<BlazeRecord> batch = batches.next();
    metrics.batchRead(batch.size());
    return JsonBodies.ndjson(batch);
  }

  private void finish() {
    finished = true;
    batches.close();
    response.end();
    metrics.streamCompleted();
  }

  private void fail(Throwable error) {
    finished = true;
    batches.close();
    metrics.streamAborted();
    if (response.headWritten()) {
      LOG.log(Level.WARNING, "streamed query failed after its first batch; resetting", error);
    }
    ErrorResponses.send(response, error);
  }

  /** The client went away (or the connection broke): stop reading. */
  private void abandon() {
    if (finished) {
      return;
    }
    finished = true;
    batches.close();
    metrics.streamAborted();
  }
}
