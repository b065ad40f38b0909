package dev.blazebench.load.scenario;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.CallDeadlines;
import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.api.PreparedRecords;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.Iteration;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.realtime.ChangeSink;
import dev.blazebench.load.realtime.DeliveryTracker;
import dev.blazebench.load.realtime.ObservedChange;
import dev.blazebench.load.realtime.SubscriberApi;
import dev.blazebench.load.realtime.WriteMarker;
import dev.blazebench.load.wire.WireCounter;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@code realtime}: the seed's Test 3, live updates. A writer makes one write per iteration, at the
 * run's rate (10/s by default), always through the same API ({@code grpc-blazebinary}, so that
 * every API under test is fed the same way); N subscribers follow the collection through the API
 * under test (a gRPC Subscribe stream, WebSocket push or REST polling) and each must receive every
 * write exactly once, in order.
 *
 * <p>Write {@code n} is an insert of a new workload bug when {@code n} is even, and an update of
 * one of {@value #POOL} records inserted before the run when it is odd; either sets {@code title}
 * to {@link WriteMarker}'s {@code "rt <run> #n"}, which every subscriber reads back from the change
 * it receives. Operation {@code delivery} is recorded once per write and subscriber:
 *
 * <ul>
 *   <li>corrected latency: from the write's intended start (the schedule's send time) until the
 *       subscriber has received and decoded the change;
 *   <li>uncorrected latency: from the write's actual send until then;
 *   <li>failure: the write failed (its class), the subscription ended (CONNECT, STATUS, DECODE),
 *       the change was missing, duplicated or out of order ({@link DeliveryTracker}: VALIDATION; a
 *       duplicate adds one failed delivery), or it did not arrive within the delivery deadline: the
 *       call deadline plus the poll interval, counted from the send (DEADLINE).
 * </ul>
 *
 * <p>{@link #prepare} inserts the pool, starts the subscribers and writes probe records until every
 * subscriber has received one, so that the run starts with live subscriptions.
 */
public final class Realtime implements Scenario, AutoCloseable {

  /** The scenario's name. */
  public static final String NAME = "realtime";

  /** The collection it writes to unless told otherwise (its own, so other scenarios' stay put). */
  public static final String DEFAULT_COLLECTION = "realtime";

  /** The operation recorded per write and subscriber. */
  public static final String DELIVERY = "delivery";

  /** Records inserted before the run for the updates. */
  static final int POOL = 100;

  /** How often probe writes go out while prepare waits for the subscribers. */
  private static final Duration PROBE_EVERY = Duration.ofMillis(200);

  private final LoadClient writer;
  private final SubscriberApi subscribers;
  private final String collection;
  private final int subscriberCount;
  private final Duration pollInterval;
  private final WriteMarker marker = WriteMarker.random();
  private final WriteMarker probes = new WriteMarker(marker.run() + "p");
  private final List<DeliveryTracker> trackers = new ArrayList<>();
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private final List<Subscriber> states = new ArrayList<>();
  private final List<String> prepareProblems = new CopyOnWriteArrayList<>();
  private final CallDeadlines deadlines = new CallDeadlines("realtime");
  private UUID[] pool = new UUID[0];
  private Duration callDeadline = Duration.ofSeconds(5);
  private volatile Iteration latest;

  /**
   * @param writer the writer's client ({@code grpc-blazebinary})
   * @param subscribers the API under test
   * @param subscriberCount how many subscribers
   * @param pollInterval the subscribers' poll interval, or {@link Duration#ZERO} for push
   */
  public Realtime(
      LoadClient writer,
      SubscriberApi subscribers,
      String collection,
      int subscriberCount,
      Duration pollInterval) {
    if (subscriberCount < 1) {
      throw new IllegalArgumentException("at least one subscriber, was " + subscriberCount);
    }
    this.writer = writer;
    this.subscribers = subscribers;
    this.collection = collection;
    this.subscriberCount = subscriberCount;
    this.pollInterval = pollInterval;
  }

  @Override
  public String api() {
    return subscribers.name();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> operationNames() {
    return List.of(DELIVERY);
  }

  /** How many subscribers the run has. */
  public int subscriberCount() {
    return subscriberCount;
  }

  /** The writer's API. */
  public String writerApi() {
    return writer.name();
  }

  /** The poll interval; {@link Duration#ZERO} for push. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** How long a delivery may take from the write's send: the call deadline and a poll interval. */
  Duration deliveryDeadline() {
    return callDeadline.plus(pollInterval);
  }

  @Override
  public Optional<WireCounter> wireCounter() {
    return Optional.of(subscribers.wireCounter());
  }

  @Override
  public OpOutcome classify(Throwable error) {
    return subscribers.classify(error);
  }

  /** One subscriber's state, seen by its sink. */
  private static final class Subscriber {
    volatile boolean live;
    volatile Throwable end;
  }

  @Override
  public void prepare(Duration deadline, Consumer<String> progress) throws Exception {
    callDeadline = deadline;
    Setup setup = new Setup(writer, collection, deadline);
    List<UUID> ids =
        setup
            .await(
                writer.insertMany(
                    collection,
                    writer.prepare(BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 0, POOL)),
                    deadline))
            .ids();
    if (ids.size() != POOL) {
      throw new IllegalStateException("inserted " + POOL + " records, got " + ids.size() + " ids");
    }
    pool = ids.toArray(new UUID[0]);
    progress.accept(
        String.format(
            Locale.ROOT,
            "%d %s subscriber(s) on collection \"%s\", writer %s; run tag %s",
            subscriberCount,
            subscribers.name(),
            collection,
            writer.name(),
            marker.run()));
    for (int i = 0; i < subscriberCount; i++) {
      Subscriber state = new Subscriber();
      int number = i;
      DeliveryTracker tracker = new DeliveryTracker(i, marker, this::duplicate);
      trackers.add(tracker);
      states.add(state);
      subscriptions.add(
          subscribers.subscribe(
              collection,
              new ChangeSink() {
                @Override
                public void onChanges(
                    List<ObservedChange> changes, long receivedNanos, long payloadBytes) {
                  if (!state.live) {
                    for (ObservedChange change : changes) {
                      if (probes.indexOf(change.title()) >= 0) {
                        state.live = true;
                      }
                    }
                  }
                  tracker.onChanges(changes, payloadBytes);
                }

                @Override
                public void onEnd(Throwable cause) {
                  state.end = cause;
                  OpOutcome outcome = subscribers.classify(cause);
                  tracker.ended(
                      new OpOutcome(
                          outcome.errorClass(),
                          outcome.statusCode(),
                          0,
                          0,
                          0,
                          "subscriber " + number + ": " + outcome.detail()));
                }
              }));
    }
    awaitLive(setup, progress);
  }

  /** Writes probes until every subscriber has received one. */
  private void awaitLive(Setup setup, Consumer<String> progress) throws Exception {
    Duration limit = callDeadline.plus(pollInterval.multipliedBy(2)).plusSeconds(5);
    long until = System.nanoTime() + limit.toNanos();
    int probe = 0;
    while (true) {
      int live = 0;
      for (int i = 0; i < states.size(); i++) {
        Subscriber state = states.get(i);
        if (state.end != null) {
          throw new IllegalStateException(
              "subscriber " + i + " ended before the run: " + state.end.getMessage(), state.end);
        }
        live += state.live ? 1 : 0;
      }
      if (live == states.size()) {
        break;
      }
      if (System.nanoTime() - until >= 0) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "%d of %d subscribers received none of %d probe writes within %s",
                states.size() - live,
                states.size(),
                probe,
                limit));
      }
      BlazeRecord record =
          BugWorkload.newBug(BugWorkload.DEFAULT_SEED, POOL + probe).toBuilder()
              .put(BugFields.TITLE, BlazeValue.string(probes.title(probe)))
              .build();
      setup.await(writer.insert(collection, writer.prepare(List.of(record)), callDeadline));
      probe++;
      Thread.sleep(PROBE_EVERY.toMillis());
    }
    if (!prepareProblems.isEmpty()) {
      throw new IllegalStateException("before the run: " + prepareProblems.get(0));
    }
    progress.accept(
        String.format(Locale.ROOT, "every subscriber live after %d probe write(s)", probe));
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    latest = iteration;
    long index = iteration.index();
    long sendNanos = System.nanoTime();
    Duration deliveryDeadline = deliveryDeadline();
    List<CompletableFuture<?>> stages = new ArrayList<>(subscriberCount + 1);
    // Expect the write at every subscriber before it is sent: its change may arrive before the
    // writer hears the acknowledgement.
    for (DeliveryTracker tracker : trackers) {
      CompletableFuture<OpOutcome> delivered = tracker.expect(index, sendNanos);
      stages.add(
          iteration
              .awaitEffect(DELIVERY, deliveryDeadline, d -> deadlines.track(delivered, d, () -> {}))
              .toCompletableFuture());
    }
    CompletableFuture<LoadClient.Answer> write = write(index);
    stages.add(
        write.handle(
            (answer, error) -> {
              if (error == null) {
                long ackNanos = System.nanoTime();
                for (DeliveryTracker tracker : trackers) {
                  tracker.acknowledged(index, ackNanos);
                }
              } else {
                OpOutcome failed = writer.classify(error);
                OpOutcome outcome =
                    new OpOutcome(
                        failed.errorClass(),
                        failed.statusCode(),
                        0,
                        0,
                        0,
                        "write " + index + " failed: " + failed.detail());
                for (DeliveryTracker tracker : trackers) {
                  tracker.writeFailed(index, outcome);
                }
              }
              return null;
            }));
    return CompletableFuture.allOf(stages.toArray(new CompletableFuture<?>[0]));
  }

  private CompletableFuture<LoadClient.Answer> write(long index) {
    BlazeValue title = BlazeValue.string(marker.title(index));
    if (index % 2 == 0) {
      BlazeRecord record =
          BugWorkload.newBug(BugWorkload.DEFAULT_SEED, (int) (POOL + index % 1_000_000)).toBuilder()
              .put(BugFields.TITLE, title)
              .build();
      PreparedRecords prepared = writer.prepare(List.of(record));
      return writer.insert(collection, prepared, callDeadline);
    }
    UUID id = pool[(int) ((index / 2) % pool.length)];
    return writer.update(
        collection, id, BlazeRecord.builder().put(BugFields.TITLE, title).build(), callDeadline);
  }

  /** A change received twice or out of order: one more failed delivery. */
  private void duplicate(String detail) {
    Iteration iteration = latest;
    if (iteration == null) {
      prepareProblems.add(detail);
      return;
    }
    iteration.awaitEffect(
        DELIVERY,
        callDeadline,
        d ->
            CompletableFuture.completedFuture(
                new OpOutcome(ErrorClass.VALIDATION, -1, 0, 0, 0, detail)));
  }

  /** How many deliveries are still awaited, over all subscribers. */
  public int pendingDeliveries() {
    int pending = 0;
    for (DeliveryTracker tracker : trackers) {
      pending += tracker.pendingCount();
    }
    return pending;
  }

  @Override
  public void close() {
    for (AutoCloseable subscription : subscriptions) {
      try {
        subscription.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
    deadlines.close();
  }
}
