package dev.blazebench.protocol.bugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.Filter;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BugQueryMappingTest {

  @Test
  void enumsLineUpWithTheSharedModel() {
    for (FilterOp op : FilterOp.values()) {
      assertThat(FilterOperator.forNumber(op.ordinal() + 1).name())
          .isEqualTo("FILTER_OPERATOR_" + op.name());
    }
    assertThat(FilterOperator.values())
        .hasSize(FilterOp.values().length + 2); // +UNSPECIFIED, UNRECOGNIZED
    for (dev.blazebench.protocol.query.AggregateFunction function :
        dev.blazebench.protocol.query.AggregateFunction.values()) {
      assertThat(AggregateFunction.forNumber(function.ordinal() + 1).name())
          .isEqualTo("AGGREGATE_FUNCTION_" + function.name());
    }
  }

  @Test
  void queriesRoundTrip() {
    Query query =
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .whereEquals("assignee", BlazeValue.string("ana.silva"))
            .where("priority", FilterOp.GTE, BlazeValue.integer(3))
            .where(
                "createdAt",
                FilterOp.LT,
                BlazeValue.date(Instant.parse("2025-06-01T00:00:00.250Z")))
            .where("title", FilterOp.CONTAINS, BlazeValue.string("crash"))
            .where("id", FilterOp.NE, BlazeValue.uuid(UUID.randomUUID()))
            .whereIn("status", List.of(BlazeValue.string("open"), BlazeValue.string("reopened")))
            .filter(Filter.isNull("updatedAt"))
            .sortDescending("priority")
            .sortAscending("createdAt")
            .offset(5)
            .limit(20)
            .build();
    BugQuery typed = BugQueryMapping.fromQuery(query);
    assertThat(typed.getFilters(0).getValue().getStatusValue()).isEqualTo(Status.STATUS_OPEN);
    assertThat(typed.getFilters(6).getValue().getListValue().getValues(1).getStringValue())
        .isEqualTo("reopened");
    assertThat(typed.getFilters(7).hasValue()).isFalse();
    assertThat(BugQueryMapping.toQuery(typed)).isEqualTo(query);
    assertThat(BugQueryMapping.toQuery(BugQueryMapping.fromQuery(Query.all())))
        .isEqualTo(Query.all());
  }

  @Test
  void aggregationsAndTheirRowsRoundTrip() {
    Query query =
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .groupBy("status", "assignee")
            .aggregate(Aggregate.count("n"))
            .aggregate(
                dev.blazebench.protocol.query.AggregateFunction.AVG, "priority", "avgPriority")
            .aggregate(dev.blazebench.protocol.query.AggregateFunction.MAX, "createdAt", "latest")
            .sortDescending("n")
            .sortAscending("assignee")
            .build();
    BugQuery typed = BugQueryMapping.fromQuery(query);
    assertThat(typed.getSort(0).getAlias()).isEqualTo("n");
    assertThat(typed.getSort(1).getField()).isEqualTo(BugField.BUG_FIELD_ASSIGNEE);
    assertThat(BugQueryMapping.toQuery(typed)).isEqualTo(query);

    BlazeRecord row =
        BlazeRecord.builder()
            .put("status", BlazeValue.string("open"))
            .put("assignee", BlazeValue.nullValue())
            .put("n", BlazeValue.integer(42))
            .put("avgPriority", BlazeValue.number(3.25))
            .put("latest", BlazeValue.date(Instant.parse("2025-12-31T23:59:59.999Z")))
            .build();
    AggregateRow typedRow = BugQueryMapping.rowFromRecord(row, query);
    assertThat(typedRow.getGroup(0).getStatusValue()).isEqualTo(Status.STATUS_OPEN);
    assertThat(typedRow.getGroup(1).hasNullValue()).isTrue();
    assertThat(BugQueryMapping.rowToRecord(typedRow, query)).isEqualTo(row);
  }

  @Test
  void rowsMustMatchTheQuery() {
    Query query = Query.builder().groupBy("status").aggregate(Aggregate.count("n")).build();
    assertThatThrownBy(() -> BugQueryMapping.rowToRecord(AggregateRow.getDefaultInstance(), query))
        .isInstanceOf(BugMappingException.class)
        .hasMessageContaining("row has 0 group values and 0 aggregate values");
  }

  @Test
  void fieldsABugDoesNotHaveCannotBeQueried() {
    Query query = Query.builder().whereEquals("severity", BlazeValue.integer(1)).build();
    assertThatThrownBy(() -> BugQueryMapping.fromQuery(query))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("filters[0].field: \"severity\" is not a field of Bug");
    Query dataOperand =
        Query.builder().whereEquals("title", BlazeValue.data(new byte[] {1})).build();
    assertThatThrownBy(() -> BugQueryMapping.fromQuery(dataOperand))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("filters[0].value: a data value has no typed form in the Protobuf API");
  }

  @Test
  void typedQueriesAreValidatedWithPaths() {
    BugQuery unspecifiedOp =
        BugQuery.newBuilder()
            .addFilters(BugFilter.newBuilder().setField(BugField.BUG_FIELD_TITLE))
            .build();
    assertThatThrownBy(() -> BugQueryMapping.toQuery(unspecifiedOp))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("filters[0].op: no operator for FILTER_OPERATOR_UNSPECIFIED");
    BugQuery missingValue =
        BugQuery.newBuilder()
            .addFilters(
                BugFilter.newBuilder()
                    .setField(BugField.BUG_FIELD_PRIORITY)
                    .setOp(FilterOperator.FILTER_OPERATOR_GT))
            .build();
    assertThatThrownBy(() -> BugQueryMapping.toQuery(missingValue))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("filters[0].value: missing value for operator \"gt\"");
    BugQuery badUuid =
        BugQuery.newBuilder()
            .addFilters(
                BugFilter.newBuilder()
                    .setField(BugField.BUG_FIELD_ID)
                    .setOp(FilterOperator.FILTER_OPERATOR_EQ)
                    .setValue(
                        BugValue.newBuilder()
                            .setUuidValue(com.google.protobuf.ByteString.copyFrom(new byte[3]))))
            .build();
    assertThatThrownBy(() -> BugQueryMapping.toQuery(badUuid))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("filters[0].value: an id is 16 bytes, was 3");
    BugQuery negativeOffset = BugQuery.newBuilder().setOffset(-1).build();
    assertThatThrownBy(() -> BugQueryMapping.toQuery(negativeOffset))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("offset: must not be negative, was -1");
  }
}
