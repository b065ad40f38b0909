package dev.blazebench.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.SortKey;
import dev.blazebench.server.query.QueryEngine;
import dev.blazebench.server.query.RecordSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query answered through a field index must return exactly what the same query returns over a
 * full scan: same records, same order, ties in id order, missing values last.
 */
class IndexedQueryTest {

  private static final String BUGS = "bugs";

  @TempDir Path dir;

  private final QueryEngine engine = new QueryEngine();
  private BlazeStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private void open(Set<String> indexedFields) {
    if (store != null) {
      store.close();
    }
    store = BlazeStore.open(dir, StoreOptions.defaults().withIndexedFields(indexedFields));
  }

  /** A value for the indexed field: every kind, many ties, long shared string prefixes. */
  private static BlazeValue randomValue(SplittableRandom random) {
    switch (random.nextInt(12)) {
      case 0:
        return null; // missing
      case 1:
        return BlazeValue.nullValue();
      case 2:
        return BlazeValue.integer(random.nextInt(6) - 2);
      case 3:
        return BlazeValue.number(random.nextInt(12) / 4.0 - 1);
      case 4:
        return BlazeValue.dateSinceReferenceDate(random.nextInt(5));
      case 5:
        return BlazeValue.integer((1L << 53) + random.nextInt(3)); // same double, other ints
      case 6:
        return BlazeValue.string("prefix-shared-by-many-strings-" + random.nextInt(4));
      case 7:
        return BlazeValue.string(random.nextBoolean() ? "caf\u00e9" : "cafe\u0301");
      case 8:
        return BlazeValue.uuid(new UUID(random.nextInt(3) - 1, random.nextInt(3)));
      case 9:
        return BlazeValue.bool(random.nextBoolean());
      case 10:
        return BlazeValue.array(List.of(BlazeValue.integer(random.nextInt(3))));
      default:
        return BlazeValue.number(random.nextBoolean() ? Double.NaN : -0.0);
    }
  }

  private static BlazeRecord randomRecord(SplittableRandom random) {
    BlazeRecord.Builder record = BlazeRecord.builder();
    BlazeValue k = randomValue(random);
    if (k != null) {
      record.put("k", k);
    }
    record.put("t", BlazeValue.integer(random.nextInt(4)));
    record.put("s", BlazeValue.string(random.nextBoolean() ? "open" : "closed"));
    if (random.nextInt(10) == 0) {
      record.put("isDeleted", BlazeValue.bool(true));
    }
    return record.build();
  }

