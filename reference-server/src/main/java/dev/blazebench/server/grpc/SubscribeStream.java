package dev.blazebench.server.grpc;

import dev.blazebench.server.core.ApiErrors;
import dev.blazebench.server.core.InvalidRequestException;
import dev.blazebench.server.feed.ChangeFeed;
import dev.blazebench.server.feed.ChangeSubscriber;
import dev.blazebench.server.feed.Subscription;
import dev.blazebench.server.feed.SubscriptionEnd;
import dev.blazebench.server.store.ChangeEvent;
import dev.blazebench.server.store.ResyncNeeded;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Serves one Subscribe call from a {@link ChangeFeed} subscription, the loop every gRPC adapter
 * (wrapped, native, Protobuf) shares; only the message each batch becomes differs.
 *
 * <p>Flow control maps one to one: a batch is sent and {@code onChanges} answers {@link
 * ServerCallStreamObserver#isReady()}, so while the client's HTTP/2 window is full the feed holds
 * further changes in the subscription's bounded queue; {@code onReady} resumes it. A client that
 * stops reading is ended, once that queue passes the feed's bound, with {@code RESOURCE_EXHAUSTED}
 * and the trailer {@value #RESUME_AFTER_HEADER}; cancellation cancels the subscription, which
 * leaves nothing in the feed.
 *
 * <p>Ends, as {@code blazedb.proto} documents them:
 *
 * <pre>
 * SubscriberTooSlow  RESOURCE_EXHAUSTED   "subscriber too slow: ...; resume after sequence N" + resume trailer
 * ResyncRequired     FAILED_PRECONDITION  "resync needed: ..." + oldest/last sequence trailers
 * FeedClosed         UNAVAILABLE          server stopping + resume trailer
 * Failed             the cause's code     + resume trailer
 * </pre>
 *
 * <p>A failed delivery takes the code {@link ApiErrors} gives its cause, as every API's calls do: a
 * change this API's messages cannot carry (a record written through the BlazeBinary APIs whose
 * {@code updatedAt} is text, sent to a Protobuf subscriber) ends the stream INVALID_ARGUMENT, the
 * code Fetch answers for that record; any other failure is the server's, INTERNAL.
 */
final class SubscribeStream {

  /** Trailer of a resumable end: the last sequence sent, to subscribe after. */
  static final String RESUME_AFTER_HEADER = "blazedb-resume-after";

  /** Trailer of a resync end: the oldest sequence the log still keeps. */
  static final String OLDEST_SEQUENCE_HEADER = "blazedb-oldest-sequence";

  /** Trailer of a resync end: the collection's last sequence, to follow after a full read. */
  static final String LAST_SEQUENCE_HEADER = "blazedb-last-sequence";

  static final Metadata.Key<String> RESUME_AFTER =
      Metadata.Key.of(RESUME_AFTER_HEADER, Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> OLDEST_SEQUENCE =
      Metadata.Key.of(OLDEST_SEQUENCE_HEADER, Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> LAST_SEQUENCE =
      Metadata.Key.of(LAST_SEQUENCE_HEADER, Metadata.ASCII_STRING_MARSHALLER);

  private SubscribeStream() {}

  /**
   * Subscribes {@code responses} to {@code collection} after {@code fromSequence} (or from the
   * latest change), each batch turned into a message by {@code toMessage}; returns at once. Call it
   * from the handler, before it returns.
   */
  static <T> void start(
      ChangeFeed feed,
      String collection,
      long fromSequence,
      boolean fromLatest,
      Function<List<ChangeEvent>, T> toMessage,
      ServerCallStreamObserver<T> responses) {
    // The handlers must be set before the handler returns; they run on the call's serialising
    // executor, which is this thread until it returns, so they see the subscription set below.
    AtomicReference<Subscription> subscription = new AtomicReference<>();
    responses.setOnReadyHandler(
        () -> {
          Subscription current = subscription.get();
          if (current != null) {
            current.resume();
          }
        });
    responses.setOnCancelHandler(
        () -> {
          Subscription current = subscription.get();
          if (current != null) {
            current.cancel();
          }
        });
    try {
      if (fromSequence < 0) {
        throw new InvalidRequestException(
            "from_sequence: must be below 2^63, was " + Long.toUnsignedString(fromSequence));
      }
      ChangeSubscriber sink = new Sink<>(toMessage, responses);
      subscription.set(
          fromLatest
              ? feed.subscribeFromLatest(collection, sink)
              : feed.subscribe(collection, fromSequence, sink));
    } catch (RuntimeException e) {
      responses.onError(GrpcStatuses.toException(e));
    }
  }

  /** The status that ends a subscription for {@code end}, with its trailers. */
  static io.grpc.StatusRuntimeException endStatus(SubscriptionEnd end) {
    Metadata trailers = new Metadata();
    Status status;
    if (end instanceof SubscriptionEnd.ResyncRequired resync) {
      ResyncNeeded needed = resync.resync();
      trailers.put(OLDEST_SEQUENCE, Long.toString(needed.oldestAvailableSequence()));
      trailers.put(LAST_SEQUENCE, Long.toString(needed.lastSequence()));
      return Status.FAILED_PRECONDITION.withDescription(end.message()).asRuntimeException(trailers);
    } else if (end instanceof SubscriptionEnd.SubscriberTooSlow) {
      status = Status.RESOURCE_EXHAUSTED;
    } else if (end instanceof SubscriptionEnd.FeedClosed) {
      status = Status.UNAVAILABLE;
    } else if (end instanceof SubscriptionEnd.Failed failed) {
      status = GrpcStatuses.code(ApiErrors.classify(failed.cause()).code());
    } else {
      status = Status.INTERNAL;
    }
    trailers.put(RESUME_AFTER, Long.toString(end.lastDeliveredSequence()));
    return status.withDescription(end.message()).asRuntimeException(trailers);
  }

  /** The feed's side: sends each batch, reports readiness, ends the call with a status. */
  private static final class Sink<T> implements ChangeSubscriber {
    private final Function<List<ChangeEvent>, T> toMessage;
    private final ServerCallStreamObserver<T> responses;

    Sink(Function<List<ChangeEvent>, T> toMessage, ServerCallStreamObserver<T> responses) {
      this.toMessage = toMessage;
      this.responses = responses;
    }

    @Override
    public boolean onChanges(List<ChangeEvent> events) {
      if (responses.isCancelled()) {
        return false; // the cancel handler is cancelling the subscription
      }
      responses.onNext(toMessage.apply(events));
      return responses.isReady();
    }

    @Override
    public void onEnd(SubscriptionEnd end) {
      if (!responses.isCancelled()) {
        responses.onError(endStatus(end));
      }
    }
  }
}
