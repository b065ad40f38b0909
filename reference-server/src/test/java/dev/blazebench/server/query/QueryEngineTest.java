package dev.blazebench.server.query;

import static dev.blazebench.server.query.TestRecords.bool;
import static dev.blazebench.server.query.TestRecords.integer;
import static dev.blazebench.server.query.TestRecords.record;
import static dev.blazebench.server.query.TestRecords.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QueryEngineTest {

  private final QueryEngine engine = new QueryEngine();

  private static List<BlazeRecord> numbered(int count) {
    List<BlazeRecord> records = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      records.add(record("n", integer(i)));
    }
    return records;
  }

  private static List<Long> numbers(List<BlazeRecord> records) {
    List<Long> out = new ArrayList<>();
    for (BlazeRecord r : records) {
      out.add(((BlazeValue.IntValue) r.get("n")).value());
    }
    return out;
  }

  /** An iterator over {@code records} that counts how many were taken. */
  private static final class CountingIterator implements Iterator<BlazeRecord> {
    private final Iterator<BlazeRecord> records;
    int taken;

    CountingIterator(List<BlazeRecord> records) {
      this.records = records.iterator();
    }

    @Override
    public boolean hasNext() {
      return records.hasNext();
    }

    @Override
    public BlazeRecord next() {
      taken++;
      return records.next();
    }
  }

  @Test
  void filtersThenSortsThenSkipsTheOffsetThenTakesTheLimit() {
    Query query =
        Query.builder()
            .where("n", FilterOp.GTE, integer(3))
            .sortDescending("n")
            .offset(2)
            .limit(3)
            .build();
    // 3..10 descending is 10 9 8 7 6 ...; skipping two gives 8 7 6.
    assertThat(numbers(engine.execute(query, numbered(10).iterator()))).containsExactly(8L, 7L, 6L);
  }

  @Test
  void withoutASortResultsKeepTheSourceOrder() {
    Query query = Query.builder().where("n", FilterOp.NE, integer(2)).offset(1).limit(2).build();
    assertThat(numbers(engine.execute(query, numbered(6).iterator()))).containsExactly(3L, 4L);
  }

  @Test
  void softDeletedRecordsAreHiddenFromQueriesAndAggregations() {
    List<BlazeRecord> records =
        List.of(
            record("n", integer(1), "isDeleted", bool(true)),
            record("n", integer(2), "isDeleted", bool(false)),
            record("n", integer(3), "isDeleted", integer(1)), // BlazeDB's boolValue: non-zero
            record("n", integer(4), "isDeleted", integer(0)),
            record("n", integer(5), "isDeleted", string("true")), // not a bool: visible
            record("n", integer(6)));
    assertThat(numbers(engine.execute(Query.all(), records.iterator())))
        .containsExactly(2L, 4L, 5L, 6L);
    // Asking for deleted records explicitly does not reveal them either.
    Query deleted = Query.builder().whereEquals("isDeleted", bool(true)).build();
    assertThat(engine.execute(deleted, records.iterator())).isEmpty();
    Query count = Query.builder().aggregate(Aggregate.count("n")).build();
    assertThat(engine.aggregate(count, records.iterator()))
        .containsExactly(record("n", integer(4)));
  }

  @Test
  void unsortedStreamReadsTheSourceOnlyAsFarAsTheLimitNeeds() {
    CountingIterator source = new CountingIterator(numbered(1000));
    Query query = Query.builder().where("n", FilterOp.GT, integer(10)).limit(5).build();
    Iterator<BlazeRecord> results = engine.stream(query, source);
    assertThat(source.taken).isZero(); // nothing read before the caller asks
    assertThat(numbers(List.of(results.next()))).containsExactly(11L);
    assertThat(source.taken).isEqualTo(11);
    results.forEachRemaining(r -> {});
    assertThat(source.taken).isEqualTo(15);
  }

  @Test
  void sortWithLimitGivesExactlyTheWindowOfAFullStableSort() {
    SplittableRandom random = new SplittableRandom(42);
    List<BlazeRecord> records = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      // Few distinct keys: many ties, which must keep the source order.
      records.add(record("k", integer(random.nextInt(7)), "n", integer(i)));
    }
    for (int offset : new int[] {0, 1, 13, 499, 600}) {
      for (int limit : new int[] {1, 5, 100, 1000}) {
        Query windowed = Query.builder().sortDescending("k").offset(offset).limit(limit).build();
        Query full = Query.builder().sortDescending("k").build();
        List<BlazeRecord> all = engine.execute(full, records.iterator());
        List<BlazeRecord> expected =
            all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        assertThat(engine.execute(windowed, records.iterator()))
            .as("offset %d limit %d", offset, limit)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void limitZeroAndAnOffsetPastTheEndReturnNothing() {
    assertThat(engine.execute(Query.builder().limit(0).build(), numbered(3).iterator())).isEmpty();
    assertThat(
            engine.execute(
                Query.builder().sortAscending("n").limit(0).build(), numbered(3).iterator()))
        .isEmpty();
    assertThat(engine.execute(Query.builder().offset(3).build(), numbered(3).iterator())).isEmpty();
    assertThat(
            engine.execute(
                Query.builder().sortAscending("n").offset(5).build(), numbered(3).iterator()))
        .isEmpty();
  }

  @Test
  void recordQueriesAndAggregationsAreNotInterchangeable() {
    Query grouped = Query.builder().groupBy("status").aggregate(Aggregate.count("n")).build();
    assertThatThrownBy(() -> engine.execute(grouped, numbered(1).iterator()))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("Aggregate");
    assertThatThrownBy(() -> engine.aggregate(Query.all(), numbered(1).iterator()))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("aggregates");
  }
}
