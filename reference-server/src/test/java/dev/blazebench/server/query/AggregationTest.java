package dev.blazebench.server.query;

import static dev.blazebench.server.query.TestRecords.array;
import static dev.blazebench.server.query.TestRecords.bool;
import static dev.blazebench.server.query.TestRecords.date;
import static dev.blazebench.server.query.TestRecords.integer;
import static dev.blazebench.server.query.TestRecords.nullValue;
import static dev.blazebench.server.query.TestRecords.number;
import static dev.blazebench.server.query.TestRecords.record;
import static dev.blazebench.server.query.TestRecords.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.AggregateFunction;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationTest {

  private final QueryEngine engine = new QueryEngine();

  private final List<BlazeRecord> bugs =
      List.of(
          record("status", string("open"), "priority", integer(5), "hours", number(1.5)),
          record("status", string("closed"), "priority", integer(1), "hours", number(4.0)),
          record("status", string("open"), "priority", integer(3)),
          record("status", string("open"), "priority", integer(4), "hours", integer(2)),
          record("priority", integer(2), "hours", string("n/a")));

  private List<BlazeRecord> aggregate(Query query) {
    return engine.aggregate(query, bugs.iterator());
  }

  private static Query.Builder perStatus() {
    return Query.builder().groupBy("status");
  }

  @Test
  void countCountsTheRecordsOfEachGroupUnderItsAlias() {
    assertThat(aggregate(perStatus().aggregate(Aggregate.count("bugs")).build()))
        .containsExactly(
            record("status", string("closed"), "bugs", integer(1)),
            record("status", string("open"), "bugs", integer(3)),
            record("status", nullValue(), "bugs", integer(1)));
  }

  @Test
  void aRecordWithoutTheGroupByFieldIsGroupedUnderNull() {
    List<BlazeRecord> records =
        List.of(
            record("team", string("a")),
            record("team", nullValue()),
            record("other", integer(1)),
            record("team", string("a")));
    Query query = Query.builder().groupBy("team").aggregate(Aggregate.count("n")).build();
    assertThat(engine.aggregate(query, records.iterator()))
        .containsExactly(
            record("team", string("a"), "n", integer(2)),
            record("team", nullValue(), "n", integer(2)));
  }

  @Test
  void sumOfIntsIsAnIntAndSumWithADoubleIsADouble() {
    Query ints = Query.builder().aggregate(AggregateFunction.SUM, "priority", "total").build();
    assertThat(aggregate(ints)).containsExactly(record("total", integer(15)));
    Query mixed = Query.builder().aggregate(AggregateFunction.SUM, "hours", "total").build();
    // 1.5 + 4.0 + 2 (an int); the string "n/a" and the missing field are skipped.
    assertThat(aggregate(mixed)).containsExactly(record("total", number(7.5)));
  }

  @Test
  void sumThatOverflowsSixtyFourBitsBecomesADouble() {
    List<BlazeRecord> big =
        List.of(record("n", integer(Long.MAX_VALUE)), record("n", integer(Long.MAX_VALUE)));
    Query query = Query.builder().aggregate(AggregateFunction.SUM, "n", "total").build();
    assertThat(engine.aggregate(query, big.iterator()))
        .containsExactly(record("total", number(2.0 * Long.MAX_VALUE)));
  }

  @Test
  void avgIsADoubleOverTheNumericValuesOnly() {
    Query query = perStatus().aggregate(AggregateFunction.AVG, "priority", "avgPriority").build();
    assertThat(aggregate(query))
        .containsExactly(
            record("status", string("closed"), "avgPriority", number(1.0)),
            record("status", string("open"), "avgPriority", number(4.0)),
            record("status", nullValue(), "avgPriority", number(2.0)));
  }

  @Test
  void sumAndAvgOfAGroupWithoutNumbersAreNull() {
    Query query =
        perStatus()
            .where("status", FilterOp.IS_NULL, null)
            .aggregate(AggregateFunction.SUM, "hours", "sum")
            .aggregate(AggregateFunction.AVG, "hours", "avg")
            .build();
    assertThat(aggregate(query))
        .containsExactly(record("status", nullValue(), "sum", nullValue(), "avg", nullValue()));
  }

  @Test
  void minAndMaxTakeTheLeastAndGreatestPresentValue() {
    Query query =
        perStatus()
            .aggregate(AggregateFunction.MIN, "hours", "least")
            .aggregate(AggregateFunction.MAX, "hours", "most")
            .build();
    assertThat(aggregate(query))
        .containsExactly(
            record("status", string("closed"), "least", number(4.0), "most", number(4.0)),
            // A missing field is not a value: it is neither the minimum nor the maximum.
            record("status", string("open"), "least", number(1.5), "most", integer(2)),
            record("status", nullValue(), "least", string("n/a"), "most", string("n/a")));
  }

  @Test
  void minAndMaxWorkOnStringsAndDates() {
    List<BlazeRecord> records =
        List.of(
            record("name", string("bob"), "due", date(300)),
            record("name", string("Alice"), "due", date(100)),
            record("name", string("carol"), "due", date(200)));
    Query query =
        Query.builder()
            .aggregate(AggregateFunction.MIN, "name", "firstName")
            .aggregate(AggregateFunction.MAX, "name", "lastName")
            .aggregate(AggregateFunction.MIN, "due", "earliest")
            .aggregate(AggregateFunction.MAX, "due", "latest")
            .build();
    assertThat(engine.aggregate(query, records.iterator()))
        .containsExactly(
            record(
                "firstName", string("Alice"),
                "lastName", string("carol"),
                "earliest", date(100),
                "latest", date(300)));
  }

  @Test
  void minAndMaxOfNothingAreNull() {
    Query query =
        Query.builder()
            .aggregate(AggregateFunction.MIN, "missing", "least")
            .aggregate(AggregateFunction.MAX, "missing", "most")
            .build();
    assertThat(aggregate(query)).containsExactly(record("least", nullValue(), "most", nullValue()));
  }

  @Test
  void withoutGroupByThereIsOneRowEvenWhenNothingMatches() {
    Query query =
        Query.builder()
            .where("status", FilterOp.EQ, string("nonexistent"))
            .aggregate(Aggregate.count("n"))
            .aggregate(AggregateFunction.SUM, "priority", "total")
            .build();
    assertThat(aggregate(query)).containsExactly(record("n", integer(0), "total", nullValue()));
  }

  @Test
  void filtersApplyBeforeGrouping() {
    Query query =
        perStatus()
            .where("priority", FilterOp.GTE, integer(4))
            .aggregate(Aggregate.count("n"))
            .build();
    assertThat(aggregate(query)).containsExactly(record("status", string("open"), "n", integer(2)));
  }

  @Test
  void groupsByEveryGroupByFieldTogether() {
    List<BlazeRecord> records =
        List.of(
            record("a", string("x"), "b", integer(1)),
            record("a", string("x"), "b", integer(2)),
            record("a", string("x"), "b", integer(1)),
            record("a", string("y"), "b", integer(1)));
    Query query = Query.builder().groupBy("a", "b").aggregate(Aggregate.count("n")).build();
    assertThat(engine.aggregate(query, records.iterator()))
        .containsExactly(
            record("a", string("x"), "b", integer(1), "n", integer(2)),
            record("a", string("x"), "b", integer(2), "n", integer(1)),
            record("a", string("y"), "b", integer(1), "n", integer(1)));
  }

  @Test
  void valuesOfDifferentTypesAreDifferentGroupsButEquivalentStringsAreOne() {
    List<BlazeRecord> records =
        List.of(
            record("k", integer(1)),
            record("k", number(1.0)),
            record("k", string("caf\u00e9")),
            record("k", string("cafe\u0301")),
            record("k", array(integer(1))),
            record("k", bool(true)));
    Query query = Query.builder().groupBy("k").aggregate(Aggregate.count("n")).build();
    List<BlazeRecord> rows = engine.aggregate(query, records.iterator());
    assertThat(rows).hasSize(5);
    assertThat(rows).contains(record("k", string("caf\u00e9"), "n", integer(2)));
    assertThat(rows).contains(record("k", integer(1), "n", integer(1)));
    assertThat(rows).contains(record("k", number(1.0), "n", integer(1)));
  }

  @Test
  void groupByWithoutAggregatesListsTheDistinctValues() {
    assertThat(aggregate(perStatus().build()))
        .containsExactly(
            record("status", string("closed")),
            record("status", string("open")),
            record("status", nullValue()));
  }

  @Test
  void rowsSortByTheQuerySortKeysThenTakeTheOffsetAndLimit() {
    Query query =
        perStatus().aggregate(Aggregate.count("n")).sortDescending("n").offset(0).limit(2).build();
    assertThat(aggregate(query))
        .containsExactly(
            // open (3) first; closed and null tie at 1 and keep the group order: closed first.
            record("status", string("open"), "n", integer(3)),
            record("status", string("closed"), "n", integer(1)));
    Query skipFirst = perStatus().aggregate(Aggregate.count("n")).offset(1).build();
    assertThat(aggregate(skipFirst))
        .containsExactly(
            record("status", string("open"), "n", integer(3)),
            record("status", nullValue(), "n", integer(1)));
  }

  @Test
  void columnNamesThatAreTheSameKeyInSwiftAreRefused() {
    Query query =
        Query.builder().groupBy("caf\u00e9").aggregate(Aggregate.count("cafe\u0301")).build();
    assertThatThrownBy(() -> aggregate(query))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("canonically equivalent");
  }
}
