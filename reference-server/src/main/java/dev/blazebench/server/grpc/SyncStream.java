package dev.blazebench.server.grpc;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.protocol.grpc.SyncAck;
import dev.blazebench.protocol.grpc.SyncMessage;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.core.InvalidRequestException;
import dev.blazebench.server.feed.ChangeSubscriber;
import dev.blazebench.server.feed.Subscription;
import dev.blazebench.server.feed.SubscriptionEnd;
import dev.blazebench.server.store.ChangeEvent;
import dev.blazebench.server.store.SequenceRange;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Serves one {@code Sync} call: applies what the client pushes and follows the collection for it,
 * as {@code blazedb.proto} documents.
 *
 * <p><b>Own changes.</b> The stream leaves out the changes it pushed itself. The store tells it
 * their sequences before the commit ({@link BlazeDatabase#applyOperations}'s {@code beforeCommit}),
 * so the range is known before the feed can deliver any of them; the feed delivers in sequence
 * order, so a queue of ranges, dropped from the head once passed, is all the filter needs.
 *
 * <p><b>Flow control.</b> Changes come from a {@link Subscription} that pauses while the call is
 * not ready and ends the call with RESOURCE_EXHAUSTED when its bounded queue fills, as Subscribe.
 * Client messages are requested one at a time, and the next only once the call is ready: a client
 * that pushes without reading stops being read instead of piling acks up in the server.
 *
 * <p><b>Threads.</b> Client messages and the on-ready and on-cancel handlers run on the call's
 * serialising executor; changes arrive on the feed's delivery threads. Every write to the call goes
 * through {@link #send} and {@link #end}, which hold {@code this}: grpc-java's call is not
 * thread-safe.
 */
final class SyncStream implements StreamObserver<SyncMessage> {

  private static final Metadata.Key<String> RESUME_AFTER = SubscribeStream.RESUME_AFTER;

  private final BlazeDatabase database;
  private final ServerCallStreamObserver<SyncMessage> responses;
  private final BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();

  /** The ranges of sequences this stream pushed and the feed has not delivered yet, in order. */
  private final ConcurrentLinkedQueue<SequenceRange> ownPending = new ConcurrentLinkedQueue<>();

  // Call executor only:
  private String collection;
  private long messages;
  private boolean requestWhenReady;

  /** Set once, on the call executor, before the first ack; read by the handlers. */
  private volatile Subscription subscription;

  /** Where to resume when the stream ends before it follows anything. */
  private volatile long startAfter;

  private boolean ended; // guarded by this

  private SyncStream(BlazeDatabase database, ServerCallStreamObserver<SyncMessage> responses) {
    this.database = database;
    this.responses = responses;
  }

  /** Starts serving a call: sets its handlers and asks for the first client message. */
  static StreamObserver<SyncMessage> start(
      BlazeDatabase database, StreamObserver<SyncMessage> responses) {
    ServerCallStreamObserver<SyncMessage> call = (ServerCallStreamObserver<SyncMessage>) responses;
    SyncStream stream = new SyncStream(database, call);
    call.disableAutoRequest();
    call.setOnReadyHandler(stream::onReady);
    call.setOnCancelHandler(stream::onCancel);
    call.request(1);
    return stream;
  }

  @Override
  public void onNext(SyncMessage message) {
    messages++;
    if (isEnded()) {
      return;
    }
    try {
      if (messages == 1) {
        open(message);
      } else {
        checkLater(message);
      }
      SequenceRange committed = apply(message.getOperations());
      SyncAck.Builder ack = SyncAck.newBuilder().setPushId(message.getPushId());
      if (committed != null) {
        ack.setFirstSequence(committed.first()).setLastSequence(committed.last());
      }
      send(SyncMessage.newBuilder().setAck(ack).build());
    } catch (RuntimeException e) {
      fail(message, e);
      return;
    }
    if (responses.isReady()) {
      responses.request(1);
    } else {
      requestWhenReady = true; // onReady asks for the next message
    }
  }

  @Override
  public void onError(Throwable error) {
    // The client cancelled or the connection broke: onCancel has already cancelled the feed.
    stopFollowing();
  }

  @Override
  public void onCompleted() {
    stopFollowing();
    end(null);
  }

  private void open(SyncMessage message) {
    long after = message.getLastSequence();
    startAfter = Math.max(0, after); // the resume point even if the stream fails to open
    collection = BlazePayloads.collection(message.getCollection(), "collection");
    if (after < 0) {
      throw new InvalidRequestException(
          "last_sequence: must be below 2^63, was " + Long.toUnsignedString(after));
    }
    ChangeSubscriber sink = new Sink();
    Subscription started =
        message.getFromLatest()
            ? database.changeFeed().subscribeFromLatest(collection, sink)
            : database.changeFeed().subscribe(collection, after, sink);
    startAfter = message.getFromLatest() ? started.lastDeliveredSequence() : after;
    subscription = started;
    if (responses.isCancelled()) {
      started.cancel(); // the cancel handler ran before the subscription was set
    }
  }

  private void checkLater(SyncMessage message) {
    if (!message.getCollection().isEmpty() && !message.getCollection().equals(collection)) {
      throw new InvalidRequestException(
          "collection: \""
              + message.getCollection()
              + "\" differs from the stream's \""
              + collection
              + "\" (set by the first message)");
    }
    if (message.getLastSequence() != 0 || message.getFromLatest()) {
      throw new InvalidRequestException(
          "last_sequence and from_latest are read only from the first message");
    }
  }

  /** Applies the message's operations in one write; null when it has none. */
  private SequenceRange apply(ByteString bytes) {
    if (bytes.isEmpty()) {
      return null;
    }
    List<BlazeOperation> operations;
    try {
      operations = BlazeSequences.decodeOperations(bytes.asReadOnlyByteBuffer(), decoder);
    } catch (BlazeBinaryException e) {
      throw new InvalidRequestException(
          "operations: malformed BlazeBinary operation sequence: " + e.getMessage(), e);
    }
    if (operations.isEmpty()) {
      return null;
    }
    return database.applyOperations(collection, operations, ownPending::add);
  }

  /** Ends the call with the status for {@code error}, naming the message it came from. */
  private void fail(SyncMessage message, RuntimeException error) {
    StatusRuntimeException status = GrpcStatuses.toException(error);
    String where = "message " + messages + " (push_id " + message.getPushId() + "): ";
    stopFollowing();
    end(
        status
            .getStatus()
            .withDescription(where + status.getStatus().getDescription())
            .asRuntimeException(resumeTrailer()));
  }

  private void onReady() {
    Subscription current = subscription;
    if (current != null) {
      current.resume();
    }
    if (requestWhenReady && !isEnded()) {
      requestWhenReady = false;
      responses.request(1);
    }
  }

  private void onCancel() {
    stopFollowing();
    synchronized (this) {
      ended = true;
    }
  }

  private void stopFollowing() {
    Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }

  private Metadata resumeTrailer() {
    Subscription current = subscription;
    Metadata trailers = new Metadata();
    trailers.put(
        RESUME_AFTER,
        Long.toString(current != null ? current.lastDeliveredSequence() : startAfter));
    return trailers;
  }

  private synchronized boolean isEnded() {
    return ended;
  }

  /** Sends one message unless the call has ended; returns whether the call can take more. */
  private synchronized boolean send(SyncMessage message) {
    if (ended || responses.isCancelled()) {
      return false;
    }
    responses.onNext(message);
    return responses.isReady();
  }

  /** Ends the call: OK when {@code error} is null, once. */
  private synchronized void end(StatusRuntimeException error) {
    if (ended) {
      return;
    }
    ended = true;
    if (responses.isCancelled()) {
      return;
    }
    if (error == null) {
      responses.onCompleted();
    } else {
      responses.onError(error);
    }
  }

  /** The feed's side: sends other writers' changes, in runs of consecutive sequences. */
  private final class Sink implements ChangeSubscriber {
    @Override
    public boolean onChanges(List<ChangeEvent> events) {
      List<ChangeEvent> run = new ArrayList<>(events.size());
      boolean ready = true;
      for (ChangeEvent event : events) {
        if (isOwn(event.sequence())) {
          ready = sendRun(run) && ready;
          continue;
        }
        if (!run.isEmpty() && run.get(run.size() - 1).sequence() + 1 != event.sequence()) {
          ready = sendRun(run) && ready;
        }
        run.add(event);
      }
      ready = sendRun(run) && ready;
      return ready && responses.isReady();
    }

    @Override
    public void onEnd(SubscriptionEnd end) {
      end(SubscribeStream.endStatus(end));
    }

    private boolean isOwn(long sequence) {
      SequenceRange head = ownPending.peek();
      while (head != null && head.last() < sequence) {
        ownPending.poll();
        head = ownPending.peek();
      }
      return head != null && head.contains(sequence);
    }

    private boolean sendRun(List<ChangeEvent> run) {
      if (run.isEmpty()) {
        return true;
      }
      boolean ready = send(ChangeMessages.syncMessage(run));
      run.clear();
      return ready;
    }
  }
}
