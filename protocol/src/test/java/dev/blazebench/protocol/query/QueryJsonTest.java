package dev.blazebench.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryJsonTest {

  @Test
  void roundTripsEveryPart() {
    Query query =
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .where(
                "createdAt", FilterOp.GTE, BlazeValue.date(Instant.parse("2025-03-01T00:00:00Z")))
            .where(
                "id",
                FilterOp.NE,
                BlazeValue.uuid(UUID.fromString("550e8400-e29b-41d4-a716-446655440000")))
            .where("score", FilterOp.LT, BlazeValue.number(2.5))
            .whereIn("priority", List.of(BlazeValue.integer(4), BlazeValue.integer(5)))
            .filter(Filter.notNull("assignee"))
            .sortDescending("createdAt")
            .offset(10)
            .limit(50)
            .build();
    assertThat(QueryJson.fromJson(QueryJson.toJson(query))).isEqualTo(query);
    assertThat(QueryJson.fromJson(QueryJson.toJsonString(query))).isEqualTo(query);
    Query aggregation =
        Query.builder()
            .groupBy("status")
            .aggregate(Aggregate.count("n"))
            .aggregate(AggregateFunction.AVG, "priority", "avgPriority")
            .sortDescending("n")
            .build();
    assertThat(QueryJson.fromJson(QueryJson.toJsonString(aggregation))).isEqualTo(aggregation);
  }

  @Test
  void writesTheDocumentedJsonShape() {
    Query query =
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .sortDescending("createdAt")
            .limit(100)
            .build();
    assertThat(QueryJson.toJsonString(query))
        .isEqualTo(
            "{\"filters\":[{\"field\":\"status\",\"op\":\"eq\",\"value\":\"open\"}],"
                + "\"limit\":100,\"sort\":[{\"descending\":true,\"field\":\"createdAt\"}]}");
    assertThat(QueryJson.toJsonString(Query.all())).isEqualTo("{}");
  }

  @Test
  void readsAHandWrittenQuery() {
    Query query =
        QueryJson.fromJson(
            "{\"filters\": [{\"field\": \"createdAt\", \"op\": \"lt\","
                + " \"value\": \"2025-06-01T00:00:00Z\"},"
                + " {\"field\": \"assignee\", \"op\": \"isNull\", \"value\": null}],"
                + " \"limit\": null, \"offset\": 0}");
    assertThat(query.filters())
        .containsExactly(
            new Filter(
                "createdAt", FilterOp.LT, BlazeValue.date(Instant.parse("2025-06-01T00:00:00Z"))),
            Filter.isNull("assignee"));
    assertThat(query.limit()).isNull();
  }

  @Test
  void errorsNameTheSamePathsAsTheBinaryDocument() {
    assertThatThrownBy(
            () ->
                QueryJson.fromJson(
                    "{\"filters\": [{\"field\": \"a\", \"op\": \"eq\", \"value\": 1},"
                        + " {\"field\": \"b\", \"op\": \"equals\", \"value\": 1}]}"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("filters[1].op: unknown operator \"equals\"");
    assertThatThrownBy(() -> QueryJson.fromJson("{\"limit\": 1.5}"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("limit: expected an int, was double");
    assertThatThrownBy(() -> QueryJson.fromJson("{\"offset\": 99999999999999999999}"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("offset: integer 99999999999999999999 does not fit in 64 bits");
  }

  @Test
  void rejectsNonObjectsAndMalformedJson() {
    assertThatThrownBy(() -> QueryJson.fromJson("[]"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("a query must be a JSON object, was ARRAY");
    assertThatThrownBy(() -> QueryJson.fromJson("{\"limit\": }"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith("malformed JSON: ")
        .hasMessageContaining("line 1, column 11");
    assertThatThrownBy(() -> QueryJson.fromJson("{} 1"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("unexpected content after the query's JSON object");
  }
}
