package dev.blazebench.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.server.feed.SubscriptionEnd.Failed;
import dev.blazebench.server.feed.SubscriptionEnd.FeedClosed;
import dev.blazebench.server.feed.SubscriptionEnd.ResyncRequired;
import dev.blazebench.server.feed.SubscriptionEnd.SubscriberTooSlow;
import dev.blazebench.server.store.BlazeStore;
import dev.blazebench.server.store.ChangeEvent;
import dev.blazebench.server.store.ChangesPage;
import dev.blazebench.server.store.InvalidCollectionNameException;
import dev.blazebench.server.store.ResyncNeeded;
import dev.blazebench.server.store.StoreClosedException;
import dev.blazebench.server.store.StoreOptions;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeFeedTest {

  @TempDir Path dir;

  private BlazeStore store;
  private ChangeFeed feed;

  private void open(StoreOptions storeOptions, FeedOptions feedOptions) {
    store = BlazeStore.open(dir, storeOptions);
    feed = ChangeFeed.attach(store, feedOptions);
  }

  private void open() {
    open(StoreOptions.defaults(), FeedOptions.defaults());
  }

  @AfterEach
  void close() {
    if (feed != null) {
      feed.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private void write(String collection, int count) {
    for (int i = 0; i < count; i++) {
      store.insert(collection, BlazeRecord.builder().put("i", BlazeValue.integer(i)).build());
    }
  }

  private static List<Long> range(long first, long last) {
    List<Long> range = new ArrayList<>();
    for (long s = first; s <= last; s++) {
      range.add(s);
    }
    return range;
  }

  @Test
  void subscribingFromZeroReplaysTheLogThenFollowsLiveChanges() throws Exception {
    open();
    write("bugs", 5);
    RecordingSubscriber subscriber = new RecordingSubscriber();
    Subscription subscription = feed.subscribe("bugs", 0, subscriber);
    subscriber.awaitSequence(5);
    write("bugs", 5);
    subscriber.awaitSequence(10);
    assertThat(subscriber.sequences()).isEqualTo(range(1, 10));
    assertThat(subscriber.events())
        .isEqualTo(((ChangesPage) store.readChanges("bugs", 0, 100)).events());
    assertThat(subscription.isActive()).isTrue();
    assertThat(subscriber.ended()).isFalse();
  }

  @Test
  void subscribingFromTheMiddleStartsRightAfterIt() throws Exception {
    open();
    write("bugs", 8);
    RecordingSubscriber subscriber = new RecordingSubscriber();
    feed.subscribe("bugs", 3, subscriber);
    subscriber.awaitSequence(8);
    write("bugs", 2);
    subscriber.awaitSequence(10);
    assertThat(subscriber.sequences()).isEqualTo(range(4, 10));
  }

  @Test
  void subscribingFromTheLatestGetsOnlyNewChanges() throws Exception {
    open();
    write("bugs", 4);
    RecordingSubscriber latest = new RecordingSubscriber();
    RecordingSubscriber atLast = new RecordingSubscriber();
    feed.subscribeFromLatest("bugs", latest);
    feed.subscribe("bugs", store.lastSequence("bugs"), atLast);
    write("bugs", 3);
    latest.awaitSequence(7);
    atLast.awaitSequence(7);
    assertThat(latest.sequences()).containsExactly(5L, 6L, 7L);
    assertThat(atLast.sequences()).containsExactly(5L, 6L, 7L);
  }

  @Test
  void aCollectionWithNoChangesYetCanBeFollowedFromZero() throws Exception {
    open();
    RecordingSubscriber subscriber = new RecordingSubscriber();
    feed.subscribe("new", 0, subscriber);
    write("new", 2);
    write("other", 2);
    subscriber.awaitSequence(2);
    assertThat(subscriber.sequences()).containsExactly(1L, 2L);
    assertThat(subscriber.events()).allMatch(e -> e.collection().equals("new"));
  }

  @Test
  void theHandoverFromLogToLiveUnderConcurrentWritesDeliversEverySequenceOnceInOrder()
      throws Exception {
    // Small pages so that catching up takes several reads while the writers keep committing.
    open(StoreOptions.defaults(), FeedOptions.defaults().withMaxBatchEvents(7));
    Random random = new Random(42);
    int iterations = 40;
    for (int iteration = 0; iteration < iterations; iteration++) {
      String collection = "race" + iteration;
      int writesPerThread = 60;
      int threads = 2;
      CountDownLatch started = new CountDownLatch(threads);
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        writers.add(
            new Thread(
                () -> {
                  try {
                    started.countDown();
                    write(collection, writesPerThread);
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                }));
      }
      writers.forEach(Thread::start);
      assertThat(started.await(RecordingSubscriber.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      // Subscribe mid-stream: from the start, or from wherever the log is now.
      long after = random.nextBoolean() ? 0 : store.lastSequence(collection);
      RecordingSubscriber subscriber = new RecordingSubscriber();
      Subscription subscription = feed.subscribe(collection, after, subscriber);
      for (Thread writer : writers) {
        writer.join();
      }
      assertThat(failures).isEmpty();
      long total = (long) threads * writesPerThread;
      assertThat(store.lastSequence(collection)).isEqualTo(total);
      subscriber.awaitSequence(total);
      assertThat(subscriber.sequences())
          .as("iteration %d, subscribed after %d", iteration, after)
          .isEqualTo(range(after + 1, total));
      assertThat(subscriber.batchSizes()).allMatch(size -> size >= 1 && size <= 7);
      subscription.cancel();
    }
    assertThat(feed.subscriberCount()).isZero();
    // Not even a gap that the log filled in afterwards: the switch itself left none.
    assertThat(feed.gapsRecovered()).isZero();
  }

  @Test
  void aCancelledSubscriberResumesFromItsLastSequenceWithoutLossOrDuplicates() throws Exception {
    open();
    write("bugs", 5);
    RecordingSubscriber first = new RecordingSubscriber();
    Subscription subscription = feed.subscribe("bugs", 0, first);
    first.awaitSequence(5);
    subscription.cancel();
    subscription.cancel(); // idempotent
    assertThat(subscription.isActive()).isFalse();
    // The client resumes from what it received; the feed's count is at most that (a call that was
    // still returning when cancel came is not counted).
    long resumeAfter = first.lastSequence();
    assertThat(subscription.lastDeliveredSequence()).isLessThanOrEqualTo(resumeAfter);
    write("bugs", 5); // while it is away
    assertThat(first.sequences()).isEqualTo(range(1, 5));

    RecordingSubscriber second = new RecordingSubscriber();
    feed.subscribe("bugs", resumeAfter, second);
    write("bugs", 3);
    second.awaitSequence(13);
    List<Long> all = new ArrayList<>(first.sequences());
    all.addAll(second.sequences());
    assertThat(all).isEqualTo(range(1, 13));
    assertThat(first.ended()).as("cancel gives no onEnd").isFalse();
  }

  @Test
  void aSubscriberResumesAcrossAServerRestartWithoutLossOrDuplicates() throws Exception {
    open();
    write("bugs", 6);
    RecordingSubscriber before = new RecordingSubscriber();
    feed.subscribe("bugs", 0, before);
    before.awaitSequence(6);

    store.close(); // the server stops: subscribers are told where to resume
    SubscriptionEnd end = before.awaitEnd();
    assertThat(end).isInstanceOf(FeedClosed.class);
    assertThat(end.canResume()).isTrue();
    assertThat(end.lastDeliveredSequence()).isEqualTo(6);
    assertThat(feed.subscriberCount()).isZero();
    assertThatThrownBy(() -> feed.subscribe("bugs", 0, new RecordingSubscriber()))
        .isInstanceOf(StoreClosedException.class);
    feed.close();

    open(); // the server starts again, and takes writes before the client is back
    write("bugs", 4);
    RecordingSubscriber after = new RecordingSubscriber();
    feed.subscribe("bugs", end.lastDeliveredSequence(), after);
    write("bugs", 2);
    after.awaitSequence(12);
    List<Long> all = new ArrayList<>(before.sequences());
    all.addAll(after.sequences());
    assertThat(all).isEqualTo(range(1, 12));
  }

  @Test
  void aSubscriberThatNeverReadsIsEndedAtItsBoundWhileAHealthyOneGetsEverything() throws Exception {
    int bound = 50;
    open(StoreOptions.defaults(), FeedOptions.defaults().withMaxQueuedEvents(bound));
    RecordingSubscriber stuck = new RecordingSubscriber();
    stuck.setReady(false); // takes one batch, then says it can take no more, for ever
    RecordingSubscriber healthy = new RecordingSubscriber();
    Subscription stuckSubscription = feed.subscribeFromLatest("bugs", stuck);
    feed.subscribeFromLatest("bugs", healthy);

    int writes = 400;
    int maxQueuedSeen = 0;
    for (int i = 1; i <= writes; i++) {
      write("bugs", 1);
      maxQueuedSeen = Math.max(maxQueuedSeen, stuckSubscription.queuedEvents());
      // Two subscribers, each held to the bound: the feed's memory is bounded whatever the writes.
      assertThat(feed.queuedEvents()).isLessThanOrEqualTo(2L * bound);
      // The healthy one has every change before the next write, stuck neighbour or not. (Waiting
      // here also keeps it within the bound on a loaded machine, so the test cannot flake.)
      healthy.awaitSequence(i);
    }
    SubscriptionEnd end = stuck.awaitEnd();
    assertThat(end).isInstanceOf(SubscriberTooSlow.class);
    assertThat(((SubscriberTooSlow) end).queuedEvents()).isEqualTo(bound);
    assertThat(end.lastDeliveredSequence()).isEqualTo(stuck.lastSequence());
    assertThat(end.message()).contains("resume after sequence " + stuck.lastSequence());
    assertThat(maxQueuedSeen).isLessThanOrEqualTo(bound);
    assertThat(stuckSubscription.queuedEvents()).isZero();
    assertThat(stuckSubscription.isActive()).isFalse();
    assertThat(feed.subscriberCount("bugs")).isEqualTo(1);

    healthy.awaitSequence(writes);
    assertThat(healthy.sequences()).isEqualTo(range(1, writes));

    // It resumes where it was cut off, and gets the rest from the log.
    RecordingSubscriber resumed = new RecordingSubscriber();
    feed.subscribe("bugs", end.lastDeliveredSequence(), resumed);
    resumed.awaitSequence(writes);
    List<Long> all = new ArrayList<>(stuck.sequences());
    all.addAll(resumed.sequences());
    assertThat(all).isEqualTo(range(1, writes));
  }

  @Test
  void aSubscriberBlockedInsideOnChangesStopsNeitherWritesNorOthers() throws Exception {
    int bound = 20;
    open(
        StoreOptions.defaults(),
        FeedOptions.defaults().withMaxQueuedEvents(bound).withDeliveryThreads(2));
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingSubscriber blocking =
        new RecordingSubscriber() {
          @Override
          public boolean onChanges(List<ChangeEvent> batch) {
            super.onChanges(batch);
            blocked.countDown();
            try {
              release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return true;
          }
        };
    RecordingSubscriber healthy = new RecordingSubscriber();
    feed.subscribeFromLatest("bugs", blocking);
    feed.subscribeFromLatest("bugs", healthy);
    write("bugs", 1);
    assertThat(blocked.await(RecordingSubscriber.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

    for (int i = 2; i <= 201; i++) {
      write("bugs", 1); // returns: the committer never waits for the blocked subscriber
      healthy.awaitSequence(i); // and the healthy one, on the other thread, gets it
    }
    assertThat(healthy.sequences()).isEqualTo(range(1, 201));
    assertThat(blocking.ended()).isFalse(); // its end waits for its running call to return
    assertThat(feed.subscriberCount("bugs")).isEqualTo(1); // but it is already gone

    release.countDown();
    SubscriptionEnd end = blocking.awaitEnd();
    assertThat(end).isInstanceOf(SubscriberTooSlow.class);
    assertThat(end.lastDeliveredSequence()).isEqualTo(1);
    assertThat(blocking.sequences()).containsExactly(1L);
  }

  @Test
  void aPausedSubscriberGetsNothingUntilResumedThenEverythingInOrder() throws Exception {
    open();
    RecordingSubscriber subscriber = new RecordingSubscriber();
    subscriber.setReady(false);
    Subscription subscription = feed.subscribeFromLatest("bugs", subscriber);
    write("bugs", 1);
    subscriber.awaitBatches(1);
    // Writes return only after the feed has queued their changes, so nothing can be in flight.
    write("bugs", 30);
    assertThat(subscriber.batchSizes()).hasSize(1);
    assertThat(subscription.queuedEvents()).isEqualTo(30);

    subscription.resume(); // one batch per resume while it says it is not ready
    subscriber.awaitBatches(2);
    assertThat(subscriber.sequences()).isEqualTo(range(1, 31));
    subscriber.setReady(true);
    write("bugs", 1);
    subscription.resume();
    subscriber.awaitSequence(32);
    write("bugs", 5);
    subscriber.awaitSequence(37);
    assertThat(subscriber.sequences()).isEqualTo(range(1, 37));
  }

  @Test
  void batchesHoldWhatIsReadyUpToTheLimits() throws Exception {
    open(StoreOptions.defaults(), FeedOptions.defaults().withMaxBatchEvents(4));
    write("bugs", 10);
    RecordingSubscriber subscriber = new RecordingSubscriber();
    feed.subscribe("bugs", 0, subscriber);
    subscriber.awaitSequence(10);
    assertThat(subscriber.batchSizes()).containsExactly(4, 4, 2);

    store.insertMany("bugs", nRecords(9)); // one commit, nine changes ready at once
    subscriber.awaitSequence(19);
    assertThat(subscriber.batchSizes()).containsExactly(4, 4, 2, 4, 4, 1);
  }

  @Test
  void anExpiredSequenceEndsTheSubscriptionWithResyncRequired() throws Exception {
    open(
        StoreOptions.defaults().withChangeLogRetention(5, Duration.ofDays(1)),
        FeedOptions.defaults());
    write("bugs", 10);
    RecordingSubscriber subscriber = new RecordingSubscriber();
    feed.subscribe("bugs", 2, subscriber);
    SubscriptionEnd end = subscriber.awaitEnd();
    assertThat(end)
        .isEqualTo(new ResyncRequired(2, new ResyncNeeded(2, 6, 10, ResyncNeeded.Reason.EXPIRED)));
    assertThat(end.canResume()).isFalse();
    assertThat(subscriber.events()).isEmpty();
    assertThat(feed.subscriberCount()).isZero();

    RecordingSubscriber ahead = new RecordingSubscriber();
    feed.subscribe("bugs", 99, ahead);
    assertThat(((ResyncRequired) ahead.awaitEnd()).resync().reason())
        .isEqualTo(ResyncNeeded.Reason.AHEAD_OF_LOG);
  }

  @Test
  void aSubscriberThatThrowsIsEndedWithFailedAtTheLastBatchItTook() throws Exception {
    open();
    write("bugs", 3);
    AtomicInteger calls = new AtomicInteger();
    RecordingSubscriber subscriber =
        new RecordingSubscriber() {
          @Override
          public boolean onChanges(List<ChangeEvent> batch) {
            if (calls.incrementAndGet() == 2) {
              throw new IllegalStateException("sink broke");
            }
            return super.onChanges(batch);
          }
        };
    feed.subscribeFromLatest("bugs", subscriber);
    write("bugs", 1);
    subscriber.awaitSequence(4);
    write("bugs", 1);
    SubscriptionEnd end = subscriber.awaitEnd();
    assertThat(end).isInstanceOf(Failed.class);
    assertThat(((Failed) end).cause()).hasMessage("sink broke");
    assertThat(end.lastDeliveredSequence()).isEqualTo(4);
    assertThat(feed.subscriberCount()).isZero();
  }

  @Test
  void cancellingLeavesNothingInTheFeed() throws Exception {
    open();
    write("bugs", 3);
    List<Subscription> subscriptions = new ArrayList<>();
    List<RecordingSubscriber> subscribers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      RecordingSubscriber subscriber = new RecordingSubscriber();
      subscriber.setReady(i % 2 == 0); // half of them paused with changes queued
      subscribers.add(subscriber);
      subscriptions.add(feed.subscribe(i < 5 ? "bugs" : "users", 0, subscriber));
    }
    write("users", 2);
    for (RecordingSubscriber subscriber : subscribers) {
      subscriber.awaitSequence(1);
    }
    write("bugs", 5);
    write("users", 5);
    assertThat(feed.subscriberCount()).isEqualTo(10);
    assertThat(feed.collectionsHeld()).isEqualTo(2);
    assertThat(feed.queuedEvents()).isPositive(); // the paused ones hold changes

    subscriptions.forEach(Subscription::cancel);
    assertThat(feed.subscriberCount()).isZero();
    assertThat(feed.collectionsHeld()).isZero();
    assertThat(feed.queuedEvents()).isZero();
    long lastBugBeforeCancel = store.lastSequence("bugs");
    long lastUserBeforeCancel = store.lastSequence("users");
    write("bugs", 3);
    write("users", 3);
    // Nothing written after the cancel reaches anyone (a call already running may still finish).
    for (int i = 0; i < 10; i++) {
      assertThat(subscribers.get(i).lastSequence())
          .isLessThanOrEqualTo(i < 5 ? lastBugBeforeCancel : lastUserBeforeCancel);
    }
  }

  @Test
  void aCancelledSubscriberCanBeCollected() throws Exception {
    open();
    ReferenceQueue<RecordingSubscriber> collected = new ReferenceQueue<>();
    WeakReference<RecordingSubscriber> reference = subscribeAndCancel(collected);
    write("bugs", 5); // publishing after the cancel must not bring it back
    boolean gone = false;
    for (int attempt = 0; attempt < 20 && !gone; attempt++) {
      System.gc();
      gone = collected.remove(250) != null;
    }
    assertThat(gone).as("the feed let go of the subscriber").isTrue();
    assertThat(reference.get()).isNull();
  }

  private WeakReference<RecordingSubscriber> subscribeAndCancel(
      ReferenceQueue<RecordingSubscriber> queue) throws Exception {
    RecordingSubscriber subscriber = new RecordingSubscriber();
    Subscription subscription = feed.subscribeFromLatest("bugs", subscriber);
    write("bugs", 2);
    subscriber.awaitSequence(2);
    subscription.cancel();
    return new WeakReference<>(subscriber, queue);
  }

  @Test
  void closingTheFeedEndsEverySubscriptionAndRefusesNewOnes() throws Exception {
    open();
    write("bugs", 2);
    RecordingSubscriber subscriber = new RecordingSubscriber();
    feed.subscribe("bugs", 0, subscriber);
    subscriber.awaitSequence(2);
    feed.close();
    assertThat(subscriber.awaitEnd()).isEqualTo(new FeedClosed(2));
    assertThatThrownBy(() -> feed.subscribe("bugs", 0, new RecordingSubscriber()))
        .isInstanceOf(StoreClosedException.class)
        .hasMessageContaining("feed is closed");
    write("bugs", 1); // the store is unaffected
    assertThat(store.lastSequence("bugs")).isEqualTo(3);
  }

  @Test
  void subscribeRefusesBadArguments() {
    open();
    RecordingSubscriber subscriber = new RecordingSubscriber();
    assertThatThrownBy(() -> feed.subscribe("bugs", -1, subscriber))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("afterSequence");
    assertThatThrownBy(() -> feed.subscribe("bad\nname", 0, subscriber))
        .isInstanceOf(InvalidCollectionNameException.class);
    assertThatThrownBy(() -> feed.subscribe("bugs", 0, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FeedOptions.defaults().withMaxQueuedEvents(0))
        .hasMessageContaining("maxQueuedEvents");
    assertThat(feed.subscriberCount()).isZero();
  }

  private static List<BlazeRecord> nRecords(int n) {
    List<BlazeRecord> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(BlazeRecord.builder().put("i", BlazeValue.integer(i)).build());
    }
    return records;
  }
}
