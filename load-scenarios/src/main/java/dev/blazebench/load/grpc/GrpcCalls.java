package dev.blazebench.load.grpc;

import dev.blazebench.load.api.CallDeadlines;
import dev.blazebench.load.api.DecodeFailure;
import dev.blazebench.load.api.LoadClient.Answer;
import io.grpc.ClientCall;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Asynchronous gRPC calls that complete a future with a decoded {@link Answer}: the decoding runs
 * on the thread that receives the message (grpc-java's executor), before the future completes, so
 * the time it takes is inside the call's latency, as for a user of the API.
 */
final class GrpcCalls {

  private static final String ABANDONED = "the load driver's deadline passed, or it cancelled";

  private GrpcCalls() {}

  /**
   * One request, one response, decoded by {@code decode}; failed at {@code deadline} by {@code
   * deadlines}, which cancels the call.
   */
  static <Q, R> CompletableFuture<Answer> unary(
      ClientCall<Q, R> call,
      Q request,
      String operation,
      Function<R, Answer> decode,
      CallDeadlines deadlines,
      Duration deadline) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    deadlines.track(answer, deadline, () -> call.cancel(ABANDONED, null));
    ClientCalls.asyncUnaryCall(
        call,
        request,
        new StreamObserver<R>() {
          @Override
          public void onNext(R response) {
            try {
              answer.complete(decode.apply(response));
            } catch (RuntimeException e) {
              answer.completeExceptionally(new DecodeFailure(operation, e));
            }
          }

          @Override
          public void onError(Throwable t) {
            answer.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            if (!answer.isDone()) {
              answer.completeExceptionally(new DecodeFailure(operation, "no response message"));
            }
          }
        });
    return answer;
  }

  /**
   * What a server stream's messages are folded into: each message is decoded and added as it
   * arrives, then dropped.
   */
  interface StreamFold<R> {
    /** Decodes and adds one message. */
    void add(R message);

    /** The answer once the stream has ended. */
    Answer finish();
  }

  /**
   * One request, a stream of responses folded into {@code fold}. grpc-java asks for the next
   * message only after {@link StreamFold#add} returns, so a slow client holds the server back
   * (HTTP/2 flow control) instead of buffering the stream.
   */
  static <Q, R> CompletableFuture<Answer> serverStream(
      ClientCall<Q, R> call,
      Q request,
      String operation,
      StreamFold<R> fold,
      CallDeadlines deadlines,
      Duration deadline) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    deadlines.track(answer, deadline, () -> call.cancel(ABANDONED, null));
    ClientCalls.asyncServerStreamingCall(
        call,
        request,
        new StreamObserver<R>() {
          private boolean failed;

          @Override
          public void onNext(R message) {
            if (failed) {
              return;
            }
            try {
              fold.add(message);
            } catch (RuntimeException e) {
              failed = true;
              answer.completeExceptionally(new DecodeFailure(operation, e));
              call.cancel("the client could not decode a batch", e);
            }
          }

          @Override
          public void onError(Throwable t) {
            answer.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            if (failed) {
              return;
            }
            try {
              answer.complete(fold.finish());
            } catch (RuntimeException e) {
              answer.completeExceptionally(new DecodeFailure(operation, e));
            }
          }
        });
    return answer;
  }
}
