package dev.blazebench.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeValue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {

  @Test
  void builderMakesTheRecordItDescribes() {
    Query query =
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .sortDescending("createdAt")
            .offset(3)
            .limit(7)
            .build();
    assertThat(query.filters())
        .containsExactly(new Filter("status", FilterOp.EQ, BlazeValue.string("open")));
    assertThat(query.sort()).containsExactly(new SortKey("createdAt", true));
    assertThat(query.offset()).isEqualTo(3);
    assertThat(query.limit()).isEqualTo(7);
    assertThat(query.isAggregation()).isFalse();
    assertThat(query.toBuilder().build()).isEqualTo(query);
  }

  @Test
  void nullListsMeanEmpty() {
    assertThat(new Query(null, null, 0, null, null, null)).isEqualTo(Query.all());
  }

  @Test
  void rejectsNullItems() {
    assertThatThrownBy(
            () -> new Query(Arrays.asList(Filter.isNull("a"), null), null, 0, null, null, null))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("filters[1]: must not be null");
  }

  @Test
  void limitZeroIsAllowed() {
    assertThat(Query.builder().limit(0).build().limit()).isZero();
  }

  @Test
  void wireNamesRoundTrip() {
    for (FilterOp op : FilterOp.values()) {
      assertThat(FilterOp.fromWireName(op.wireName())).isSameAs(op);
    }
    for (AggregateFunction function : AggregateFunction.values()) {
      assertThat(AggregateFunction.fromWireName(function.wireName())).isSameAs(function);
    }
    assertThatThrownBy(() -> FilterOp.fromWireName("EQ"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("unknown operator \"EQ\"");
  }

  @Test
  void filterNamesItsFieldInValueErrors() {
    assertThatThrownBy(() -> new Filter("priority", FilterOp.GT, null))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("value: missing value for operator \"gt\" (filter on \"priority\")");
  }

  @Test
  void inAcceptsAnEmptyList() {
    assertThat(new Filter("a", FilterOp.IN, BlazeValue.array(List.of())).value())
        .isEqualTo(BlazeValue.array(List.of()));
  }

  @Test
  void aggregatesWithoutGroupByMayBeSortedByAlias() {
    Query query = Query.builder().aggregate(Aggregate.count("n")).sortAscending("n").build();
    assertThat(query.isAggregation()).isTrue();
  }
}
