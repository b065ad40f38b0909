package dev.blazebench.load.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.engine.Driver;
import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.RunRecording;
import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.record.IntervalSink;
import dev.blazebench.load.record.OperationTotals;
import dev.blazebench.load.run.Catalogue;
import dev.blazebench.load.run.Target;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugFields;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scenario run for a second by the real driver against a real reference server: it prepares
 * its data, every call passes its own check, and a changed answer fails the check.
 */
class ScenarioRunsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private static ReferenceServer server;
  private static BlazeGrpcClient reference;

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

  private static LoadClient client(String scheme) throws InterruptedException {
    int port = scheme.startsWith("rest") ? server.httpPort() : server.grpcPort();
    LoadClient client =
        Catalogue.openApi(
            Target.parse(scheme + "://h:1").api(),
            Target.parse(scheme + "://127.0.0.1:" + port),
            2);
    client.awaitReady(10_000);
    return client;
  }

  private static String freshCollection() {
    return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Prepares {@code scenario} and runs it closed-loop, 2 in flight, for a second. */
  private static RunRecording run(Scenario scenario, List<String> progress) throws Exception {
    scenario.prepare(DEADLINE, progress::add);
    DriverConfig config =
        DriverConfig.of(LoadProfile.closed(2, Duration.ofSeconds(1)), 2, DEADLINE);
    return Driver.create(config, scenario, epochMillis -> IntervalSink.NONE).run(System.nanoTime());
  }

  private static Map<String, OperationTotals> byName(RunRecording recording) {
    Map<String, OperationTotals> ops = new HashMap<>();
    for (OperationTotals op : recording.operations()) {
      ops.put(op.operationName(), op);
    }
    return ops;
  }

  private static void assertNoErrors(RunRecording recording) {
    assertThat(recording.firstErrors()).isEmpty();
    for (OperationTotals op : recording.operations()) {
      assertThat(op.errorCount()).as(op.operationName()).isZero();
    }
  }

  @Test
  void fetch1000PassesOnEveryApiFamilyAndFailsValidationWhenTheDataChanges() throws Exception {
    for (String scheme : List.of("blaze", "proto", "rest+gzip")) {
      String collection = freshCollection();
      try (LoadClient client = client(scheme)) {
        RunRecording ok = run(new Fetch1000(client, collection), new ArrayList<>());
        assertNoErrors(ok);
        OperationTotals query = ok.operations().get(0);
        assertThat(query.successes()).as(scheme).isPositive();
        assertThat(query.recordsReceived()).isEqualTo(query.successes() * 1000);

        Fetch1000 changed = new Fetch1000(client, collection);
        changed.prepare(DEADLINE);
        UUID first = idOf(reference.query(collection, Fetch1000.QUERY).get(0));
        reference.update(
            collection,
            first,
            BlazeRecord.builder().put(BugFields.TITLE, BlazeValue.string("x")).build());
        RunRecording failing =
            Driver.create(
                    DriverConfig.of(LoadProfile.closed(1, Duration.ofMillis(300)), 1, DEADLINE),
                    changed,
                    epochMillis -> IntervalSink.NONE)
                .run(System.nanoTime());
        OperationTotals checked = failing.operations().get(0);
        assertThat(checked.successes()).isZero();
        assertThat(checked.errorsByClass().get(ErrorClass.VALIDATION)).isPositive();
      }
    }
  }

  @Test
  void getOneFetchesRecordsEqualToThoseBeforeTheRun() throws Exception {
    String collection = freshCollection();
    try (LoadClient client = client("proto")) {
      List<String> progress = new ArrayList<>();
      RunRecording recording = run(new GetOne(client, collection), progress);
      assertNoErrors(recording);
      assertThat(recording.operations().get(0).successes()).isPositive();
      assertThat(progress).anyMatch(line -> line.contains("inserting 1000 workload records"));
    }
  }

  @Test
  void crudMixRunsEachOperationInItsRatioAndDeletesWhatItInserted() throws Exception {
    String collection = freshCollection();
    try (LoadClient client = client("rest")) {
      RunRecording recording =
          run(
              new CrudMix(
                  client,
                  collection,
                  CrudMix.Ratios.parse("read=25,insert=25,update=25,delete=25")),
              new ArrayList<>());
      assertNoErrors(recording);
      for (OperationTotals op : recording.operations()) {
        assertThat(op.successes()).as(op.operationName()).isPositive();
      }
    }
  }

  @Test
  void aDeleteWithNothingToDeleteInsertsFirstInTheSameIteration() throws Exception {
    String collection = freshCollection();
    try (LoadClient client = client("blaze-native")) {
      long before = 1000;
      RunRecording recording =
          run(new CrudMix(client, collection, CrudMix.Ratios.parse("delete=1")), new ArrayList<>());
      assertNoErrors(recording);
      Map<String, OperationTotals> ops = byName(recording);
      assertThat(ops.get("delete").successes()).isPositive();
      assertThat(ops.get("insert").successes()).isEqualTo(ops.get("delete").successes());
      assertThat(ops.get("read").successes()).isZero();
      // Everything inserted was deleted again: the pool is all that is left.
      assertThat(reference.query(collection, Query.all())).hasSize((int) before);
    }
  }

  @Test
  void aggregateCountsBothWaysToTheSameAnswer() throws Exception {
    String collection = freshCollection();
    try (LoadClient client = client("blaze")) {
      List<String> progress = new ArrayList<>();
      RunRecording recording = run(new AggregateByStatus(client, collection), progress);
      assertNoErrors(recording);
      Map<String, OperationTotals> ops = byName(recording);
      assertThat(ops.get("aggregate").successes()).isPositive();
      assertThat(ops.get("download-count").successes()).isPositive();
      assertThat(ops.get("aggregate").recordsReceived())
          .isEqualTo(3 * ops.get("aggregate").successes());
      assertThat(ops.get("download-count").recordsReceived())
          .isEqualTo(10_000 * ops.get("download-count").successes());
      assertThat(progress).anyMatch(line -> line.contains("10000 records, by status"));
    }
  }

  @Test
  void aStreamOfNRecordsChecksItsCountAndChecksumOnEveryApiFamily() throws Exception {
    String collection = freshCollection();
    for (String scheme : List.of("blaze-native", "proto", "rest")) {
      try (LoadClient client = client(scheme)) {
        RunRecording recording =
            run(new Stream1m(client, collection, 3000, 250), new ArrayList<>());
        assertNoErrors(recording);
        OperationTotals stream = recording.operations().get(0);
        assertThat(stream.successes()).as(scheme).isPositive();
        assertThat(stream.recordsReceived()).isEqualTo(3000 * stream.successes());
        assertThat(recording.injector().heap().peakUsedBytes()).isPositive();
      }
    }
  }

  private static UUID idOf(BlazeRecord record) {
    return ((BlazeValue.UuidValue) record.get("id")).value();
  }
}
