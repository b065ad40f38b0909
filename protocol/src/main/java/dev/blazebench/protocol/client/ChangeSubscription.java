package dev.blazebench.protocol.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;
import java.util.function.Function;

/**
 * A running Subscribe call from a client: {@link #cancel()} (or {@link #close()}) ends it, which
 * frees the server's side at once.
 */
public final class ChangeSubscription implements AutoCloseable {

  private volatile ClientCallStreamObserver<?> call;
  private volatile boolean cancelled;

  private ChangeSubscription() {}

  /** Starts a server-streaming Subscribe call, each response turned into changes by decode. */
  static <Q, R> ChangeSubscription start(
      Channel channel,
      MethodDescriptor<Q, R> method,
      CallOptions options,
      Q request,
      Function<R, List<Change>> decode,
      ChangeListener listener) {
    ChangeSubscription subscription = new ChangeSubscription();
    ClientCalls.asyncServerStreamingCall(
        channel.newCall(method, options),
        request,
        new ClientResponseObserver<Q, R>() {
          private boolean ended;

          @Override
          public void beforeStart(ClientCallStreamObserver<Q> requests) {
            subscription.call = requests;
          }

          @Override
          public void onNext(R update) {
            if (ended) {
              return;
            }
            List<Change> changes;
            try {
              changes = decode.apply(update);
            } catch (RuntimeException e) {
              ended = true;
              subscription.cancel();
              listener.onEnd(GrpcFailures.malformed("Subscribe", e));
              return;
            }
            listener.onChanges(changes);
          }

          @Override
          public void onError(Throwable error) {
            if (ended) {
              return;
            }
            ended = true;
            listener.onEnd(
                GrpcFailures.translate(
                    "Subscribe",
                    error instanceof RuntimeException e ? e : new RuntimeException(error)));
          }

          @Override
          public void onCompleted() {
            onError(
                io.grpc.Status.UNAVAILABLE
                    .withDescription("the server ended the subscription")
                    .asRuntimeException());
          }
        });
    if (subscription.cancelled) {
      subscription.cancel();
    }
    return subscription;
  }

  /** Ends the subscription; the listener hears CANCELLED. Idempotent. */
  public void cancel() {
    cancelled = true;
    ClientCallStreamObserver<?> current = call;
    if (current != null) {
      current.cancel("cancelled by the client", null);
    }
  }

  @Override
  public void close() {
    cancel();
  }
}
