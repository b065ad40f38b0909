package dev.blazebench.server.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.client.BatchStream;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeClientException;
import dev.blazebench.protocol.query.AggregateFunction;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.core.BlazeDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API contract: the same operations, queries, aggregations and errors give the same results on
 * every API of the reference server. One subclass per API runs all of it against real servers
 * (grpc-java's {@code AbstractTransportTest} pattern), each over its own fresh store; every test
 * uses a fresh collection. Expected results come from the canonical workload and plain Java, or
 * from the {@link BlazeDatabase} itself called without any API in between.
 *
 * <p>Where an API cannot express an operation (the typed Protobuf API holds only a bug's fields),
 * the test is skipped for it with the reason, never silently passed: see {@link
 * #expressesAnyRecord()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractApiContractTest {

  /** The request limit of every API in the suite, so the oversize case stays small. */
  static final int MAX_MESSAGE_BYTES = 1024 * 1024;

  static final long SEED = BugWorkload.DEFAULT_SEED;

  private ContractServers servers;
  private BlazeClient client;
  private String collection;

  /** A client of the API under test. */
  protected abstract BlazeClient connect(ContractServers servers);

  /**
   * Whether the API carries any record and any query (schemaless APIs), or only those a {@code Bug}
   * message can hold (the typed Protobuf API).
   */
  protected boolean expressesAnyRecord() {
    return true;
  }

  @BeforeAll
  void startServers(@TempDir Path dataDir) {
    servers = ContractServers.start(dataDir, MAX_MESSAGE_BYTES);
    client = connect(servers);
  }

  @AfterAll
  void stopServers() {
    if (client != null) {
      client.close();
    }
    if (servers != null) {
      servers.close();
    }
  }

  @BeforeEach
  void useFreshCollection(TestInfo test) {
    collection = "contract_" + test.getTestMethod().orElseThrow().getName();
  }

  // ---- writes ----

  @Test
  void insertSetsIdAndCreatedAt() {
    BlazeRecord sent = BugWorkload.newBug(SEED, 0);

    BlazeRecord stored = client.insertReturningRecord(collection, sent);

    assertThat(stored.get("id")).isInstanceOf(BlazeValue.UuidValue.class);
    assertThat(stored.get("createdAt")).isInstanceOf(BlazeValue.DateValue.class);
    assertThat(withoutServerFields(stored)).isEqualTo(sent);
    assertThat(db().fetch(collection, idOf(stored))).isEqualTo(stored);
  }

  @Test
  void insertReturnsTheNewId() {
    BlazeRecord sent = BugWorkload.newBug(SEED, 1);

    UUID id = client.insert(collection, sent);

    assertThat(withoutServerFields(db().fetch(collection, id))).isEqualTo(sent);
  }

  @Test
  void insertKeepsTheClientsIdAndCreatedAt() {
    BlazeRecord bug = BugWorkload.bug(SEED, 2);

    assertThat(client.insertReturningRecord(collection, bug)).isEqualTo(bug);
    assertThat(client.insert(collection, BugWorkload.bug(SEED, 3)))
        .isEqualTo(BugWorkload.id(SEED, 3));
  }

  @Test
  void insertManyReturnsIdsInOrder() {
    List<BlazeRecord> sent = BugWorkload.newBugs(SEED, 0, 20);

    List<UUID> ids = client.insertMany(collection, sent);

    assertThat(ids).hasSize(20).doesNotHaveDuplicates();
    for (int i = 0; i < sent.size(); i++) {
      assertThat(withoutServerFields(db().fetch(collection, ids.get(i)))).isEqualTo(sent.get(i));
    }
  }

  @Test
  void insertManyReturnsStoredRecordsInOrder() {
    List<BlazeRecord> sent = BugWorkload.newBugs(SEED, 20, 5);

    List<BlazeRecord> stored = client.insertManyReturningRecords(collection, sent);

    assertThat(stored).hasSize(5);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(withoutServerFields(stored.get(i))).isEqualTo(sent.get(i));
      assertThat(db().fetch(collection, idOf(stored.get(i)))).isEqualTo(stored.get(i));
    }
  }

  @Test
  void fetchReturnsTheStoredRecordExactly() {
    List<BlazeRecord> bugs = BugWorkload.bugs(SEED, 0, 3);
    db().insertMany(collection, bugs);

    for (BlazeRecord bug : bugs) {
      assertThat(client.fetch(collection, idOf(bug))).isEqualTo(bug);
    }
  }

  @Test
  void updateMergesRemovesNullFieldsAndSetsUpdatedAt() {
    BlazeRecord original = BugWorkload.bug(SEED, 4);
    db().insert(collection, original);
    BlazeRecord changes =
        BlazeRecord.builder()
            .put("status", BlazeValue.string("closed"))
            .put("priority", BlazeValue.integer(1))
            .put("assignee", BlazeValue.nullValue())
            .build();

    BlazeRecord updated = client.update(collection, idOf(original), changes);

    assertThat(updated.get("status")).isEqualTo(BlazeValue.string("closed"));
    assertThat(updated.get("priority")).isEqualTo(BlazeValue.integer(1));
    assertThat(updated.contains("assignee")).isFalse();
    assertThat(updated.get("updatedAt")).isInstanceOf(BlazeValue.DateValue.class);
    BlazeRecord untouched =
        original.toBuilder().remove("status").remove("priority").remove("assignee").build();
    assertThat(updated.toBuilder().remove("status").remove("priority").remove("updatedAt").build())
        .isEqualTo(untouched);
    assertThat(client.fetch(collection, idOf(original))).isEqualTo(updated);
  }

  @Test
  void updateAddsFieldsOfAnyType() {
    Assumptions.assumeTrue(
        expressesAnyRecord(), "a Bug message has no place for fields beyond the bug's own");
    BlazeRecord original = BugWorkload.bug(SEED, 5);
    db().insert(collection, original);
    BlazeRecord changes =
        BlazeRecord.builder()
            .put("severity", BlazeValue.string("high"))
            .put("votes", BlazeValue.integer(42))
            .put("score", BlazeValue.number(0.75))
            .put("flagged", BlazeValue.bool(true))
            .put(
                "meta",
                new BlazeValue.DictionaryValue(
                    BlazeRecord.builder()
                        .put("source", BlazeValue.string("import"))
                        .put("attempts", BlazeValue.integer(3))
                        .build()))
            .build();

    BlazeRecord updated = client.update(collection, idOf(original), changes);

    for (int i = 0; i < changes.size(); i++) {
      assertThat(updated.get(changes.nameAt(i))).isEqualTo(changes.valueAt(i));
    }
    assertThat(client.fetch(collection, idOf(original))).isEqualTo(updated);
  }

  @Test
  void deleteThenFetchIsNotFound() {
    BlazeRecord bug = BugWorkload.bug(SEED, 6);
    db().insert(collection, bug);

    client.delete(collection, idOf(bug));

    assertFails(BlazeClientException.Kind.NOT_FOUND, () -> client.fetch(collection, idOf(bug)));
    assertThat(db().count(collection)).isZero();
  }

  // ---- queries ----

  @Test
  void queryAppliesEveryFilterOperator() {
    List<BlazeRecord> bugs = seedQueryData();
    BlazeValue someId = bugs.get(17).get("id");
    BlazeValue midYear = BlazeValue.date(Instant.parse("2025-07-01T00:00:00Z"));
    Map<String, Query> cases = new LinkedHashMap<>();
    cases.put("eq", where("status", FilterOp.EQ, BlazeValue.string("open")));
    cases.put("eq uuid", where("id", FilterOp.EQ, someId));
    cases.put("ne", where("status", FilterOp.NE, BlazeValue.string("open")));
    cases.put("gt", where("priority", FilterOp.GT, BlazeValue.integer(3)));
    cases.put("gte", where("priority", FilterOp.GTE, BlazeValue.integer(4)));
    cases.put("lt", where("priority", FilterOp.LT, BlazeValue.integer(2)));
    cases.put("lte", where("priority", FilterOp.LTE, BlazeValue.integer(2)));
    cases.put("gte date", where("createdAt", FilterOp.GTE, midYear));
    cases.put("lt date", where("createdAt", FilterOp.LT, midYear));
    cases.put("contains array item", where("tags", FilterOp.CONTAINS, BlazeValue.string("crash")));
    cases.put("contains substring", where("title", FilterOp.CONTAINS, BlazeValue.string("Sync")));
    cases.put(
        "in",
        Query.builder()
            .whereIn("status", List.of(BlazeValue.string("open"), BlazeValue.string("closed")))
            .build());
    cases.put("isNull", Query.builder().where("assignee", FilterOp.IS_NULL, null).build());
    cases.put("notNull", Query.builder().where("assignee", FilterOp.NOT_NULL, null).build());
    cases.put(
        "two filters",
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .where("priority", FilterOp.GTE, BlazeValue.integer(4))
            .build());

    for (Map.Entry<String, Query> c : cases.entrySet()) {
      List<BlazeRecord> expected = db().query(collection, c.getValue());
      assertThat(expected)
          .as("%s selects some records but not all (else the case proves little)", c.getKey())
          .isNotEmpty()
          .hasSizeLessThan(bugs.size());
      assertThat(client.query(collection, c.getValue())).as(c.getKey()).isEqualTo(expected);
    }
    long open =
        bugs.stream().filter(b -> b.get("status").equals(BlazeValue.string("open"))).count();
    assertThat(client.query(collection, cases.get("eq"))).hasSize((int) open);
    assertThat(client.query(collection, cases.get("isNull"))).hasSize(2);
  }

  @Test
  void querySortsByManyKeysThenAppliesOffsetAndLimit() {
    List<BlazeRecord> bugs = seedQueryData();
    Query query =
        Query.builder()
            .sortDescending("priority")
            .sortAscending("createdAt")
            .offset(10)
            .limit(25)
            .build();
    List<BlazeRecord> sorted = new ArrayList<>(bugs);
    sorted.sort(
        Comparator.comparingLong((BlazeRecord b) -> priority(b))
            .reversed()
            .thenComparing(b -> ((BlazeValue.DateValue) b.get("createdAt")).toInstant()));

    List<BlazeRecord> page = client.query(collection, query);

    assertThat(page).containsExactlyElementsOf(sorted.subList(10, 35));
    assertThat(client.query(collection, Query.builder().offset(5).limit(7).build()))
        .isEqualTo(db().query(collection, Query.builder().offset(5).limit(7).build()))
        .hasSize(7);
    assertThat(client.query(collection, Query.builder().limit(0).build())).isEmpty();
    assertThat(client.query(collection, Query.all())).hasSameElementsAs(bugs);
  }

  @Test
  void aggregateGroupsByStatusWithEveryFunction() {
    List<BlazeRecord> bugs = seedQueryData();
    Query query =
        Query.builder()
            .groupBy("status")
            .aggregate(AggregateFunction.COUNT, null, "n")
            .aggregate(AggregateFunction.SUM, "priority", "total")
            .aggregate(AggregateFunction.AVG, "priority", "mean")
            .aggregate(AggregateFunction.MIN, "priority", "lowest")
            .aggregate(AggregateFunction.MAX, "priority", "highest")
            .sortAscending("status")
            .build();
    Map<String, List<Long>> byStatus = new TreeMap<>();
    for (BlazeRecord bug : bugs) {
      String status = ((BlazeValue.StringValue) bug.get("status")).value();
      byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(priority(bug));
    }
    List<BlazeRecord> expected = new ArrayList<>();
    byStatus.forEach(
        (status, priorities) -> {
          long sum = priorities.stream().mapToLong(Long::longValue).sum();
          expected.add(
              BlazeRecord.builder()
                  .put("status", BlazeValue.string(status))
                  .put("n", BlazeValue.integer(priorities.size()))
                  .put("total", BlazeValue.integer(sum))
                  .put("mean", BlazeValue.number((double) sum / priorities.size()))
                  .put("lowest", BlazeValue.integer(java.util.Collections.min(priorities)))
                  .put("highest", BlazeValue.integer(java.util.Collections.max(priorities)))
                  .build());
        });

    assertThat(client.aggregate(collection, query)).containsExactlyElementsOf(expected);
  }

  @Test
  void aggregateWithoutGroupByGivesOneRow() {
    List<BlazeRecord> bugs = seedQueryData();
    Query query =
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .aggregate(AggregateFunction.COUNT, null, "n")
            .build();

    List<BlazeRecord> rows = client.aggregate(collection, query);

    long open =
        bugs.stream().filter(b -> b.get("status").equals(BlazeValue.string("open"))).count();
    assertThat(rows)
        .containsExactly(BlazeRecord.builder().put("n", BlazeValue.integer(open)).build());
  }

  @Test
  void streamQueryReturnsAllMatchingRecordsInBatches() {
    seedQueryData();
    Query query = Query.builder().where("status", FilterOp.NE, BlazeValue.string("closed")).build();
    List<BlazeRecord> expected = db().query(collection, query);
    List<Integer> sizes = new ArrayList<>();
    List<BlazeRecord> received = new ArrayList<>();

    long count =
        client.streamQuery(
            collection,
            query,
            40,
            batch -> {
              sizes.add(batch.size());
              received.addAll(batch);
            });

    assertThat(count).isEqualTo(expected.size());
    assertThat(received).isEqualTo(expected);
    assertThat(sizes).hasSize((expected.size() + 39) / 40);
    assertThat(sizes.subList(0, sizes.size() - 1)).containsOnly(40);
  }

  @Test
  void streamQueryKeepsSortOffsetAndLimit() {
    seedQueryData();
    Query query = Query.builder().sortDescending("createdAt").offset(3).limit(50).build();

    List<BlazeRecord> received = new ArrayList<>();
    client.streamQuery(collection, query, 0, received::addAll);

    assertThat(received).isEqualTo(db().query(collection, query)).hasSize(50);
  }

  // ---- errors ----

  @Test
  void unknownIdIsNotFoundForFetchUpdateAndDelete() {
    UUID unknown = UUID.randomUUID();
    BlazeRecord changes = BlazeRecord.builder().put("status", BlazeValue.string("open")).build();

    assertFails(BlazeClientException.Kind.NOT_FOUND, () -> client.fetch(collection, unknown));
    assertFails(
        BlazeClientException.Kind.NOT_FOUND, () -> client.update(collection, unknown, changes));
    assertFails(BlazeClientException.Kind.NOT_FOUND, () -> client.delete(collection, unknown));
    assertThat(db().count(collection)).isZero();
  }

  @Test
  void insertWithATakenIdIsAlreadyExists() {
    BlazeRecord bug = BugWorkload.bug(SEED, 7);
    client.insert(collection, bug);

    assertFails(BlazeClientException.Kind.ALREADY_EXISTS, () -> client.insert(collection, bug));
    assertThat(db().count(collection)).isEqualTo(1);
  }

  @Test
  void insertManyWithATakenIdWritesNothing() {
    List<BlazeRecord> batch = new ArrayList<>(BugWorkload.bugs(SEED, 0, 10));
    batch.add(BugWorkload.bug(SEED, 3)); // the same id as batch[3]

    assertFails(
        BlazeClientException.Kind.ALREADY_EXISTS, () -> client.insertMany(collection, batch));
    assertThat(db().count(collection)).isZero();
  }

  @Test
  void insertManyWithOneInvalidRecordWritesNothing() {
    Assumptions.assumeTrue(
        expressesAnyRecord(),
        "a Bug's createdAt is a Timestamp: a record with a text createdAt cannot be sent");
    List<BlazeRecord> batch = new ArrayList<>(BugWorkload.newBugs(SEED, 0, 10));
    batch.add(
        BugWorkload.newBug(SEED, 10).toBuilder()
            .put("createdAt", BlazeValue.string("yesterday"))
            .build());

    assertFails(
        BlazeClientException.Kind.INVALID_ARGUMENT, () -> client.insertMany(collection, batch));
    assertThat(db().count(collection)).isZero();
  }

  @Test
  void invalidQueryIsInvalidArgument() {
    seedQueryData();
    Query aggregation =
        Query.builder().groupBy("status").aggregate(AggregateFunction.COUNT, null, "n").build();
    Query plain = Query.builder().whereEquals("status", BlazeValue.string("open")).build();

    assertFails(
        BlazeClientException.Kind.INVALID_ARGUMENT, () -> client.query(collection, aggregation));
    assertFails(
        BlazeClientException.Kind.INVALID_ARGUMENT, () -> client.aggregate(collection, plain));
    assertFails(
        BlazeClientException.Kind.INVALID_ARGUMENT,
        () -> {
          try (BatchStream batches = client.streamQuery(collection, aggregation, 10)) {
            while (batches.hasNext()) {
              batches.next();
            }
          }
        });
  }

  @Test
  void oversizedRequestIsResourceExhaustedAndWritesNothing() {
    List<BlazeRecord> tooMany = BugWorkload.newBugs(SEED, 0, 4000); // > 1 MiB in every encoding

    assertFails(
        BlazeClientException.Kind.RESOURCE_EXHAUSTED, () -> client.insertMany(collection, tooMany));
    assertThat(db().count(collection)).isZero();
    // The server keeps serving.
    UUID id = client.insert(collection, BugWorkload.newBug(SEED, 0));
    assertThat(client.fetch(collection, id).get("title"))
        .isEqualTo(BugWorkload.newBug(SEED, 0).get("title"));
  }

  // ---- helpers ----

  /**
   * 300 workload bugs with their own ids and dates, plus two without an assignee, inserted through
   * the API under test; returns them as stored.
   */
  private List<BlazeRecord> seedQueryData() {
    List<BlazeRecord> bugs = new ArrayList<>(BugWorkload.bugs(SEED, 0, 300));
    bugs.add(BugWorkload.bug(SEED, 300).toBuilder().remove("assignee").build());
    bugs.add(BugWorkload.bug(SEED, 301).toBuilder().remove("assignee").build());
    assertThat(client.insertMany(collection, bugs)).hasSize(bugs.size());
    return bugs;
  }

  private BlazeDatabase db() {
    return servers.database();
  }

  private static Query where(String field, FilterOp op, BlazeValue value) {
    return Query.builder().where(field, op, value).build();
  }

  private static void assertFails(BlazeClientException.Kind kind, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
  }

  static UUID idOf(BlazeRecord record) {
    return ((BlazeValue.UuidValue) record.get("id")).value();
  }

  private static long priority(BlazeRecord bug) {
    return ((BlazeValue.IntValue) bug.get("priority")).value();
  }

  static BlazeRecord withoutServerFields(BlazeRecord record) {
    return record.toBuilder().remove("id").remove("createdAt").remove("updatedAt").build();
  }
}
