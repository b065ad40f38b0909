package dev.blazebench.load.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.run.Catalogue;
import dev.blazebench.load.run.Target;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugFields;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LoadClient} keeps, run against a real reference server: every answer
 * decoded in full, checksums equal to those of protocol's reference client over the same records,
 * ids in order, errors classified, bytes counted at the socket. One subclass per API.
 */
public abstract class LoadClientContractTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final int RECORDS = 300;

  private static ReferenceServer server;
  private static BlazeGrpcClient reference;

  private LoadClient client;
  private String collection;

  /** The API under test, as Catalogue names it. */
  protected abstract String api();

  /** Its target scheme ("blaze", "rest", ...). */
  protected abstract String scheme();

  /** The status code a fetch of a missing record fails with (gRPC NOT_FOUND 5, HTTP 404). */
  protected abstract int notFoundStatus();

  /** Whether answers travel compressed (wire bytes below payload bytes). */
  protected boolean compressesAnswers() {
    return false;
  }

  @BeforeAll
  static void startServer() throws IOException {
    server =
        ReferenceServer.start(
            ServerOptions.defaults().withGrpcPort(0).withHttpPort(0).withSeedRecords(0));
    reference = BlazeGrpcClient.forTarget(server.grpcAddress());
  }

  @AfterAll
  static void stopServer() {
    reference.close();
    server.close();
  }

  @BeforeEach
  void openClient() throws InterruptedException {
    client = open(port());
    client.awaitReady(10_000);
    collection = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    reference.insertMany(collection, BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 0, RECORDS));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private int port() {
    return Target.parse(scheme() + "://h:1").transport() == Target.Transport.GRPC
        ? server.grpcPort()
        : server.httpPort();
  }

  private LoadClient open(int port) {
    return Catalogue.openApi(api(), Target.parse(scheme() + "://127.0.0.1:" + port), 2);
  }

  @Test
  void queryAnswersHoldTheSameRecordsAsTheReferenceClients() throws Exception {
    Query open =
        Query.builder()
            .whereEquals(BugFields.STATUS, BlazeValue.string(BugFields.STATUS_OPEN))
            .limit(50)
            .build();
    for (Query query : List.of(Query.all(), open)) {
      List<BlazeRecord> expected = reference.query(collection, query);
      LoadClient.Answer answer = await(client.query(collection, query, DEADLINE));
      assertThat(answer.records().size()).isEqualTo(expected.size());
      assertThat(answer.records().checksum()).isEqualTo(new BlazeRecords(expected).checksum());
      assertThat(answer.requestPayloadBytes()).isPositive();
      assertThat(answer.responsePayloadBytes()).isGreaterThan(expected.size() * 300L);
    }
  }

  @Test
  void insertsReturnTheirIdsInOrderAndFetchReturnsTheStoredRecord() throws Exception {
    List<BlazeRecord> bugs = BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 1000, 20);
    LoadClient.Answer inserted =
        await(client.insertMany(collection, client.prepare(bugs), DEADLINE));
    assertThat(inserted.ids()).hasSize(20).doesNotHaveDuplicates();
    for (int i : new int[] {0, 7, 19}) {
      BlazeRecord stored = reference.fetch(collection, inserted.ids().get(i));
      assertThat(stored.get(BugFields.TITLE)).isEqualTo(bugs.get(i).get(BugFields.TITLE));
      LoadClient.Answer fetched = await(client.fetch(collection, inserted.ids().get(i), DEADLINE));
      assertThat(fetched.records().size()).isEqualTo(1);
      assertThat(fetched.records().recordHash(0)).isEqualTo(RecordChecksum.ofRecord(stored));
      assertThat(fetched.records().field(0, BugFields.ID))
          .isEqualTo(BlazeValue.uuid(inserted.ids().get(i)));
    }

    LoadClient.Answer one =
        await(client.insert(collection, client.prepare(List.of(bugs.get(3))), DEADLINE));
    assertThat(one.ids()).hasSize(1);
    assertThat(reference.fetch(collection, one.ids().get(0)).get(BugFields.DESCRIPTION))
        .isEqualTo(bugs.get(3).get(BugFields.DESCRIPTION));
  }

  @Test
  void updateAnswersWithTheChangedRecord() throws Exception {
    UUID id =
        reference.query(collection, Query.builder().limit(1).build()).get(0).get("id")
                instanceof BlazeValue.UuidValue u
            ? u.value()
            : null;
    BlazeRecord changes =
        BlazeRecord.builder()
            .put(BugFields.PRIORITY, BlazeValue.integer(5))
            .put(BugFields.STATUS, BlazeValue.string(BugFields.STATUS_CLOSED))
            .build();
    LoadClient.Answer updated = await(client.update(collection, id, changes, DEADLINE));
    assertThat(updated.records().field(0, BugFields.ID)).isEqualTo(BlazeValue.uuid(id));
    assertThat(updated.records().field(0, BugFields.PRIORITY)).isEqualTo(BlazeValue.integer(5));
    assertThat(updated.records().field(0, BugFields.STATUS))
        .isEqualTo(BlazeValue.string(BugFields.STATUS_CLOSED));
    assertThat(updated.records().recordHash(0))
        .isEqualTo(RecordChecksum.ofRecord(reference.fetch(collection, id)));
  }

  @Test
  void aDeletedRecordIsGoneAndFetchingItIsANotFoundStatus() throws Exception {
    List<UUID> ids =
        await(
                client.insertMany(
                    collection,
                    client.prepare(BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 2000, 1)),
                    DEADLINE))
            .ids();
    LoadClient.Answer deleted = await(client.delete(collection, ids.get(0), DEADLINE));
    assertThat(deleted.records().size()).isZero();

    CompletableFuture<LoadClient.Answer> missing = client.fetch(collection, ids.get(0), DEADLINE);
    assertThatThrownBy(() -> await(missing)).isInstanceOf(Exception.class);
    OpOutcome outcome = client.classify(failureOf(missing));
    assertThat(outcome.errorClass()).isEqualTo(ErrorClass.STATUS);
    assertThat(outcome.statusCode()).isEqualTo(notFoundStatus());
  }

  @Test
  void aggregateCountsByStatusAsCountingTheDownloadedRecordsDoes() throws Exception {
    Query byStatus =
        Query.builder().groupBy(BugFields.STATUS).aggregate(Aggregate.count("n")).build();
    Records rows = await(client.aggregate(collection, byStatus, DEADLINE)).records();
    Map<BlazeValue, BlazeValue> serverCounts = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      serverCounts.put(rows.field(i, BugFields.STATUS), rows.field(i, "n"));
    }
    Records all = await(client.query(collection, Query.all(), DEADLINE)).records();
    Map<BlazeValue, BlazeValue> clientCounts = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      clientCounts.merge(
          all.field(i, BugFields.STATUS),
          BlazeValue.integer(1),
          (a, b) ->
              BlazeValue.integer(
                  ((BlazeValue.IntValue) a).value() + ((BlazeValue.IntValue) b).value()));
    }
    assertThat(serverCounts).hasSize(3).isEqualTo(clientCounts);
  }

  @Test
  void aStreamAddsUpToTheQuerysChecksumBatchByBatch() throws Exception {
    Query all = Query.all();
    long expected = await(client.query(collection, all, DEADLINE)).records().checksum();
    LoadClient.Answer streamed = await(client.streamQuery(collection, all, 7, DEADLINE));
    assertThat(streamed.records()).isInstanceOf(StreamedRecords.class);
    assertThat(streamed.records().size()).isEqualTo(RECORDS);
    assertThat(streamed.records().checksum()).isEqualTo(expected);
    assertThat(streamed.responsePayloadBytes()).isGreaterThan(RECORDS * 300L);

    LoadClient.Answer serverBatches = await(client.streamQuery(collection, all, 0, DEADLINE));
    assertThat(serverBatches.records().checksum()).isEqualTo(expected);
  }

  @Test
  void wireBytesAreCountedAtTheSocketAndIncludeThePayloads() throws Exception {
    WireCounter.Snapshot before = client.wireCounter().snapshot();
    LoadClient.Answer answer = await(client.query(collection, Query.all(), DEADLINE));
    WireCounter.Snapshot wire = client.wireCounter().snapshot().minus(before);
    assertThat(wire.sentBytes()).isGreaterThan(answer.requestPayloadBytes());
    if (compressesAnswers()) {
      // 300 records of JSON text compress several times over.
      assertThat(wire.receivedBytes()).isPositive().isLessThan(answer.responsePayloadBytes() / 2);
    } else {
      assertThat(wire.receivedBytes()).isGreaterThan(answer.responsePayloadBytes());
    }
  }

  @Test
  void anUnreachableTargetFailsWithinTheTimeoutSayingWhere() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort(); // closed again: nothing listens there
    }
    try (LoadClient unreachable = open(freePort)) {
      assertThatThrownBy(() -> unreachable.awaitReady(1_000))
          .isInstanceOf(TargetUnreachableException.class)
          .hasMessageContaining("127.0.0.1:" + freePort);
    }
  }

  @Test
  void idsOfAnInsertAreDistinctAcrossCalls() throws Exception {
    HashSet<UUID> seen = new HashSet<>();
    PreparedRecords batch = client.prepare(BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 3000, 10));
    for (int call = 0; call < 3; call++) {
      seen.addAll(await(client.insertMany(collection, batch, DEADLINE)).ids());
    }
    assertThat(seen).hasSize(30);
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    try {
      future.get(60, TimeUnit.SECONDS);
      throw new AssertionError("expected the call to fail");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
