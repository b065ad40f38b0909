package dev.blazebench.load.scenario;

import com.google.protobuf.UnsafeByteOperations;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.CallDeadlines;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.Iteration;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.realtime.DeliveryTracker;
import dev.blazebench.load.realtime.ObservedChange;
import dev.blazebench.load.realtime.SyncStreams;
import dev.blazebench.load.realtime.WriteMarker;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.grpc.SyncAck;
import dev.blazebench.protocol.grpc.SyncMessage;
import dev.blazebench.protocol.sync.ClientOperations;
import dev.blazebench.protocol.workload.BugFields;
import dev.blazebench.protocol.workload.BugWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code sync}: the seed's bidirectional Sync ("Sub-50ms round-trip!"). One pusher and N receivers
 * (1 by default), each a {@code BlazeDBService.Sync} stream on its own connection, follow the same
 * collection. Per iteration, at the run's rate, the pusher pushes one message of one BlazeBinary
 * operation; two operations are recorded:
 *
 * <ul>
 *   <li>{@value #ROUND_TRIP}: from the push's intended start until the pusher has the server's ack
 *       (the operation applied and committed; the ack carries its sequence). Checked: the ack
 *       answers this push ({@code push_id}), names exactly one sequence, above the previous ack's.
 *   <li>{@value #PUSH_TO_RECEIVE}, once per receiver: from the push's intended start until that
 *       receiver has received and decoded the operation. Every push must arrive at every receiver
 *       exactly once and in order ({@link DeliveryTracker}, as {@code realtime}).
 * </ul>
 *
 * Both are corrected latencies (from the schedule's send time); the uncorrected ones count from the
 * actual send. Push {@code n} inserts a new workload bug when {@code n} is even and updates one of
 * {@value #POOL} records pushed before the run when it is odd, either setting {@code title} to
 * {@link WriteMarker}'s {@code "rt <run> #n"}. The pusher's stream must not see its own pushes (the
 * server leaves them out); one that arrives is a VALIDATION failure.
 *
 * <p>Only {@code grpc-blazebinary} ({@code blaze://}) serves Sync.
 */
public final class SyncScenario implements Scenario, AutoCloseable {

  /** The scenario's name. */
  public static final String NAME = "sync";

  /** The collection it writes to unless told otherwise. */
  public static final String DEFAULT_COLLECTION = "sync";

  /** The pusher's round trip to its ack. */
  public static final String ROUND_TRIP = "round-trip";

  /** A push's arrival at one receiver. */
  public static final String PUSH_TO_RECEIVE = "push-to-receive";

  /** Records pushed before the run for the updates. */
  static final int POOL = 100;

  private final SyncStreams streams;
  private final String collection;
  private final int receiverCount;
  private final WriteMarker marker = WriteMarker.random();
  private final ClientOperations operations = new ClientOperations(UUID.randomUUID());
  private final List<DeliveryTracker> trackers = new ArrayList<>();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final CallDeadlines deadlines = new CallDeadlines("sync");

  /** The pusher's messages awaiting their ack, in send order (acks come in that order). */
  private final ConcurrentLinkedQueue<PendingAck> unacknowledged = new ConcurrentLinkedQueue<>();

  private SyncStreams.Stream pusher;
  private UUID[] pool = new UUID[0];
  private Duration callDeadline = Duration.ofSeconds(5);
  private volatile Iteration latest;
  private volatile OpOutcome pusherEnded;
  private long lastAckedSequence; // the pusher's I/O thread only

  /**
   * @param streams the Sync client
   * @param collection the collection every stream follows
   * @param receiverCount receivers besides the pusher, at least 1
   */
  public SyncScenario(SyncStreams streams, String collection, int receiverCount) {
    if (receiverCount < 1) {
      throw new IllegalArgumentException("at least one receiver, was " + receiverCount);
    }
    this.streams = streams;
    this.collection = collection;
    this.receiverCount = receiverCount;
  }

  /** A message sent, and the future its ack completes. */
  private record PendingAck(long pushId, long sizeBytes, CompletableFuture<OpOutcome> acked) {}

  @Override
  public String api() {
    return SyncStreams.API;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> operationNames() {
    return List.of(ROUND_TRIP, PUSH_TO_RECEIVE);
  }

  /** Receivers besides the pusher. */
  public int receiverCount() {
    return receiverCount;
  }

  @Override
  public Optional<WireCounter> wireCounter() {
    return Optional.of(streams.wireCounter());
  }

  @Override
  public OpOutcome classify(Throwable error) {
    return streams.classify(error);
  }

  @Override
  public void prepare(Duration deadline, Consumer<String> progress) throws Exception {
    callDeadline = deadline;
    CompletableFuture<OpOutcome> opening = enqueue(0, 0); // before the opening message goes out
    pusher = streams.open(collection, new PusherListener());
    opened.add(pusher);
    await(opening, "the pusher's stream to open");
    List<BlazeOperation> inserts = new ArrayList<>(POOL);
    pool = new UUID[POOL];
    List<BlazeRecord> bugs = BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 0, POOL);
    for (int i = 0; i < POOL; i++) {
      pool[i] = UUID.randomUUID();
      inserts.add(operations.insert(collection, pool[i], bugs.get(i)));
    }
    long poolPushId = Long.MAX_VALUE;
    CompletableFuture<OpOutcome> poolAck = push(poolPushId, inserts);
    await(poolAck, "the pool of " + POOL + " records to be pushed");
    for (int i = 0; i < receiverCount; i++) {
      DeliveryTracker tracker = new DeliveryTracker(i, marker, this::duplicate);
      trackers.add(tracker);
      CompletableFuture<Void> live = new CompletableFuture<>();
      opened.add(streams.open(collection, new ReceiverListener(i, tracker, live)));
      await(live, "receiver " + i + " to open");
    }
    progress.accept(
        String.format(
            Locale.ROOT,
            "1 pusher and %d receiver(s), Sync streams on collection \"%s\"; run tag %s",
            receiverCount,
            collection,
            marker.run()));
  }

  private void await(CompletableFuture<?> future, String what) throws Exception {
    Object result;
    try {
      result = future.get(callDeadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out after " + callDeadline + " waiting for " + what);
    }
    if (result instanceof OpOutcome outcome && !outcome.isOk()) {
      throw new IllegalStateException("waiting for " + what + ": " + outcome.detail());
    }
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    latest = iteration;
    long index = iteration.index();
    long sendNanos = System.nanoTime();
    List<CompletableFuture<?>> stages = new ArrayList<>(receiverCount + 1);
    // Expect the push at every receiver before it is sent: it may arrive before the ack.
    List<CompletableFuture<OpOutcome>> deliveries = new ArrayList<>(receiverCount);
    for (DeliveryTracker tracker : trackers) {
      deliveries.add(tracker.expect(index, sendNanos));
    }
    CompletionStage<OpOutcome> roundTrip =
        iteration.call(ROUND_TRIP, deadline -> deadlines.track(push(index), deadline, () -> {}));
    for (CompletableFuture<OpOutcome> delivered : deliveries) {
      stages.add(
          iteration
              .awaitEffect(
                  PUSH_TO_RECEIVE, callDeadline, d -> deadlines.track(delivered, d, () -> {}))
              .toCompletableFuture());
    }
    stages.add(
        roundTrip
            .thenAccept(
                outcome -> {
                  for (DeliveryTracker tracker : trackers) {
                    if (outcome.isOk()) {
                      tracker.acknowledged(index, System.nanoTime());
                    } else {
                      tracker.writeFailed(
                          index,
                          new OpOutcome(
                              outcome.errorClass(),
                              outcome.statusCode(),
                              0,
                              0,
                              0,
                              "push " + index + " failed: " + outcome.detail()));
                    }
                  }
                })
            .toCompletableFuture());
    return CompletableFuture.allOf(stages.toArray(new CompletableFuture<?>[0]));
  }

  /** Pushes iteration {@code index}'s operation; push_id is index + 1 (0 is the opening). */
  private CompletableFuture<OpOutcome> push(long index) {
    BlazeValue title = BlazeValue.string(marker.title(index));
    BlazeOperation op;
    if (index % 2 == 0) {
      BlazeRecord record =
          BugWorkload.newBug(BugWorkload.DEFAULT_SEED, (int) (POOL + index % 1_000_000)).toBuilder()
              .put(BugFields.TITLE, title)
              .build();
      op = operations.insert(collection, UUID.randomUUID(), record);
    } else {
      op =
          operations.update(
              collection,
              pool[(int) ((index / 2) % pool.length)],
              BlazeRecord.builder().put(BugFields.TITLE, title).build());
    }
    return push(index + 1, List.of(op));
  }

  private synchronized CompletableFuture<OpOutcome> push(long pushId, List<BlazeOperation> ops) {
    SyncMessage message =
        SyncMessage.newBuilder()
            .setPushId(pushId)
            .setOperations(UnsafeByteOperations.unsafeWrap(BlazeSequences.encodeOperations(ops)))
            .build();
    CompletableFuture<OpOutcome> acked = enqueue(pushId, message.getSerializedSize());
    if (!acked.isDone()) {
      pusher.send(message);
    }
    return acked;
  }

  /** Registers a message about to be sent (call before sending, in send order). */
  private synchronized CompletableFuture<OpOutcome> enqueue(long pushId, long sizeBytes) {
    CompletableFuture<OpOutcome> acked = new CompletableFuture<>();
    OpOutcome ended = pusherEnded;
    if (ended != null) {
      acked.complete(ended);
      return acked;
    }
    unacknowledged.add(new PendingAck(pushId, sizeBytes, acked));
    return acked;
  }

  /** The pusher's side: acks complete pushes in order; its own changes must not come back. */
  private final class PusherListener implements SyncStreams.Listener {
    @Override
    public void onAck(SyncAck ack, long receivedNanos, long sizeBytes) {
      PendingAck pending = unacknowledged.poll();
      if (pending == null) {
        duplicate("an ack (push_id " + ack.getPushId() + ") for no message sent");
        return;
      }
      long count = ack.getLastSequence() - ack.getFirstSequence() + 1;
      boolean opening = pending.pushId() == 0;
      String problem = null;
      if (ack.getPushId() != pending.pushId()) {
        problem = "ack for push_id " + ack.getPushId() + " where " + pending.pushId() + " was next";
      } else if (opening ? ack.getLastSequence() != 0 : count < 1) {
        problem =
            "ack of push_id "
                + ack.getPushId()
                + " names sequences "
                + ack.getFirstSequence()
                + ".."
                + ack.getLastSequence();
      } else if (!opening && ack.getFirstSequence() <= lastAckedSequence) {
        problem =
            "ack of push_id "
                + ack.getPushId()
                + " at sequence "
                + ack.getFirstSequence()
                + ", not above the previous ack's "
                + lastAckedSequence;
      }
      if (!opening) {
        lastAckedSequence = Math.max(lastAckedSequence, ack.getLastSequence());
      }
      pending
          .acked()
          .complete(
              problem == null
                  ? OpOutcome.ok(pending.sizeBytes(), sizeBytes).withRecords(count)
                  : OpOutcome.checked(false, problem, pending.sizeBytes(), sizeBytes));
    }

    @Override
    public void onChanges(List<ObservedChange> changes, long receivedNanos, long sizeBytes) {
      for (ObservedChange change : changes) {
        if (marker.indexOf(change.title()) >= 0) {
          duplicate("the pusher received its own push (sequence " + change.sequence() + ") back");
        }
      }
    }

    @Override
    public void onEnd(Throwable cause) {
      OpOutcome outcome = streams.classify(cause);
      OpOutcome ended =
          new OpOutcome(
              outcome.errorClass(),
              outcome.statusCode(),
              0,
              0,
              0,
              "the pusher's stream ended: " + outcome.detail());
      synchronized (SyncScenario.this) {
        pusherEnded = ended;
      }
      PendingAck pending;
      while ((pending = unacknowledged.poll()) != null) {
        pending.acked().complete(ended);
      }
    }
  }

  /** One receiver: its changes go to its tracker; its opening ack says it is live. */
  private final class ReceiverListener implements SyncStreams.Listener {
    private final int number;
    private final DeliveryTracker tracker;
    private final CompletableFuture<Void> live;

    ReceiverListener(int number, DeliveryTracker tracker, CompletableFuture<Void> live) {
      this.number = number;
      this.tracker = tracker;
      this.live = live;
    }

    @Override
    public void onAck(SyncAck ack, long receivedNanos, long sizeBytes) {
      live.complete(null); // the only message it sends is the opening one
    }

    @Override
    public void onChanges(List<ObservedChange> changes, long receivedNanos, long sizeBytes) {
      tracker.onChanges(changes, sizeBytes);
    }

    @Override
    public void onEnd(Throwable cause) {
      OpOutcome outcome = streams.classify(cause);
      live.completeExceptionally(cause);
      tracker.ended(
          new OpOutcome(
              outcome.errorClass(),
              outcome.statusCode(),
              0,
              0,
              0,
              "receiver " + number + ": " + outcome.detail()));
    }
  }

  /** A push received twice, out of order, or by its own pusher: one more failed delivery. */
  private void duplicate(String detail) {
    Iteration iteration = latest;
    if (iteration == null) {
      return; // before the run: the pool's changes are not the run's pushes
    }
    iteration.awaitEffect(
        PUSH_TO_RECEIVE,
        callDeadline,
        d ->
            CompletableFuture.completedFuture(
                new OpOutcome(ErrorClass.VALIDATION, -1, 0, 0, 0, detail)));
  }

  /** How many deliveries are still awaited, over all receivers. */
  public int pendingDeliveries() {
    int pending = 0;
    for (DeliveryTracker tracker : trackers) {
      pending += tracker.pendingCount();
    }
    return pending;
  }

  @Override
  public void close() {
    for (AutoCloseable stream : opened) {
      try {
        stream.close();
      } catch (Exception e) {
        // closing the rest anyway
      }
    }
    deadlines.close();
  }
}
