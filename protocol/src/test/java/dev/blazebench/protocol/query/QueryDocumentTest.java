package dev.blazebench.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryDocumentTest {

  private static BlazeValue dict(Map<String, BlazeValue> entries) {
    return BlazeValue.dictionary(entries);
  }

  private static BlazeValue arr(BlazeValue... items) {
    return BlazeValue.array(List.of(items));
  }

  private static BlazeValue str(String s) {
    return BlazeValue.string(s);
  }

  private static BlazeRecord doc(String key, BlazeValue value) {
    return BlazeRecord.builder().put(key, value).build();
  }

  private static BlazeRecord filterDoc(Map<String, BlazeValue> filter) {
    return doc("filters", arr(dict(filter)));
  }

  @Test
  void allIsTheEmptyRecord() {
    assertThat(QueryDocument.toRecord(Query.all())).isEqualTo(BlazeRecord.empty());
    assertThat(QueryDocument.fromRecord(BlazeRecord.empty())).isEqualTo(Query.all());
  }

  @Test
  void everyPartRoundTrips() {
    Query query =
        Query.builder()
            .whereEquals("status", str("open"))
            .where("priority", FilterOp.GTE, BlazeValue.integer(3))
            .where("createdAt", FilterOp.LT, BlazeValue.date(Instant.parse("2025-06-01T00:00:00Z")))
            .where("title", FilterOp.CONTAINS, str("login"))
            .whereIn("assignee", List.of(str("ana"), str("bo")))
            .filter(Filter.isNull("closedAt"))
            .filter(Filter.notNull("tags"))
            .where("id", FilterOp.NE, BlazeValue.uuid(UUID.randomUUID()))
            .sortDescending("priority")
            .sortAscending("createdAt")
            .offset(20)
            .limit(10)
            .build();
    BlazeRecord record = QueryDocument.toRecord(query);
    assertThat(QueryDocument.fromRecord(record)).isEqualTo(query);
  }

  @Test
  void aggregationRoundTrips() {
    Query query =
        Query.builder()
            .whereEquals("status", str("open"))
            .groupBy("status", "assignee")
            .aggregate(Aggregate.count("n"))
            .aggregate(AggregateFunction.AVG, "priority", "avgPriority")
            .aggregate(AggregateFunction.MAX, "createdAt", "latest")
            .sortDescending("n")
            .limit(5)
            .build();
    assertThat(QueryDocument.fromRecord(QueryDocument.toRecord(query))).isEqualTo(query);
    assertThat(query.isAggregation()).isTrue();
  }

  @Test
  void writesTheDocumentedShape() {
    Query query =
        Query.builder()
            .whereEquals("status", str("open"))
            .filter(Filter.isNull("assignee"))
            .sortDescending("createdAt")
            .sortAscending("title")
            .offset(5)
            .limit(100)
            .build();
    BlazeRecord expected =
        BlazeRecord.builder()
            .put(
                "filters",
                arr(
                    dict(Map.of("field", str("status"), "op", str("eq"), "value", str("open"))),
                    dict(Map.of("field", str("assignee"), "op", str("isNull")))))
            .put(
                "sort",
                arr(
                    dict(Map.of("field", str("createdAt"), "descending", BlazeValue.bool(true))),
                    dict(Map.of("field", str("title")))))
            .put("offset", BlazeValue.integer(5))
            .put("limit", BlazeValue.integer(100))
            .build();
    assertThat(QueryDocument.toRecord(query)).isEqualTo(expected);

    Query aggregation = Query.builder().groupBy("status").aggregate(Aggregate.count("n")).build();
    assertThat(QueryDocument.toRecord(aggregation))
        .isEqualTo(
            BlazeRecord.builder()
                .put("groupBy", arr(str("status")))
                .put("aggregates", arr(dict(Map.of("function", str("count"), "alias", str("n")))))
                .build());
  }

  @Test
  void acceptsExplicitDefaults() {
    BlazeRecord record =
        BlazeRecord.builder()
            .put("filters", arr())
            .put("sort", arr(dict(Map.of("field", str("a"), "descending", BlazeValue.bool(false)))))
            .put("offset", BlazeValue.integer(0))
            .put("limit", BlazeValue.nullValue())
            .put("groupBy", arr())
            .put("aggregates", arr())
            .build();
    assertThat(QueryDocument.fromRecord(record))
        .isEqualTo(Query.builder().sortAscending("a").build());
  }

  @Test
  void nullValueForIsNullMeansNoValue() {
    BlazeRecord record =
        filterDoc(Map.of("field", str("a"), "op", str("isNull"), "value", BlazeValue.nullValue()));
    assertThat(QueryDocument.fromRecord(record).filters()).containsExactly(Filter.isNull("a"));
  }

  static Stream<Arguments> invalidDocuments() {
    BlazeValue one = BlazeValue.integer(1);
    return Stream.of(
        Arguments.of(doc("limits", one), "limits: unknown key (expected filters, sort, offset"),
        Arguments.of(doc("filters", one), "filters: expected an array, was int"),
        Arguments.of(
            doc("filters", arr(str("x"))), "filters[0]: expected a dictionary, was string"),
        Arguments.of(
            doc(
                "filters",
                arr(
                    dict(Map.of("field", str("a"), "op", str("eq"), "value", one)),
                    dict(Map.of("field", str("b"), "op", str("equals"), "value", one)))),
            "filters[1].op: unknown operator \"equals\" (expected one of eq, ne, gt, gte, lt, lte,"
                + " contains, in, isNull, notNull)"),
        Arguments.of(
            filterDoc(Map.of("field", str("a"), "op", str("eq"), "valu", one)),
            "filters[0].valu: unknown key (expected field, op, value)"),
        Arguments.of(filterDoc(Map.of("op", str("eq"), "value", one)), "filters[0].field: missing"),
        Arguments.of(filterDoc(Map.of("field", str("a"), "value", one)), "filters[0].op: missing"),
        Arguments.of(
            filterDoc(Map.of("field", one, "op", str("eq"), "value", one)),
            "filters[0].field: expected a string, was int"),
        Arguments.of(
            filterDoc(Map.of("field", str(""), "op", str("eq"), "value", one)),
            "filters[0].field: must be a non-empty field name"),
        Arguments.of(
            filterDoc(Map.of("field", str("a"), "op", one, "value", one)),
            "filters[0].op: expected a string, was int"),
        Arguments.of(
            filterDoc(Map.of("field", str("a"), "op", str("eq"))),
            "filters[0].value: missing value for operator \"eq\" (filter on \"a\")"),
        Arguments.of(
            filterDoc(Map.of("field", str("a"), "op", str("eq"), "value", BlazeValue.nullValue())),
            "filters[0].value: null is not a value for operator \"eq\"; use \"isNull\" or"
                + " \"notNull\""),
        Arguments.of(
            filterDoc(Map.of("field", str("a"), "op", str("notNull"), "value", one)),
            "filters[0].value: operator \"notNull\" takes no value"),
        Arguments.of(
            filterDoc(Map.of("field", str("a"), "op", str("in"), "value", one)),
            "filters[0].value: operator \"in\" needs an array, was int"),
        Arguments.of(
            filterDoc(
                Map.of(
                    "field", str("a"), "op", str("in"), "value", arr(one, BlazeValue.nullValue()))),
            "filters[0].value[1]: null is not allowed in an \"in\" list"),
        Arguments.of(
            filterDoc(Map.of("field", str("a"), "op", str("gt"), "value", BlazeValue.bool(true))),
            "filters[0].value: operator \"gt\" needs an int, double, string, date or uuid, was bool"),
        Arguments.of(
            filterDoc(Map.of("field", str("a"), "op", str("contains"), "value", arr(one))),
            "filters[0].value: operator \"contains\" needs a string, int, double, bool, uuid or"
                + " date, was array"),
        Arguments.of(doc("sort", arr(dict(Map.of()))), "sort[0].field: missing"),
        Arguments.of(
            doc("sort", arr(dict(Map.of("field", str("a"), "descending", str("yes"))))),
            "sort[0].descending: expected a bool, was string"),
        Arguments.of(
            doc("sort", arr(dict(Map.of("field", str("a"), "desc", BlazeValue.bool(true))))),
            "sort[0].desc: unknown key (expected field, descending)"),
        Arguments.of(doc("offset", BlazeValue.integer(-1)), "offset: must not be negative, was -1"),
        Arguments.of(doc("offset", BlazeValue.number(1.0)), "offset: expected an int, was double"),
        Arguments.of(doc("limit", BlazeValue.integer(-5)), "limit: must not be negative, was -5"),
        Arguments.of(
            doc("limit", BlazeValue.integer(1L << 31)),
            "limit: must be at most 2147483647, was 2147483648"),
        Arguments.of(doc("groupBy", arr(one)), "groupBy[0]: expected a string, was int"),
        Arguments.of(doc("groupBy", arr(str("a"), str("a"))), "groupBy[1]: repeats field \"a\""),
        Arguments.of(doc("groupBy", arr(str(""))), "groupBy[0]: must be a non-empty field name"),
        Arguments.of(
            doc("aggregates", arr(dict(Map.of("function", str("count"))))),
            "aggregates[0].alias: missing alias"),
        Arguments.of(
            doc("aggregates", arr(dict(Map.of("function", str("median"), "alias", str("m"))))),
            "aggregates[0].function: unknown function \"median\" (expected one of count, sum, avg,"
                + " min, max)"),
        Arguments.of(
            doc("aggregates", arr(dict(Map.of("alias", str("m"))))),
            "aggregates[0].function: missing"),
        Arguments.of(
            doc("aggregates", arr(dict(Map.of("function", str("sum"), "alias", str("s"))))),
            "aggregates[0].field: function \"sum\" needs a field"),
        Arguments.of(
            doc(
                "aggregates",
                arr(dict(Map.of("function", str("count"), "field", str("a"), "alias", str("n"))))),
            "aggregates[0].field: function \"count\" takes no field, was \"a\""),
        Arguments.of(
            doc(
                "aggregates",
                arr(dict(Map.of("function", str("count"), "alias", str("n"), "as", str("x"))))),
            "aggregates[0].as: unknown key (expected function, field, alias)"),
        Arguments.of(
            doc(
                "aggregates",
                arr(
                    dict(Map.of("function", str("count"), "alias", str("n"))),
                    dict(Map.of("function", str("max"), "field", str("p"), "alias", str("n"))))),
            "aggregates[1].alias: repeats alias \"n\""),
        Arguments.of(
            BlazeRecord.builder()
                .put("groupBy", arr(str("status")))
                .put(
                    "aggregates",
                    arr(dict(Map.of("function", str("count"), "alias", str("status")))))
                .build(),
            "aggregates[0].alias: alias \"status\" is also a groupBy field"),
        Arguments.of(
            BlazeRecord.builder()
                .put("groupBy", arr(str("status")))
                .put("sort", arr(dict(Map.of("field", str("priority")))))
                .build(),
            "sort[0].field: an aggregation sorts by a groupBy field or an aggregate alias;"
                + " \"priority\" is neither"));
  }

  @ParameterizedTest
  @MethodSource("invalidDocuments")
  void rejectsInvalidDocumentNamingThePath(BlazeRecord document, String expectedMessageStart) {
    assertThatThrownBy(() -> QueryDocument.fromRecord(document))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageStartingWith(expectedMessageStart);
  }

  @Test
  void exceptionSeparatesPathAndProblem() {
    InvalidQueryException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidQueryException.class,
            () ->
                QueryDocument.fromRecord(
                    filterDoc(Map.of("field", str("a"), "op", str("equals"), "value", str("x")))));
    assertThat(e.path()).isEqualTo("filters[0].op");
    assertThat(e.problem()).startsWith("unknown operator \"equals\"");
  }
}
