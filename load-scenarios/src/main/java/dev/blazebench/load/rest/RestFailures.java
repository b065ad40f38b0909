package dev.blazebench.load.rest;

import dev.blazebench.load.api.DecodeFailure;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.Failures;
import dev.blazebench.load.engine.OpOutcome;
import io.vertx.core.http.HttpClosedException;

/**
 * REST failures as error classes: an HTTP status outside 2xx is STATUS with that status (503 is
 * CONNECT, the server going away), a closed or refused connection CONNECT, the deadline DEADLINE, a
 * body that does not decode DECODE.
 */
final class RestFailures {

  private RestFailures() {}

  static OpOutcome classify(Throwable error) {
    Throwable t = Failures.unwrap(error);
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DecodeFailure) {
        return OpOutcome.failed(ErrorClass.DECODE, c.getMessage());
      }
      if (c instanceof HttpStatusFailure status) {
        return status.status() == 503
            ? OpOutcome.failed(ErrorClass.CONNECT, c.getMessage())
            : OpOutcome.status(status.status(), c.getMessage());
      }
      if (c instanceof HttpClosedException) {
        return OpOutcome.failed(ErrorClass.CONNECT, Failures.describe(c));
      }
    }
    return Failures.classify(t);
  }
}
