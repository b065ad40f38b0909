package dev.blazebench.server.grpc;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.server.core.RecordBatches;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.function.Function;

/**
 * Sends a query's batches on a server-streaming call only as fast as the client reads them, the one
 * StreamQuery loop every gRPC adapter uses.
 *
 * <p>A batch is read from the database and handed to gRPC only while {@link
 * ServerCallStreamObserver#isReady()} holds, that is while the transport has room below its
 * on-ready threshold (32 KiB queued by default); otherwise the loop returns and resumes from the
 * on-ready handler when the client's HTTP/2 window opens again. So a slow client holds the server
 * to about one batch in the transport's queue plus what fits in the client's flow-control window,
 * and the rest of the result is never read from the store until it can be sent. Without this, a
 * server-streaming handler that loops {@code onNext} queues the whole result in memory.
 *
 * <p>Cancel-safe: when the client cancels (or its deadline passes) the loop stops at the next batch
 * boundary and the batches are closed; nothing is sent after that. All callbacks (the first {@link
 * #start}, on-ready, on-cancel) run on the call's serialising executor, so they never overlap.
 */
final class FlowControlledStream<T> {

  private final RecordBatches batches;
  private final Function<List<BlazeRecord>, T> toMessage;
  private final ServerCallStreamObserver<T> responses;
  private boolean finished;
  private boolean draining;

  private FlowControlledStream(
      RecordBatches batches,
      Function<List<BlazeRecord>, T> toMessage,
      ServerCallStreamObserver<T> responses) {
    this.batches = batches;
    this.toMessage = toMessage;
    this.responses = responses;
  }

  /**
   * Starts sending {@code batches} on {@code responses}, each turned into a message by {@code
   * toMessage}; returns at once. Call it from the handler, before it returns.
   */
  static <T> void start(
      RecordBatches batches,
      Function<List<BlazeRecord>, T> toMessage,
      ServerCallStreamObserver<T> responses) {
    FlowControlledStream<T> stream = new FlowControlledStream<>(batches, toMessage, responses);
    responses.setOnCancelHandler(stream::cancel);
    responses.setOnReadyHandler(stream::drain);
    // gRPC may have signalled "ready" before the handler ran and set the handler above; that
    // signal is not repeated, so start sending now rather than wait for one that never comes.
    stream.drain();
  }

  private void drain() {
    if (finished || draining) {
      return;
    }
    draining = true;
    try {
      while (responses.isReady()) {
        if (responses.isCancelled()) {
          cancel();
          return;
        }
        if (!batches.hasNext()) {
          finish();
          responses.onCompleted();
          return;
        }
        responses.onNext(toMessage.apply(batches.next()));
      }
    } catch (RuntimeException e) {
      finish();
      if (!responses.isCancelled()) {
        responses.onError(GrpcStatuses.toException(e));
      }
    } finally {
      draining = false;
    }
  }

  private void cancel() {
    finish();
  }

  private void finish() {
    finished = true;
    batches.close();
  }
}
