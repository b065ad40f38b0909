package dev.blazebench.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlazeStoreTest {

  private static final Instant T0 = Instant.parse("2025-11-14T10:30:00.123Z");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private BlazeStore store;

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void open() {
    store = BlazeStore.open(dir, StoreOptions.defaults().withClock(clock));
  }

  @AfterEach
  void close() {
    store.close();
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

  /** The date the store writes for {@code instant}: whole milliseconds since 2001, in seconds. */
  private static BlazeValue dateMillis(Instant instant) {
    return BlazeValue.dateSinceReferenceDate((instant.toEpochMilli() - 978_307_200_000L) / 1000.0);
  }

  private static BlazeValue string(String s) {
    return BlazeValue.string(s);
  }

  @Test
  void insertSetsARandomIdAndCreatedAtFromTheClock() {
    BlazeRecord stored = store.insert("bugs", record("title", string("Login fails")));
    assertThat(stored.get("id")).isInstanceOf(BlazeValue.UuidValue.class);
    assertThat(stored.get("createdAt")).isEqualTo(dateMillis(T0));
    assertThat(stored.get("title")).isEqualTo(string("Login fails"));
    assertThat(stored.contains("updatedAt")).isFalse();
    assertThat(store.fetch("bugs", idOf(stored))).contains(stored);
    BlazeRecord other = store.insert("bugs", record("title", string("Other")));
    assertThat(idOf(other)).isNotEqualTo(idOf(stored));
  }

  @Test
  void createdAtHasMillisecondPrecision() {
    Instant withNanos = Instant.parse("2025-11-14T10:30:00.123456789Z");
    clock.set(withNanos);
    BlazeRecord stored = store.insert("bugs", record());
    assertThat(stored.get("createdAt"))
        .isEqualTo(dateMillis(Instant.parse("2025-11-14T10:30:00.123Z")))
        .isNotEqualTo(BlazeValue.date(withNanos));
    // A double of seconds since 2001 holds a millisecond to well under a microsecond.
    BlazeValue.DateValue createdAt = (BlazeValue.DateValue) stored.get("createdAt");
    assertThat(createdAt.toInstant().toEpochMilli()).isEqualTo(withNanos.toEpochMilli());
  }

  @Test
  void insertKeepsAClientUuidAndReadsItsText() {
    UUID given = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
    BlazeRecord stored = store.insert("bugs", record("id", BlazeValue.uuid(given)));
    assertThat(idOf(stored)).isEqualTo(given);
    UUID text = UUID.fromString("00000000-0000-0000-0000-000000000001");
    BlazeRecord fromText = store.insert("bugs", record("id", string(text.toString())));
    assertThat(fromText.get("id")).isEqualTo(BlazeValue.uuid(text));
    assertThat(store.fetch("bugs", text)).contains(fromText);
  }

  @Test
  void insertKeepsAClientCreatedAtDate() {
    BlazeValue created = BlazeValue.date(Instant.parse("2020-01-01T00:00:00Z"));
    BlazeRecord stored = store.insert("bugs", record("createdAt", created));
    assertThat(stored.get("createdAt")).isEqualTo(created);
  }

  @Test
  void insertRefusesAnIdOrCreatedAtOfTheWrongType() {
    assertThatThrownBy(() -> store.insert("bugs", record("id", BlazeValue.integer(7))))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("\"id\"")
        .hasMessageContaining("int");
    assertThatThrownBy(() -> store.insert("bugs", record("id", string("not-a-uuid"))))
        .isInstanceOf(InvalidRecordException.class);
    assertThatThrownBy(() -> store.insert("bugs", record("createdAt", string("yesterday"))))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("createdAt")
        .hasMessageContaining("must be a date");
    assertThat(store.count("bugs")).isZero();
  }

  @Test
  void insertRefusesAnIdThatIsTaken() {
    BlazeRecord first = store.insert("bugs", record("title", string("first")));
    assertThatThrownBy(
            () -> store.insert("bugs", record("id", first.get("id"), "title", string("second"))))
        .isInstanceOf(DuplicateRecordException.class)
        .hasMessageContaining(idOf(first).toString());
    assertThat(store.fetch("bugs", idOf(first)).orElseThrow().get("title"))
        .isEqualTo(string("first"));
  }

  @Test
  void theSameIdInTwoCollectionsIsTwoRecords() {
    UUID id = UUID.randomUUID();
    store.insert("bugs", record("id", BlazeValue.uuid(id), "kind", string("bug")));
    store.insert("users", record("id", BlazeValue.uuid(id), "kind", string("user")));
    assertThat(store.fetch("bugs", id).orElseThrow().get("kind")).isEqualTo(string("bug"));
    assertThat(store.fetch("users", id).orElseThrow().get("kind")).isEqualTo(string("user"));
    assertThat(store.collections()).containsExactly("bugs", "users");
  }

  @Test
  void updateMergesRemovesNullFieldsAndSetsUpdatedAt() {
    BlazeRecord stored =
        store.insert(
            "bugs", record("title", string("t"), "status", string("open"), "tags", string("auth")));
    UUID id = idOf(stored);
    Instant later = T0.plusSeconds(60);
    clock.set(later);
    BlazeRecord updated =
        store.update(
            "bugs",
            id,
            record(
                "status", string("closed"), "tags", BlazeValue.nullValue(), "owner", string("mo")));
    BlazeRecord expected =
        record(
            "id", stored.get("id"),
            "createdAt", stored.get("createdAt"),
            "updatedAt", dateMillis(later),
            "title", string("t"),
            "status", string("closed"),
            "owner", string("mo"));
    assertThat(updated).isEqualTo(expected);
    assertThat(store.fetch("bugs", id)).contains(expected);
  }

  @Test
  void updateReplacesACanonicallyEquivalentFieldName() {
    BlazeRecord stored = store.insert("bugs", record("caf\u00e9", string("old")));
    BlazeRecord updated = store.update("bugs", idOf(stored), record("cafe\u0301", string("new")));
    assertThat(updated.get("caf\u00e9")).isEqualTo(string("new"));
    assertThat(updated.size()).isEqualTo(4); // id, createdAt, updatedAt, the one field
  }

  @Test
  void updateMayRepeatIdAndCreatedAtButNotChangeThem() {
    BlazeRecord stored = store.insert("bugs", record("title", string("t")));
    UUID id = idOf(stored);
    // Sending the whole fetched record back is an update that changes nothing but updatedAt.
    BlazeRecord same = store.update("bugs", id, stored);
    assertThat(same.get("title")).isEqualTo(string("t"));
    assertThatThrownBy(
            () -> store.update("bugs", id, record("id", BlazeValue.uuid(UUID.randomUUID()))))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("\"id\"");
    assertThatThrownBy(
            () ->
                store.update(
                    "bugs",
                    id,
                    record("createdAt", BlazeValue.date(Instant.parse("2000-01-01T00:00:00Z")))))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("createdAt");
    assertThatThrownBy(() -> store.update("bugs", id, record("createdAt", BlazeValue.nullValue())))
        .isInstanceOf(InvalidRecordException.class);
    assertThat(store.fetch("bugs", id).orElseThrow().get("createdAt"))
        .isEqualTo(stored.get("createdAt"));
  }

  @Test
  void updateIgnoresAClientUpdatedAt() {
    BlazeRecord stored = store.insert("bugs", record());
    BlazeRecord updated =
        store.update(
            "bugs",
            idOf(stored),
            record("updatedAt", BlazeValue.date(Instant.parse("1999-01-01T00:00:00Z"))));
    assertThat(updated.get("updatedAt")).isEqualTo(dateMillis(T0));
  }

  @Test
  void updateOfAMissingRecordFails() {
    UUID id = UUID.randomUUID();
    assertThatThrownBy(() -> store.update("bugs", id, record("a", string("b"))))
        .isInstanceOf(RecordNotFoundException.class)
        .hasMessageContaining(id.toString())
        .hasMessageContaining("bugs");
    assertThat(store.fetch("bugs", id)).isEmpty();
  }

  @Test
  void deleteRemovesTheRecordAndSaysWhetherItExisted() {
    BlazeRecord stored = store.insert("bugs", record("title", string("t")));
    UUID id = idOf(stored);
    assertThat(store.delete("bugs", id)).isTrue();
    assertThat(store.fetch("bugs", id)).isEmpty();
    assertThat(store.delete("bugs", id)).isFalse();
    assertThat(store.delete("never-written", id)).isFalse();
  }

  @Test
  void softDeletedRecordsAreHiddenFromFetchScanAndCountButCanBeRestored() {
    BlazeRecord kept = store.insert("bugs", record("title", string("kept")));
    BlazeRecord hidden = store.insert("bugs", record("title", string("hidden")));
    store.update("bugs", idOf(hidden), record("isDeleted", BlazeValue.bool(true)));
    assertThat(store.fetch("bugs", idOf(hidden))).isEmpty();
    assertThat(store.count("bugs")).isEqualTo(1);
    List<BlazeRecord> scanned = new ArrayList<>();
    store.scan("bugs").forEachRemaining(scanned::add);
    assertThat(scanned).containsExactly(kept);
    // Writes still see it: it can be restored, and its id stays taken.
    assertThatThrownBy(() -> store.insert("bugs", record("id", hidden.get("id"))))
        .isInstanceOf(DuplicateRecordException.class);
    store.update("bugs", idOf(hidden), record("isDeleted", BlazeValue.bool(false)));
    assertThat(store.fetch("bugs", idOf(hidden))).isPresent();
  }

  @Test
  void insertManyWritesEveryRecordOrNone() {
    List<BlazeRecord> batch =
        List.of(
            record("title", string("a")),
            record("title", string("b")),
            record("title", string("c"), "createdAt", string("not a date")));
    assertThatThrownBy(() -> store.insertMany("bugs", batch))
        .isInstanceOf(InvalidRecordException.class);
    assertThat(store.count("bugs")).isZero();

    UUID taken = idOf(store.insert("bugs", record("title", string("existing"))));
    List<BlazeRecord> clash =
        List.of(record("title", string("new")), record("id", BlazeValue.uuid(taken)));
    assertThatThrownBy(() -> store.insertMany("bugs", clash))
        .isInstanceOf(DuplicateRecordException.class);
    assertThat(store.count("bugs")).isEqualTo(1);

    UUID twice = UUID.randomUUID();
    List<BlazeRecord> repeated =
        List.of(record("id", BlazeValue.uuid(twice)), record("id", BlazeValue.uuid(twice)));
    assertThatThrownBy(() -> store.insertMany("bugs", repeated))
        .isInstanceOf(DuplicateRecordException.class);
    assertThat(store.fetch("bugs", twice)).isEmpty();

    List<BlazeRecord> good =
        store.insertMany(
            "bugs",
            List.of(record("n", BlazeValue.integer(1)), record("n", BlazeValue.integer(2))));
    assertThat(good).hasSize(2);
    assertThat(store.count("bugs")).isEqualTo(3);
  }

  @Test
  void aRecordOverTheSizeLimitIsRefused() {
    store.close();
    store = BlazeStore.open(dir, StoreOptions.defaults().withMaxRecordBytes(1000));
    BlazeRecord big = record("blob", BlazeValue.data(new byte[2000]));
    assertThatThrownBy(() -> store.insert("bugs", big))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("more than the 1000 allowed");
    assertThat(store.count("bugs")).isZero();
  }

  @Test
  void scanReadsEveryVisibleRecordInIdOrderAcrossPages() {
    store.close();
    store = BlazeStore.open(dir, StoreOptions.defaults().withScanPageRecords(3));
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(idOf(store.insert("bugs", record("n", BlazeValue.integer(i)))));
    }
    for (int i = 0; i < 20; i += 4) {
      store.update("bugs", ids.get(i), record("isDeleted", BlazeValue.bool(true)));
    }
    List<UUID> scanned = new ArrayList<>();
    store.scan("bugs").forEachRemaining(r -> scanned.add(idOf(r)));
    List<UUID> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      if (i % 4 != 0) {
        expected.add(ids.get(i));
      }
    }
    // Id order is the unsigned order of the 16 bytes, the order of the ids' text.
    expected.sort((a, b) -> a.toString().compareTo(b.toString()));
    assertThat(scanned).isEqualTo(expected);
    assertThat(store.scan("no-such-collection").hasNext()).isFalse();
  }

  @Test
  void aScanSeesRecordsWrittenAheadOfItAndNeverTheSameRecordTwice() {
    store.close();
    store = BlazeStore.open(dir, StoreOptions.defaults().withScanPageRecords(2));
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
    store.insert("bugs", record("id", BlazeValue.uuid(low)));
    for (int i = 0; i < 5; i++) {
      store.insert("bugs", record("id", BlazeValue.uuid(new UUID(0x10L << 56 | i, 0))));
    }
    var scan = store.scan("bugs");
    assertThat(idOf(scan.next())).isEqualTo(low);
    store.insert("bugs", record("id", BlazeValue.uuid(high)));
    store.update("bugs", low, record("touched", BlazeValue.bool(true)));
    List<UUID> rest = new ArrayList<>();
    scan.forEachRemaining(r -> rest.add(idOf(r)));
    assertThat(rest).hasSize(6).endsWith(high).doesNotContain(low);
  }

  @Test
  void dataSurvivesCloseAndReopen() {
    BlazeRecord a = store.insert("bugs", record("title", string("a")));
    BlazeRecord b = store.insert("users", record("name", string("b")));
    store.update("bugs", idOf(a), record("status", string("open")));
    store.close();
    store = BlazeStore.open(dir, StoreOptions.defaults().withClock(clock));
    assertThat(store.fetch("bugs", idOf(a)).orElseThrow().get("status")).isEqualTo(string("open"));
    assertThat(store.fetch("users", idOf(b))).contains(b);
    assertThat(store.collections()).containsExactly("bugs", "users");
  }

  @Test
  void acknowledgedWritesAreInTheFileWhenTheProcessStopsWithoutClosing() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(idOf(store.insert("bugs", record("n", BlazeValue.integer(i)))));
    }
    store.update("bugs", ids.get(0), record("status", string("done")));
    store.delete("bugs", ids.get(1));
    // What kill -9 leaves: no close, no final commit, the file abandoned as it is.
    store.closeAbruptlyForTesting();
    store = BlazeStore.open(dir);
    assertThat(store.count("bugs")).isEqualTo(49);
    assertThat(store.fetch("bugs", ids.get(0)).orElseThrow().get("status"))
        .isEqualTo(string("done"));
    assertThat(store.fetch("bugs", ids.get(1))).isEmpty();
    assertThat(store.fetch("bugs", ids.get(49))).isPresent();
  }

  @Test
  void syncOnCommitStoresWritesTheSameWay() {
    store.close();
    store = BlazeStore.open(dir, StoreOptions.defaults().withSyncOnCommit(true));
    UUID id = idOf(store.insert("bugs", record("title", string("forced"))));
    store.closeAbruptlyForTesting();
    store = BlazeStore.open(dir);
    assertThat(store.fetch("bugs", id).orElseThrow().get("title")).isEqualTo(string("forced"));
  }

  @Test
  void concurrentWritersAllCommitAndNoWriteIsLost() throws Exception {
    int threads = 8;
    int perThread = 200;
    List<Thread> writers = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    UUID shared = idOf(store.insert("counters", record("hits", BlazeValue.integer(0))));
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < perThread; i++) {
                    store.insert(
                        "bugs",
                        record("thread", BlazeValue.integer(thread), "i", BlazeValue.integer(i)));
                    // Read-modify-write on one record: serialised by the single committer.
                    store.write(
                        tx -> {
                          BlazeRecord current = tx.get("counters", shared).orElseThrow();
                          long hits = ((BlazeValue.IntValue) current.get("hits")).value();
                          BlazeRecord next =
                              current.toBuilder().put("hits", BlazeValue.integer(hits + 1)).build();
                          tx.update("counters", shared, next);
                          return null;
                        });
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              }));
    }
    writers.forEach(Thread::start);
    for (Thread writer : writers) {
      writer.join();
    }
    assertThat(failures).isEmpty();
    assertThat(store.count("bugs")).isEqualTo(threads * perThread);
    assertThat(store.fetch("counters", shared).orElseThrow().get("hits"))
        .isEqualTo(BlazeValue.integer(threads * perThread));
  }

  @Test
  void aWriteThatThrowsIsUndoneAndItsExceptionReachesTheCaller() {
    UUID id = UUID.randomUUID();
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                store.write(
                    tx -> {
                      tx.insert("bugs", id, record("id", BlazeValue.uuid(id)));
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(store.fetch("bugs", id)).isEmpty();
    assertThatThrownBy(() -> store.write(tx -> tx.delete("bad\u0000name", id)))
        .isInstanceOf(InvalidCollectionNameException.class);
    // The store goes on taking writes.
    assertThat(store.insert("bugs", record("id", BlazeValue.uuid(id))).get("id"))
        .isEqualTo(BlazeValue.uuid(id));
  }

  @Test
  void collectionNamesAreChecked() {
    BlazeRecord r = record();
    assertThatThrownBy(() -> store.insert("", r))
        .isInstanceOf(InvalidCollectionNameException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> store.insert("bad\nname", r))
        .isInstanceOf(InvalidCollectionNameException.class)
        .hasMessageContaining("U+000A");
    assertThatThrownBy(() -> store.fetch("a".repeat(256), UUID.randomUUID()))
        .isInstanceOf(InvalidCollectionNameException.class)
        .hasMessageContaining("256 UTF-8 bytes");
    // 255 bytes is fine, counted in UTF-8: 85 three-byte characters.
    assertThat(store.insert("\u20ac".repeat(85), r).get("id")).isNotNull();
    assertThatThrownBy(() -> store.insert("\u20ac".repeat(86), r))
        .isInstanceOf(InvalidCollectionNameException.class);
    assertThatThrownBy(() -> store.insert("x\uD800", r))
        .isInstanceOf(InvalidCollectionNameException.class)
        .hasMessageContaining("surrogate");
    assertThat(store.insert("bugs/2025 \uD83D\uDC1B", r).get("id")).isNotNull();
  }

  @Test
  void aClosedStoreRefusesEveryOperation() {
    store.close();
    store.close(); // closing twice is harmless
    assertThatThrownBy(() -> store.insert("bugs", record()))
        .isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.fetch("bugs", UUID.randomUUID()))
        .isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.scan("bugs")).isInstanceOf(StoreClosedException.class);
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFailsWhileTheFirstIsOpen() {
    assertThatThrownBy(() -> BlazeStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(BlazeStore.DATA_FILE_NAME);
    Optional<BlazeRecord> none = store.fetch("bugs", UUID.randomUUID());
    assertThat(none).isEmpty(); // the first store is unaffected
  }
}
