package dev.blazebench.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.OperationRole;
import dev.blazebench.binary.OperationType;
import dev.blazebench.server.store.BlazeStoreTest.MutableClock;
import dev.blazebench.server.store.ResyncNeeded.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable change log: what each write appends, sequences, Lamport clock, retention. */
class ChangeLogTest {

  private static final Instant T0 = Instant.parse("2025-11-14T10:30:00.123456Z");
  private static final long T0_MICROS = 1_763_116_200_123_456L;

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private BlazeStore store;

  private BlazeStore open(StoreOptions options) {
    store = BlazeStore.open(dir, options.withClock(clock));
    return store;
  }

  private BlazeStore open() {
    return open(StoreOptions.defaults());
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private static BlazeRecord record(Object... namesAndValues) {
    BlazeRecord.Builder builder = BlazeRecord.builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.put((String) namesAndValues[i], (BlazeValue) namesAndValues[i + 1]);
    }
    return builder.build();
  }

  private static UUID idOf(BlazeRecord record) {
    return ((BlazeValue.UuidValue) record.get("id")).value();
  }

  private List<ChangeEvent> allChanges(String collection) {
    ChangesResult result = store.readChanges(collection, 0, Integer.MAX_VALUE);
    assertThat(result).isInstanceOf(ChangesPage.class);
    return ((ChangesPage) result).events();
  }

  private static List<Long> sequences(List<ChangeEvent> events) {
    return events.stream().map(ChangeEvent::sequence).toList();
  }

  private static List<Long> range(long first, long last) {
    List<Long> range = new ArrayList<>();
    for (long s = first; s <= last; s++) {
      range.add(s);
    }
    return range;
  }

  @Test
  void insertUpdateAndDeleteEachAppendTheServersOperation() {
    open();
    BlazeRecord stored =
        store.insert(
            "bugs", record("title", BlazeValue.string("Login fails"), "priority", integer(2)));
    UUID id = idOf(stored);
    clock.set(T0.plusSeconds(5));
    BlazeRecord updated =
        store.update(
            "bugs",
            id,
            record(
                "status",
                BlazeValue.string("open"),
                "priority",
                BlazeValue.nullValue(),
                "title",
                BlazeValue.string("Login fails")));
    clock.set(T0.plusSeconds(9));
    assertThat(store.delete("bugs", id)).isTrue();
    assertThat(store.delete("bugs", id)).isFalse(); // nothing deleted, nothing logged

    List<ChangeEvent> events = allChanges("bugs");
    assertThat(sequences(events)).containsExactly(1L, 2L, 3L);
    assertThat(store.lastSequence("bugs")).isEqualTo(3);
    assertThat(events)
        .extracting(ChangeEvent::commitTimeMicros)
        .containsExactly(T0_MICROS, T0_MICROS + 5_000_000, T0_MICROS + 9_000_000);

    BlazeOperation insert = events.get(0).operation();
    assertThat(insert.type()).isEqualTo(OperationType.INSERT);
    assertThat(insert.collection()).isEqualTo("bugs");
    assertThat(insert.recordId()).isEqualTo(id);
    assertThat(insert.changes()).isEqualTo(stored);
    assertThat(insert.nodeId()).isEqualTo(store.nodeId());
    assertThat(insert.lamportNodeId()).isEqualTo(store.nodeId());
    assertThat(insert.role()).isEqualTo(OperationRole.SERVER);
    assertThat(insert.dependencies()).isEmpty();
    assertThat(insert.signature()).isNull();
    assertThat(insert.expiresAtUnixSeconds())
        .isEqualTo(T0.plus(StoreOptions.DEFAULT_CHANGE_LOG_RETENTION).toEpochMilli() / 1000.0);

    BlazeOperation update = events.get(1).operation();
    assertThat(update.type()).isEqualTo(OperationType.UPDATE);
    // What changed: the new field, the removed one as null, and the server's updatedAt; the title
    // it repeated unchanged is not a change.
    assertThat(update.changes())
        .isEqualTo(
            record(
                "status",
                BlazeValue.string("open"),
                "priority",
                BlazeValue.nullValue(),
                "updatedAt",
                updated.get("updatedAt")));

    BlazeOperation delete = events.get(2).operation();
    assertThat(delete.type()).isEqualTo(OperationType.DELETE);
    assertThat(delete.recordId()).isEqualTo(id);
    assertThat(delete.changes()).isEqualTo(BlazeRecord.empty());

    assertThat(events).extracting(e -> e.operation().lamportCounter()).containsExactly(1L, 2L, 3L);
    assertThat(events).extracting(e -> e.operation().id()).doesNotHaveDuplicates();
    assertThat(events).extracting(e -> List.of(e.operation().nonce())).doesNotHaveDuplicates();
  }

