package dev.blazebench.load.grpc;

import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.load.api.DecodeFailure;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.Failures;
import dev.blazebench.load.engine.OpOutcome;
import io.grpc.Status;

/**
 * gRPC failures as error classes: UNAVAILABLE is CONNECT (no connection, or it broke),
 * DEADLINE_EXCEEDED is DEADLINE, an answer that does not decode is DECODE, any other status is
 * STATUS with its code number.
 */
final class GrpcFailures {

  private GrpcFailures() {}

  static OpOutcome classify(Throwable error) {
    Throwable t = Failures.unwrap(error);
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DecodeFailure || c instanceof BlazeBinaryException) {
        return OpOutcome.failed(ErrorClass.DECODE, c.getMessage());
      }
    }
    Status status = Status.fromThrowable(t);
    if (status.getCode() == Status.Code.UNKNOWN && status.getCause() != null) {
      return Failures.classify(t); // not a gRPC status: a client-side exception
    }
    String detail =
        status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
    return switch (status.getCode()) {
      case UNAVAILABLE -> OpOutcome.failed(ErrorClass.CONNECT, detail);
      case DEADLINE_EXCEEDED -> OpOutcome.failed(ErrorClass.DEADLINE, detail);
      default -> OpOutcome.status(status.getCode().value(), detail);
    };
  }
}
