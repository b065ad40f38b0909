package dev.blazebench.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeClientException;
import dev.blazebench.protocol.client.BlazeClientException.Kind;
import dev.blazebench.protocol.nativegrpc.BlazeMarshallers;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import io.grpc.CallOptions;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every gRPC API of the reference server must do, run against a real server through each API's
 * own {@link BlazeClient}: the happy paths over workload bugs, and the error cases (unknown id,
 * duplicate id, oversized message, a query of the wrong kind), each followed by a call that shows
 * the server still serves. Subclasses add the malformed-bytes cases their encoding has.
 */
abstract class AbstractGrpcApiTest {

  static final long SEED = BugWorkload.DEFAULT_SEED;
  static final String BUGS = "bugs";

  @TempDir Path dataDir;
  RunningServer grpc;
  BlazeClient client;

  /** The client for the API under test, on {@code grpc.channel}. */
  abstract BlazeClient createClient(RunningServer server);

  @BeforeEach
  void startServer() throws IOException {
    grpc = RunningServer.start(dataDir);
    client = createClient(grpc);
  }

  @AfterEach
  void stopServer() {
    client.close();
    grpc.close();
  }

  @Test
  void insertSetsIdAndCreatedAtAndFetchReturnsTheStoredRecord() {
    BlazeRecord bug = BugWorkload.newBug(SEED, 0);
    UUID id = client.insert(BUGS, bug);
    BlazeRecord fetched = client.fetch(BUGS, id);
    assertThat(fetched.get("id")).isEqualTo(BlazeValue.uuid(id));
    assertThat(fetched.get("createdAt")).isInstanceOf(BlazeValue.DateValue.class);
    assertThat(fetched.get("title")).isEqualTo(bug.get("title"));
    assertThat(fetched.get("tags")).isEqualTo(bug.get("tags"));

    BlazeRecord stored = client.insertReturningRecord(BUGS, BugWorkload.newBug(SEED, 1));
    assertThat(client.fetch(BUGS, idOf(stored))).isEqualTo(stored);
  }

  @Test
  void insertManyKeepsOrderAndEveryRecordIsFetchable() {
    List<BlazeRecord> bugs = BugWorkload.bugs(SEED, 0, 25);
    List<UUID> ids = client.insertMany(BUGS, bugs);
    assertThat(ids).isEqualTo(bugs.stream().map(AbstractGrpcApiTest::idOf).toList());
    for (int i = 0; i < bugs.size(); i++) {
      assertThat(client.fetch(BUGS, ids.get(i))).isEqualTo(bugs.get(i));
    }
    List<BlazeRecord> more = BugWorkload.bugs(SEED, 25, 3);
    assertThat(client.insertManyReturningRecords(BUGS, more)).isEqualTo(more);
  }

  @Test
  void updateSetsFieldsRemovesNullOnesAndStampsUpdatedAt() {
    BlazeRecord bug = BugWorkload.bug(SEED, 0);
    client.insertMany(BUGS, List.of(bug));
    BlazeRecord changes =
        BlazeRecord.builder()
            .put("title", BlazeValue.string("Renamed"))
            .put("assignee", BlazeValue.nullValue())
            .build();
    BlazeRecord updated = client.update(BUGS, idOf(bug), changes);
    assertThat(updated.get("title")).isEqualTo(BlazeValue.string("Renamed"));
    assertThat(updated.contains("assignee")).isFalse();
    assertThat(updated.get("updatedAt")).isInstanceOf(BlazeValue.DateValue.class);
    assertThat(updated.get("description")).isEqualTo(bug.get("description"));
    assertThat(client.fetch(BUGS, idOf(bug))).isEqualTo(updated);
  }

  @Test
  void deleteRemovesTheRecordAndASecondDeleteIsNotFound() {
    BlazeRecord bug = BugWorkload.bug(SEED, 0);
    client.insertMany(BUGS, List.of(bug));
    client.delete(BUGS, idOf(bug));
    assertKind(() -> client.fetch(BUGS, idOf(bug)), Kind.NOT_FOUND);
    assertKind(() -> client.delete(BUGS, idOf(bug)), Kind.NOT_FOUND);
  }

  @Test
  void queryFiltersSortsAndLimitsAsTheEngineDoes() {
    List<BlazeRecord> bugs = BugWorkload.bugs(SEED, 0, 300);
    client.insertMany(BUGS, bugs);
    Query openNewestFirst =
        Query.builder()
            .where("status", FilterOp.EQ, BlazeValue.string("open"))
            .sortDescending("createdAt")
            .limit(20)
            .build();
    List<BlazeRecord> expected =
        bugs.stream()
            .filter(b -> b.get("status").equals(BlazeValue.string("open")))
            .sorted(Comparator.comparing(AbstractGrpcApiTest::createdAtSeconds).reversed())
            .limit(20)
            .toList();
    assertThat(client.query(BUGS, openNewestFirst)).isEqualTo(expected);
    assertThat(client.query(BUGS, Query.all())).hasSize(300);
  }

