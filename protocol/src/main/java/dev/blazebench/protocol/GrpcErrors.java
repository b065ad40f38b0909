package dev.blazebench.protocol;

import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeEncodingException;
import dev.blazebench.protocol.bugs.BugMappingException;
import dev.blazebench.protocol.json.InvalidJsonException;
import dev.blazebench.protocol.query.InvalidQueryException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/**
 * The gRPC status a server reports for an exception, the one mapping every gRPC adapter shares: a
 * status exception keeps its status; malformed BlazeBinary, JSON or Protobuf content and invalid
 * queries are {@code INVALID_ARGUMENT} with the exception's message (which names the problem and
 * where); anything else is {@code INTERNAL}.
 */
public final class GrpcErrors {

  private GrpcErrors() {}

  /** The status for {@code error}, with {@code error} as its cause. */
  public static Status toStatus(Throwable error) {
    if (error instanceof StatusRuntimeException e) {
      return e.getStatus();
    }
    if (error instanceof StatusException e) {
      return e.getStatus();
    }
    if (error instanceof InvalidQueryException e) {
      return Status.INVALID_ARGUMENT
          .withDescription("invalid query: " + e.getMessage())
          .withCause(e);
    }
    if (error instanceof BlazeBinaryException e) {
      return Status.INVALID_ARGUMENT
          .withDescription("malformed BlazeBinary: " + e.getMessage())
          .withCause(e);
    }
    if (error instanceof BlazeEncodingException
        || error instanceof InvalidJsonException
        || error instanceof BugMappingException) {
      return Status.INVALID_ARGUMENT.withDescription(error.getMessage()).withCause(error);
    }
    return Status.INTERNAL
        .withDescription(error.getClass().getSimpleName() + ": " + error.getMessage())
        .withCause(error);
  }

  /** {@link #toStatus} as an exception to throw or pass to {@code onError}. */
  public static StatusRuntimeException toException(Throwable error) {
    if (error instanceof StatusRuntimeException e) {
      return e;
    }
    return toStatus(error).asRuntimeException();
  }
}
