package dev.blazebench.server.rest;

import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * Runs a request's work on the worker pool and answers from the event loop.
 *
 * <p>Everything between the request's bytes and the response's bytes runs on a worker: JSON
 * parsing, the store call and JSON encoding. The store call must (a write waits for its group
 * commit, milliseconds at best), and doing the codec work there too keeps the event loops free for
 * HTTP framing and compression, so the REST adapter spends its CPU where the gRPC adapters spend
 * theirs (grpc-java also decodes and encodes off its transport threads). Calls are unordered, so
 * requests on one connection (HTTP/2) or one event loop run concurrently.
 */
final class WorkerCalls {

  private final WorkerExecutor worker;

  WorkerCalls(WorkerExecutor worker) {
    this.worker = worker;
  }

  /** Runs {@code work} on a worker, then sends its reply, or the error it threw. */
  void respond(RoutingContext context, Callable<Reply> work) {
    worker
        .executeBlocking(work, false)
        .onComplete(
            result -> {
              if (result.succeeded()) {
                result.result().send(context.response());
              } else {
                ErrorResponses.send(context.response(), result.cause());
              }
            });
  }

  WorkerExecutor executor() {
    return worker;
  }
}
