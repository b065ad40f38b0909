package dev.blazebench.load.realtime;

import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.Failures;
import dev.blazebench.load.engine.OpOutcome;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.vertx.core.http.HttpClosedException;
import java.io.UncheckedIOException;

/**
 * Why a subscription ended, as an error class for every delivery it still owed: a gRPC status (
 * UNAVAILABLE is CONNECT, RESOURCE_EXHAUSTED "too slow" and the rest STATUS with the code), a
 * WebSocket close or broken connection (CONNECT), a message that did not decode (DECODE).
 */
public final class SubscriptionFailures {

  private SubscriptionFailures() {}

  /** A subscription end that failed to decode a message. */
  public static final class UndecodableMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UndecodableMessage(String api, Throwable cause) {
      super(api + ": a change message did not decode: " + cause.getMessage(), cause);
    }
  }

  /** The server closed the subscription (WebSocket close frame, a stream that completed). */
  public static final class ClosedByServer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClosedByServer(String detail) {
      super(detail);
    }
  }

  /** The server answered a poll with an HTTP status other than 200. */
  public static final class HttpStatus extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpStatus(int status, String body) {
      super("HTTP " + status + ": " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** The outcome every owed delivery gets when a subscription ends with {@code cause}. */
  public static OpOutcome classify(Throwable cause) {
    Throwable t = Failures.unwrap(cause);
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UndecodableMessage || c instanceof UncheckedIOException) {
        return OpOutcome.failed(ErrorClass.DECODE, c.getMessage());
      }
      if (c instanceof HttpStatus http) {
        return http.status() == 503
            ? OpOutcome.failed(ErrorClass.CONNECT, "subscription ended: " + c.getMessage())
            : OpOutcome.status(http.status(), "subscription ended: " + c.getMessage());
      }
      if (c instanceof ClosedByServer || c instanceof HttpClosedException) {
        return OpOutcome.failed(ErrorClass.CONNECT, "subscription ended: " + c.getMessage());
      }
      if (c instanceof StatusRuntimeException || c instanceof StatusException) {
        Status status = Status.fromThrowable(c);
        String detail =
            "subscription ended: "
                + status.getCode()
                + (status.getDescription() == null ? "" : ": " + status.getDescription());
        return switch (status.getCode()) {
          case UNAVAILABLE -> OpOutcome.failed(ErrorClass.CONNECT, detail);
          case DEADLINE_EXCEEDED -> OpOutcome.failed(ErrorClass.DEADLINE, detail);
          default -> OpOutcome.status(status.getCode().value(), detail);
        };
      }
    }
    return Failures.classify(t);
  }
}