  @Test
  void anUpdateThatRepeatsEveryFieldStillLogsItsUpdatedAt() {
    open();
    BlazeRecord stored = store.insert("bugs", record("title", BlazeValue.string("x")));
    BlazeRecord updated =
        store.update("bugs", idOf(stored), record("title", BlazeValue.string("x")));
    assertThat(allChanges("bugs").get(1).operation().changes())
        .isEqualTo(record("updatedAt", updated.get("updatedAt")));
  }

  @Test
  void sequencesCountPerCollectionFromOne() {
    open();
    store.insert("bugs", record());
    store.insert("users", record());
    store.insertMany("bugs", List.of(record(), record()));
    assertThat(sequences(allChanges("bugs"))).containsExactly(1L, 2L, 3L);
    assertThat(sequences(allChanges("users"))).containsExactly(1L);
    assertThat(store.lastSequence("never-written")).isZero();
    // The Lamport clock is the server's, shared by all collections.
    assertThat(allChanges("users").get(0).operation().lamportCounter()).isEqualTo(2);
  }

  @Test
  void aFailedWriteAppendsNothingAndGivesItsSequencesBack() {
    open();
    BlazeRecord first = store.insert("bugs", record());
    UUID taken = idOf(first);
    assertThatThrownBy(
            () ->
                store.insertMany(
                    "bugs", List.of(record(), record(), record("id", BlazeValue.uuid(taken)))))
        .isInstanceOf(DuplicateRecordException.class);
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                store.write(
                    tx -> {
                      tx.insert("bugs", UUID.randomUUID(), record());
                      tx.observeLamport(1_000);
                      tx.insert("other", UUID.randomUUID(), record());
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThatThrownBy(() -> store.update("bugs", UUID.randomUUID(), record()))
        .isInstanceOf(RecordNotFoundException.class);
    assertThat(store.lastSequence("bugs")).isEqualTo(1);
    assertThat(store.lastSequence("other")).isZero();
    assertThat(store.readChanges("other", 0, 10)).isEqualTo(new ChangesPage(0, List.of(), 0));

    store.insert("bugs", record());
    List<ChangeEvent> events = allChanges("bugs");
    assertThat(sequences(events)).containsExactly(1L, 2L);
    assertThat(events.get(1).operation().lamportCounter()).isEqualTo(2); // the 1,000 was undone
  }

  @Test
  void sequencesStayGapFreeUnderConcurrentWritersWithFailures() throws Exception {
    open();
    int threads = 6;
    int perThread = 150;
    UUID shared = idOf(store.insert("bugs", record()));
    AtomicInteger succeeded = new AtomicInteger(1);
    List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    Set<UUID> inserted = Collections.synchronizedSet(new HashSet<>(List.of(shared)));
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      writers.add(
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < perThread; i++) {
                    switch (i % 3) {
                      case 0 -> {
                        inserted.add(idOf(store.insert("bugs", record("i", integer(i)))));
                        succeeded.incrementAndGet();
                      }
                      case 1 -> {
                        try {
                          store.insert("bugs", record("id", BlazeValue.uuid(shared)));
                          unexpected.add(new AssertionError("duplicate accepted"));
                        } catch (DuplicateRecordException expected) {
                          // fails inside a group that others commit in
                        }
                      }
                      default -> {
                        store.update("bugs", shared, record("i", integer(i)));
                        succeeded.incrementAndGet();
                      }
                    }
                  }
                } catch (Throwable e) {
                  unexpected.add(e);
                }
              }));
    }
    writers.forEach(Thread::start);
    for (Thread writer : writers) {
      writer.join();
    }
    assertThat(unexpected).isEmpty();

    List<ChangeEvent> events = allChanges("bugs");
    assertThat(sequences(events)).isEqualTo(range(1, succeeded.get()));
    assertThat(store.lastSequence("bugs")).isEqualTo(succeeded.get());
    assertThat(
            events.stream()
                .filter(e -> e.operation().type() == OperationType.INSERT)
                .map(e -> e.operation().recordId())
                .toList())
        .containsExactlyInAnyOrderElementsOf(inserted);
    // Commit order is Lamport order on one server.
    List<Long> counters = events.stream().map(e -> e.operation().lamportCounter()).toList();
    assertThat(counters).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void nodeIdLamportCounterAndSequencesSurviveReopen() {
    open();
    UUID nodeId = store.nodeId();
    store.insertMany("bugs", List.of(record(), record(), record()));
    store.write(
        tx -> {
          tx.observeLamport(41);
          return null;
        });
    store.close();

    open();
    assertThat(store.nodeId()).isEqualTo(nodeId);
    assertThat(store.lastSequence("bugs")).isEqualTo(3);
    store.insert("bugs", record());
    List<ChangeEvent> events = allChanges("bugs");
    assertThat(sequences(events)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(events.get(3).operation().lamportCounter()).isEqualTo(42);
    assertThat(events.get(3).operation().nodeId()).isEqualTo(nodeId);
  }

  @Test
  void twoStoresHaveDifferentNodeIds(@TempDir Path otherDir) {
    open();
    try (BlazeStore other = BlazeStore.open(otherDir)) {
      assertThat(other.nodeId()).isNotEqualTo(store.nodeId());
    }
  }

  @Test
  void theLogCommitsWithTheDataWhenTheProcessStopsAbruptly() {
    open();
    store.insertMany("bugs", List.of(record(), record()));
    store.insert("bugs", record());
    store.closeAbruptlyForTesting();
    store = BlazeStore.open(dir, StoreOptions.defaults().withClock(clock));
    assertThat(sequences(allChanges("bugs"))).containsExactly(1L, 2L, 3L);
    store.insert("bugs", record());
    assertThat(store.lastSequence("bugs")).isEqualTo(4);
  }

  @Test
  void retentionByCountTrimsTheOldestAndAnExpiredSequenceNeedsAResync() {
    open(StoreOptions.defaults().withChangeLogRetention(5, Duration.ofDays(1)));
    for (int i = 0; i < 12; i++) {
      store.insert("bugs", record("i", integer(i)));
    }
    assertThat(store.readChanges("bugs", 0, 100))
        .isEqualTo(new ResyncNeeded(0, 8, 12, Reason.EXPIRED));
    assertThat(store.readChanges("bugs", 6, 100))
        .isEqualTo(new ResyncNeeded(6, 8, 12, Reason.EXPIRED));
    ChangesPage page = (ChangesPage) store.readChanges("bugs", 7, 100);
    assertThat(sequences(page.events())).containsExactly(8L, 9L, 10L, 11L, 12L);
    assertThat(page.hasMore()).isFalse();
    assertThat(page.nextAfterSequence()).isEqualTo(12);
    ResyncNeeded resync = (ResyncNeeded) store.readChanges("bugs", 0, 100);
    assertThat(resync.describe())
        .isEqualTo(
            "changes after sequence 0 are no longer kept (oldest kept: 8, last: 12);"
                + " read the collection again and follow from 12");
  }

  @Test
  void retentionByAgeTrimsWhatIsOlderEvenInCollectionsNotWrittenSince() {
    open(StoreOptions.defaults().withChangeLogRetention(1_000, Duration.ofHours(1)));
    store.insert("bugs", record());
    store.insert("bugs", record());
    clock.set(T0.plus(Duration.ofMinutes(30)));
    store.insert("bugs", record());
    clock.set(T0.plus(Duration.ofMinutes(61)));
    store.insert("users", record()); // a commit anywhere trims everywhere
    assertThat(store.readChanges("bugs", 0, 100))
        .isEqualTo(new ResyncNeeded(0, 3, 3, Reason.EXPIRED));
    assertThat(sequences(((ChangesPage) store.readChanges("bugs", 2, 100)).events()))
        .containsExactly(3L);

    clock.set(T0.plus(Duration.ofMinutes(200)));
    store.insert("users", record());
    // Every entry of "bugs" is gone; its sequence is not.
    assertThat(store.readChanges("bugs", 2, 100))
        .isEqualTo(new ResyncNeeded(2, 4, 3, Reason.EXPIRED));
    assertThat(store.readChanges("bugs", 3, 100)).isEqualTo(new ChangesPage(3, List.of(), 3));
    store.close();

    open(StoreOptions.defaults().withChangeLogRetention(1_000, Duration.ofHours(1)));
    assertThat(store.lastSequence("bugs")).isEqualTo(3);
    store.insert("bugs", record());
    assertThat(sequences(((ChangesPage) store.readChanges("bugs", 3, 100)).events()))
        .containsExactly(4L);
  }

  @Test
  void askingAfterASequenceTheLogNeverReachedIsAheadOfTheLog() {
    open();
    store.insert("bugs", record());
    assertThat(store.readChanges("bugs", 5, 10))
        .isEqualTo(new ResyncNeeded(5, 1, 1, Reason.AHEAD_OF_LOG));
    assertThat(store.readChanges("unknown", 1, 10))
        .isEqualTo(new ResyncNeeded(1, 1, 0, Reason.AHEAD_OF_LOG));
    assertThat(store.readChanges("unknown", 0, 10)).isEqualTo(new ChangesPage(0, List.of(), 0));
  }

  @Test
  void readChangesPagesByCountAndBytesAndAlwaysReturnsAtLeastOne() {
    open();
    for (int i = 0; i < 10; i++) {
      store.insert("bugs", record("i", integer(i)));
    }
    ChangesPage first = (ChangesPage) store.readChanges("bugs", 0, 3);
    assertThat(sequences(first.events())).containsExactly(1L, 2L, 3L);
    assertThat(first.hasMore()).isTrue();
    assertThat(first.lastSequence()).isEqualTo(10);
    ChangesPage oneByBytes = (ChangesPage) store.readChanges("bugs", 3, 100, 1);
    assertThat(sequences(oneByBytes.events())).containsExactly(4L);
    int size = oneByBytes.events().get(0).operationSizeBytes();
    ChangesPage twoByBytes = (ChangesPage) store.readChanges("bugs", 3, 100, 2L * size + 20);
    assertThat(twoByBytes.events()).hasSizeBetween(2, 3);
    ChangesPage none = (ChangesPage) store.readChanges("bugs", 10, 5);
    assertThat(none.events()).isEmpty();
    assertThat(none.nextAfterSequence()).isEqualTo(10);
  }

  @Test
  void readChangesRefusesBadArguments() {
    open();
    assertThatThrownBy(() -> store.readChanges("bugs", -1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("afterSequence");
    assertThatThrownBy(() -> store.readChanges("bugs", 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxCount");
    assertThatThrownBy(() -> store.readChanges("bugs", 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBytes");
    assertThatThrownBy(() -> store.readChanges("bad\u0000name", 0, 1))
        .isInstanceOf(InvalidCollectionNameException.class);
    assertThatThrownBy(() -> store.lastSequence(""))
        .isInstanceOf(InvalidCollectionNameException.class);
    assertThatThrownBy(() -> StoreOptions.defaults().withChangeLogRetention(0, Duration.ofHours(1)))
        .hasMessageContaining("changeLogMaxOperations");
    assertThatThrownBy(() -> StoreOptions.defaults().withChangeLogRetention(1, Duration.ZERO))
        .hasMessageContaining("changeLogRetention");
  }

  @Test
  void listenersHearOfEachCommitWithTheEventsTheLogHolds() {
    open();
    List<List<ChangeEvent>> heard = new CopyOnWriteArrayList<>();
    AtomicInteger closings = new AtomicInteger();
    ChangeListener listener =
        new ChangeListener() {
          @Override
          public void onCommitted(List<ChangeEvent> events) {
            // Durable and visible before the listener hears of it.
            assertThat(store.lastSequence(events.get(0).collection()))
                .isGreaterThanOrEqualTo(events.get(events.size() - 1).sequence());
            heard.add(events);
          }

          @Override
          public void onStoreClosed() {
            closings.incrementAndGet();
          }
        };
    store.addChangeListener(listener);
    store.insertMany("bugs", List.of(record(), record(), record()));
    store.insert("users", record());
    assertThat(heard).hasSize(2);
    assertThat(heard.get(0)).isEqualTo(allChanges("bugs"));
    assertThat(heard.get(1)).isEqualTo(allChanges("users"));
    assertThat(heard.get(0).get(0).operation())
        .isSameAs(heard.get(0).get(0).operation()); // decoded once

    store.removeChangeListener(listener);
    store.insert("bugs", record());
    assertThat(heard).hasSize(2);
    store.addChangeListener(listener);
    store.close();
    assertThat(closings).hasValue(1);
  }

  @Test
  void aFailingListenerDoesNotFailTheWrite() {
    open();
    store.addChangeListener(
        events -> {
          throw new IllegalStateException("listener bug");
        });
    store.insert("bugs", record());
    assertThat(store.lastSequence("bugs")).isEqualTo(1);
  }

  @Test
  void encodeOperationsWritesABlazeSequenceOfTheStoredBytes() {
    open();
    store.insertMany("bugs", List.of(record("a", integer(1)), record("b", integer(2))));
    List<ChangeEvent> events = allChanges("bugs");
    byte[] sequence = ChangeEvent.encodeOperations(events);
    assertThat(BlazeSequences.decodeOperations(sequence))
        .containsExactly(events.get(0).operation(), events.get(1).operation());
    assertThat(BlazeSequences.decodeOperations(ChangeEvent.encodeOperations(List.of()))).isEmpty();
  }

  private static BlazeValue integer(long value) {
    return BlazeValue.integer(value);
  }
}