  private List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    int[][] windows = {{0, 1}, {0, 7}, {3, 10}, {0, 500}, {17, 40}};
    for (boolean descending : new boolean[] {false, true}) {
      for (int[] window : windows) {
        queries.add(
            Query.builder()
                .sort(new SortKey("k", descending))
                .offset(window[0])
                .limit(window[1])
                .build());
        queries.add(
            Query.builder()
                .sort(new SortKey("k", descending))
                .sort(new SortKey("t", !descending))
                .where("s", FilterOp.EQ, BlazeValue.string("open"))
                .offset(window[0])
                .limit(window[1])
                .build());
      }
    }
    return queries;
  }

  private void assertIndexMatchesScan() {
    for (Query query : queries()) {
      List<BlazeRecord> viaScan = engine.execute(query, store.scan(BUGS));
      List<BlazeRecord> viaIndex = engine.execute(query, store.source(BUGS));
      assertThat(viaIndex).as("%s", query).isEqualTo(viaScan);
    }
  }

  @Test
  void sortedQueriesThroughTheIndexEqualAFullScan() {
    open(Set.of("k"));
    SplittableRandom random = new SplittableRandom(7);
    for (int batch = 0; batch < 10; batch++) {
      List<BlazeRecord> records = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        records.add(randomRecord(random));
      }
      store.insertMany(BUGS, records);
    }
    assertThat(store.source(BUGS).visitInFieldOrder("k", false, run -> false)).isTrue();
    assertIndexMatchesScan();
  }

  @Test
  void theIndexFollowsUpdatesDeletesAndFailedBatches() {
    open(Set.of("k"));
    SplittableRandom random = new SplittableRandom(11);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(idOf(store.insert(BUGS, randomRecord(random))));
    }
    for (int i = 0; i < 300; i++) {
      UUID id = ids.get(random.nextInt(ids.size()));
      switch (random.nextInt(4)) {
        case 0 -> {
          BlazeValue k = randomValue(random);
          store.update(
              BUGS,
              id,
              BlazeRecord.builder().put("k", k == null ? BlazeValue.nullValue() : k).build());
        }
        case 1 -> {
          assertThat(store.delete(BUGS, id)).isTrue();
          ids.remove(id);
        }
        case 2 ->
            store.update(
                BUGS, id, BlazeRecord.builder().put("isDeleted", BlazeValue.bool(false)).build());
        default -> {
          // A batch that fails on its last record leaves no index entry behind.
          List<BlazeRecord> failing =
              List.of(
                  randomRecord(random),
                  BlazeRecord.builder().put("id", BlazeValue.uuid(ids.get(0))).build());
          if (store.fetch(BUGS, ids.get(0)).isPresent()) {
            assertThatThrownBy(() -> store.insertMany(BUGS, failing))
                .isInstanceOf(DuplicateRecordException.class);
          }
        }
      }
    }
    assertIndexMatchesScan();
  }

  @Test
  void anIndexIsBuiltWhenTheFieldIsAddedAndRebuiltAfterBeingDropped() {
    open(Set.of());
    SplittableRandom random = new SplittableRandom(13);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add(idOf(store.insert(BUGS, randomRecord(random))));
    }
    assertThat(store.source(BUGS).visitInFieldOrder("k", false, run -> true)).isFalse();
    open(Set.of("k"));
    assertIndexMatchesScan();
    // Changes made while the field is not indexed must not leave a stale index behind.
    open(Set.of());
    for (int i = 0; i < 50; i++) {
      store.update(
          BUGS, ids.get(i), BlazeRecord.builder().put("k", BlazeValue.integer(100 - i)).build());
    }
    open(Set.of("k"));
    assertIndexMatchesScan();
  }

  @Test
  void aTopKQueryReadsAboutAsManyRecordsAsItReturns() {
    open(Set.of("createdAt"));
    List<BlazeRecord> records = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      records.add(
          BlazeRecord.builder()
              .put("createdAt", BlazeValue.dateSinceReferenceDate(i))
              .put("status", BlazeValue.string(i % 2 == 0 ? "open" : "closed"))
              .build());
    }
    store.insertMany(BUGS, records);
    CountingSource counting = new CountingSource(store.source(BUGS));
    Query newestOpen =
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .sortDescending("createdAt")
            .limit(10)
            .build();
    List<BlazeRecord> newest = engine.execute(newestOpen, counting);
    assertThat(newest).hasSize(10);
    assertThat(newest.get(0).get("createdAt")).isEqualTo(BlazeValue.dateSinceReferenceDate(1998));
    assertThat(newest).isEqualTo(engine.execute(newestOpen, store.scan(BUGS)));
    assertThat(counting.recordsRead).isBetween(10, 21);
  }

  /** Counts the records a query pulls from the index runs. */
  private static final class CountingSource implements RecordSource {
    private final RecordSource delegate;
    int recordsRead;

    CountingSource(RecordSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Iterator<BlazeRecord> records() {
      throw new AssertionError("the query should have used the index");
    }

    @Override
    public boolean visitInFieldOrder(
        String field, boolean descending, Predicate<Iterator<BlazeRecord>> runs) {
      return delegate.visitInFieldOrder(
          field,
          descending,
          run ->
              runs.test(
                  new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                      return run.hasNext();
                    }

                    @Override
                    public BlazeRecord next() {
                      recordsRead++;
                      return run.next();
                    }
                  }));
    }
  }

  private static UUID idOf(BlazeRecord record) {
    return ((BlazeValue.UuidValue) record.get("id")).value();
  }
}
