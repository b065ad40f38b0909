package dev.blazebench.server.grpc;

import dev.blazebench.server.core.ApiError;
import dev.blazebench.server.core.ApiErrors;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gRPC status every gRPC adapter answers a failure with: a status exception keeps its status;
 * anything else goes through {@link ApiErrors#classify}, the mapping REST shares, so a failure gets
 * the same code on every API. Internal failures are logged here, once, with their stack trace; the
 * client sees only their type and message.
 */
final class GrpcStatuses {

  private static final Logger LOG = Logger.getLogger(GrpcStatuses.class.getName());

  private GrpcStatuses() {}

  /** The status for {@code error}, as an exception to pass to {@code onError} or throw. */
  static StatusRuntimeException toException(Throwable error) {
    if (error instanceof StatusRuntimeException e) {
      return e;
    }
    if (error instanceof StatusException e) {
      return e.getStatus().asRuntimeException(e.getTrailers());
    }
    return toStatus(ApiErrors.classify(error)).asRuntimeException();
  }

  static Status toStatus(ApiError error) {
    if (error.code() == ApiError.Code.INTERNAL) {
      LOG.log(Level.WARNING, "internal error: " + error.message(), error.cause());
    }
    return code(error.code()).withDescription(error.message()).withCause(error.cause());
  }

  /** The gRPC status of an API error code. */
  static Status code(ApiError.Code code) {
    return switch (code) {
      case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.NOT_FOUND;
      case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
      case RESOURCE_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
      case UNAVAILABLE -> Status.UNAVAILABLE;
      case INTERNAL -> Status.INTERNAL;
    };
  }
}