  @Test
  void aggregateCountsPerGroup() {
    List<BlazeRecord> bugs = BugWorkload.bugs(SEED, 0, 300);
    client.insertMany(BUGS, bugs);
    Query perStatus =
        Query.builder()
            .groupBy("status")
            .aggregate(Aggregate.count("n"))
            .sortAscending("status")
            .build();
    Map<String, Long> expected =
        bugs.stream()
            .collect(
                Collectors.groupingBy(
                    b -> ((BlazeValue.StringValue) b.get("status")).value(),
                    TreeMap::new,
                    Collectors.counting()));
    List<BlazeRecord> rows = client.aggregate(BUGS, perStatus);
    Map<String, Long> actual = new TreeMap<>();
    for (BlazeRecord row : rows) {
      actual.put(
          ((BlazeValue.StringValue) row.get("status")).value(),
          ((BlazeValue.IntValue) row.get("n")).value());
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(rows).extracting(r -> r.get("status").toString()).isSorted();
  }

  @Test
  void streamQueryDeliversEveryRecordInBatchesOfTheAskedSize() {
    List<BlazeRecord> bugs = BugWorkload.bugs(SEED, 0, 2_500);
    for (int from = 0; from < bugs.size(); from += 500) {
      client.insertMany(BUGS, bugs.subList(from, from + 500));
    }
    List<Integer> sizes = new ArrayList<>();
    List<BlazeRecord> received = new ArrayList<>();
    long count =
        client.streamQuery(
            BUGS,
            Query.all(),
            1000,
            batch -> {
              sizes.add(batch.size());
              received.addAll(batch);
            });
    assertThat(count).isEqualTo(2_500);
    assertThat(sizes).containsExactly(1000, 1000, 500);
    assertThat(received).containsExactlyInAnyOrderElementsOf(bugs);
  }

  @Test
  void anUnknownIdIsNotFoundAndTheServerKeepsServing() {
    UUID missing = UUID.fromString("00000000-0000-4000-8000-000000000001");
    assertThatThrownBy(() -> client.fetch(BUGS, missing))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
              assertThat(e).hasMessageContaining(missing.toString());
            });
    assertKind(
        () ->
            client.update(
                BUGS,
                missing,
                BlazeRecord.builder().put("priority", BlazeValue.integer(1)).build()),
        Kind.NOT_FOUND);
    assertStillServes();
  }

  @Test
  void aTakenIdIsAlreadyExistsAndNothingIsHalfWritten() {
    List<BlazeRecord> bugs = BugWorkload.bugs(SEED, 0, 3);
    client.insertMany(BUGS, List.of(bugs.get(1)));
    assertKind(() -> client.insertMany(BUGS, bugs), Kind.ALREADY_EXISTS);
    // All or nothing: the batch's first and last record are not there either.
    assertKind(() -> client.fetch(BUGS, idOf(bugs.get(0))), Kind.NOT_FOUND);
    assertKind(() -> client.fetch(BUGS, idOf(bugs.get(2))), Kind.NOT_FOUND);
    assertStillServes();
  }

  @Test
  void aMessageOverTheLimitIsResourceExhaustedAndTheServerKeepsServing() {
    BlazeRecord huge =
        BugWorkload.newBug(SEED, 0).toBuilder()
            .put("description", BlazeValue.string("x".repeat(RunningServer.MAX_MESSAGE_BYTES + 1)))
            .build();
    assertKind(() -> client.insert(BUGS, huge), Kind.RESOURCE_EXHAUSTED);
    assertThat(client.query(BUGS, Query.all())).isEmpty();
    assertStillServes();
  }

  @Test
  void anAggregationSentAsQueryIsInvalidArgumentAndViceVersa() {
    Query perStatus = Query.builder().groupBy("status").build();
    assertThatThrownBy(() -> client.query(BUGS, perStatus))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
              assertThat(e).hasMessageContaining("invalid query").hasMessageContaining("Aggregate");
            });
    assertKind(() -> client.aggregate(BUGS, Query.all()), Kind.INVALID_ARGUMENT);
    assertKind(() -> client.streamQuery(BUGS, perStatus, 10, batch -> {}), Kind.INVALID_ARGUMENT);
    assertStillServes();
  }

  // ---- helpers ----

  /** Inserts and reads back a record: the server still answers normally. */
  void assertStillServes() {
    BlazeRecord bug = BugWorkload.bug(SEED, 9_999);
    List<UUID> ids = client.insertMany(BUGS, List.of(bug));
    assertThat(client.fetch(BUGS, ids.get(0))).isEqualTo(bug);
  }

  static void assertKind(Runnable call, Kind kind) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
  }

  static UUID idOf(BlazeRecord record) {
    return ((BlazeValue.UuidValue) record.get("id")).value();
  }

  private static double createdAtSeconds(BlazeRecord record) {
    return ((BlazeValue.DateValue) record.get("createdAt")).secondsSinceReferenceDate();
  }

  /** Sends {@code message} as the raw request of {@code fullMethodName}; returns the failure. */
  StatusRuntimeException rawCallFailure(String fullMethodName, byte[] message, Metadata headers) {
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(fullMethodName)
            .setRequestMarshaller(BlazeMarshallers.bytes())
            .setResponseMarshaller(BlazeMarshallers.bytes())
            .build();
    io.grpc.Channel channel =
        io.grpc.ClientInterceptors.intercept(
            grpc.channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    try {
      ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT, message);
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError(fullMethodName + " succeeded with a malformed request");
  }
}
