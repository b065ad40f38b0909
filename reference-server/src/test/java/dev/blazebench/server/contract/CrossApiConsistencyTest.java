package dev.blazebench.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.BlazeNativeClient;
import dev.blazebench.protocol.client.ProtoBugClient;
import dev.blazebench.protocol.client.RestJsonClient;
import dev.blazebench.protocol.query.AggregateFunction;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One store, every API at once: the same data read through each API gives identical {@link
 * BlazeRecord}s, and what any API writes every other API reads back identically. This is the
 * fairness rule "same store, same data, same query semantics" checked end to end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossApiConsistencyTest {

  private static final String COLLECTION = "bugs";
  private static final int RECORDS = 500;

  private ContractServers servers;
  private final Map<String, BlazeClient> clients = new LinkedHashMap<>();

  @BeforeAll
  void start(@TempDir Path dataDir) {
    servers = ContractServers.start(dataDir, AbstractApiContractTest.MAX_MESSAGE_BYTES);
    servers
        .database()
        .insertMany(COLLECTION, BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, RECORDS));
    clients.put("blaze-wrapped", BlazeGrpcClient.forTarget(servers.grpcTarget()));
    clients.put("blaze-native", BlazeNativeClient.forTarget(servers.grpcTarget()));
    clients.put("protobuf", ProtoBugClient.forTarget(servers.grpcTarget()));
    clients.put("rest-json", RestJsonClient.builder(servers.httpUri()).build());
    clients.put("rest-json-gzip", RestJsonClient.builder(servers.httpUri()).gzip(true).build());
    clients.put(
        "rest-json-h2c",
        RestJsonClient.builder(servers.httpUri()).httpVersion(HttpClient.Version.HTTP_2).build());
  }

  @AfterAll
  void stop() {
    clients.values().forEach(BlazeClient::close);
    servers.close();
  }

  @Test
  void everyApiFetchesIdenticalRecords() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < RECORDS; i += 25) {
      ids.add(BugWorkload.id(BugWorkload.DEFAULT_SEED, i));
    }
    List<BlazeRecord> expected = new ArrayList<>();
    for (UUID id : ids) {
      expected.add(servers.database().fetch(COLLECTION, id));
    }

    assertEveryApiReads(
        client -> {
          List<BlazeRecord> fetched = new ArrayList<>();
          for (UUID id : ids) {
            fetched.add(client.fetch(COLLECTION, id));
          }
          return fetched;
        },
        expected);
  }

  @Test
  void everyApiQueriesIdenticalRecords() {
    Query openNewestFirst =
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .where("priority", FilterOp.GTE, BlazeValue.integer(2))
            .sortDescending("createdAt")
            .limit(100)
            .build();

    assertEveryApiReads(
        client -> client.query(COLLECTION, openNewestFirst),
        servers.database().query(COLLECTION, openNewestFirst));
    assertEveryApiReads(
        client -> client.query(COLLECTION, Query.all()),
        servers.database().query(COLLECTION, Query.all()));
  }

  @Test
  void everyApiAggregatesIdenticalRows() {
    Query perStatus =
        Query.builder()
            .groupBy("status")
            .aggregate(AggregateFunction.COUNT, null, "n")
            .aggregate(AggregateFunction.AVG, "priority", "meanPriority")
            .aggregate(AggregateFunction.MAX, "createdAt", "newest")
            .sortDescending("n")
            .build();

    assertEveryApiReads(
        client -> client.aggregate(COLLECTION, perStatus),
        servers.database().aggregate(COLLECTION, perStatus));
  }

  @Test
  void everyApiStreamsIdenticalRecords() {
    Query inProgress =
        Query.builder().whereEquals("status", BlazeValue.string("in_progress")).build();

    assertEveryApiReads(
        client -> {
          List<BlazeRecord> received = new ArrayList<>();
          client.streamQuery(COLLECTION, inProgress, 64, received::addAll);
          return received;
        },
        servers.database().query(COLLECTION, inProgress));
  }

  @Test
  void whatEachApiWritesEveryApiReadsIdentically() {
    List<UUID> written = new ArrayList<>();
    int index = RECORDS;
    for (BlazeClient writer : clients.values()) {
      written.add(writer.insert("written", BugWorkload.newBug(BugWorkload.DEFAULT_SEED, index++)));
    }
    List<BlazeRecord> expected = new ArrayList<>();
    for (UUID id : written) {
      expected.add(servers.database().fetch("written", id));
    }

    assertEveryApiReads(
        client -> {
          List<BlazeRecord> read = new ArrayList<>();
          for (UUID id : written) {
            read.add(client.fetch("written", id));
          }
          return read;
        },
        expected);
  }

  private void assertEveryApiReads(
      Function<BlazeClient, List<BlazeRecord>> read, List<BlazeRecord> expected) {
    assertThat(expected).isNotEmpty();
    clients.forEach((api, client) -> assertThat(read.apply(client)).as(api).isEqualTo(expected));
  }
}
