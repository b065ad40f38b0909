package dev.blazebench.protocol.client;

import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.protocol.query.InvalidQueryException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Turns what a gRPC call threw into a {@link BlazeClientException}. */
final class GrpcFailures {

  private GrpcFailures() {}

  static BlazeClientException translate(String operation, RuntimeException error) {
    if (error instanceof BlazeClientException e) {
      return e;
    }
    if (error instanceof StatusRuntimeException e) {
      Status status = e.getStatus();
      // A response the client's marshaller could not parse arrives as CANCELLED with the parse
      // error as the cause: that is the server's answer being malformed, not a cancellation.
      Throwable decodeError = findDecodeError(status.getCause());
      if (decodeError != null) {
        return malformed(operation, decodeError);
      }
      String description = status.getDescription() == null ? "" : ": " + status.getDescription();
      return new BlazeClientException(
          BlazeClientException.Kind.of(status.getCode()),
          status,
          operation + " failed with " + status.getCode() + description,
          e);
    }
    if (error instanceof BlazeBinaryException || error instanceof InvalidQueryException) {
      return malformed(operation, error);
    }
    throw error;
  }

  static BlazeClientException malformed(String operation, Throwable cause) {
    return new BlazeClientException(
        BlazeClientException.Kind.MALFORMED_RESPONSE,
        null,
        operation + ": malformed response: " + cause.getMessage(),
        cause);
  }

  private static Throwable findDecodeError(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof BlazeBinaryException || t instanceof InvalidQueryException) {
        return t;
      }
      if (t instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
        return t;
      }
    }
    return null;
  }
}
