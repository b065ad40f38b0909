package dev.blazebench.server.grpc;

import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Answers a unary call with what {@code work} returns, or with the status of what it threw. */
final class Unary {

  private Unary() {}

  static <T> void respond(StreamObserver<T> responses, Supplier<T> work) {
    T response;
    try {
      response = work.get();
    } catch (RuntimeException e) {
      responses.onError(GrpcStatuses.toException(e));
      return;
    }
    responses.onNext(response);
    responses.onCompleted();
  }
}
