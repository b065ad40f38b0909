package dev.blazebench.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeClientException;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.BlazeNativeClient;
import dev.blazebench.protocol.client.ClientSettings;
import dev.blazebench.protocol.workload.BugWorkload;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability end to end: a reference server in its own JVM takes inserts over gRPC from several
 * clients, is killed with SIGKILL while writes are in flight, and is restarted on the same
 * directory; every insert it had acknowledged must be there, and no InsertMany half there.
 */
class ServerKillTest {

  private static final int WRITERS = 4;
  private static final int ACKS_BEFORE_KILL = 2_000;
  private static final int BATCH = 5;

  @TempDir Path dataDir;
  @TempDir Path logDir;

  @Test
  void everyAcknowledgedInsertSurvivesKillDashNineOfTheServer() throws Exception {
    Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    List<List<UUID>> acknowledgedBatches = new CopyOnWriteArrayList<>();
    List<List<UUID>> sentBatches = new CopyOnWriteArrayList<>();
    AtomicInteger failedCalls = new AtomicInteger();
    CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);

    Process server = startServer("first");
    String target;
    try {
      target = readReadyTarget(server);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread thread =
            new Thread(
                () -> {
                  ClientSettings settings =
                      ClientSettings.defaults().withDeadline(Duration.ofSeconds(30));
                  try (BlazeClient client =
                      writer % 2 == 0
                          ? BlazeGrpcClient.forTarget(target, settings)
                          : BlazeNativeClient.forTarget(target, settings)) {
                    for (int i = 0; ; i++) {
                      int index = writer * 1_000_000 + i * BATCH;
                      try {
                        if (i % 4 == 3) {
                          List<BlazeRecord> batch =
                              BugWorkload.bugs(BugWorkload.DEFAULT_SEED, index, BATCH);
                          List<UUID> ids = batch.stream().map(ServerKillTest::idOf).toList();
                          sentBatches.add(ids);
                          client.insertMany("bugs", batch);
                          acknowledged.addAll(ids);
                          acknowledgedBatches.add(ids);
                          for (int k = 0; k < BATCH; k++) {
                            enough.countDown();
                          }
                        } else {
                          acknowledged.add(
                              client.insert(
                                  "bugs", BugWorkload.newBug(BugWorkload.DEFAULT_SEED, index)));
                          enough.countDown();
                        }
                      } catch (BlazeClientException e) {
                        failedCalls.incrementAndGet();
                        return; // the server is gone
                      }
                    }
                  }
                },
                "writer-" + w);
        thread.start();
        writers.add(thread);
      }
      assertThat(enough.await(120, TimeUnit.SECONDS)).as("acknowledged inserts").isTrue();
      server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, no last commit
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // 128 + 9: the JVM really died of SIGKILL, not of a graceful stop.
      assertThat(server.exitValue()).isEqualTo(137);
      for (Thread thread : writers) {
        thread.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
      }
    } finally {
      server.destroyForcibly();
    }

    Process restarted = startServer("restarted");
    try {
      String newTarget = readReadyTarget(restarted);
      int found = 0;
      try (BlazeClient client = BlazeGrpcClient.forTarget(newTarget)) {
        for (UUID id : acknowledged) {
          assertThat(client.fetch("bugs", id).get("id")).isEqualTo(BlazeValue.uuid(id));
          found++;
        }
        // An InsertMany is all or nothing, also the ones in flight when the server died.
        int batchesInFlight = 0;
        for (List<UUID> batch : sentBatches) {
          int present = 0;
          for (UUID id : batch) {
            present += exists(client, id) ? 1 : 0;
          }
          assertThat(present).as("records of one InsertMany present").isIn(0, BATCH);
          if (!acknowledgedBatches.contains(batch)) {
            batchesInFlight++;
          }
        }
        long stored = client.query("bugs", dev.blazebench.protocol.query.Query.all()).size();
        System.out.printf(
            "ServerKillTest: %d inserts acknowledged (%d InsertMany batches), %d found after"
                + " restart; %d records stored; %d calls failed at the kill; %d batches were in"
                + " flight%n",
            acknowledged.size(),
            acknowledgedBatches.size(),
            found,
            stored,
            failedCalls.get(),
            batchesInFlight);
        assertThat(found).isEqualTo(acknowledged.size());
        assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
      }
    } finally {
      restarted.destroy(); // SIGTERM: the graceful path
      assertThat(restarted.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(restarted.exitValue()).as("exit after SIGTERM").isEqualTo(143);
    }
    String firstLog = Files.readString(logDir.resolve("first.log"));
    String restartedLog = Files.readString(logDir.resolve("restarted.log"));
    System.out.println("---- first server's log ----\n" + firstLog);
    System.out.println("---- restarted server's log ----\n" + restartedLog);
    assertThat(firstLog).contains("gRPC BlazeBinary (wrapped+native), Protobuf on 127.0.0.1:");
    // SIGTERM ran the shutdown hook: a graceful stop that closed the store.
    assertThat(restartedLog).contains("stopped; store closed");
    assertThat(firstLog).doesNotContain("stopped; store closed");
  }

  private Process startServer(String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ServerProcess.class.getName(),
            dataDir.toString())
        .redirectError(logDir.resolve(name + ".log").toFile())
        .start();
  }

  /** Reads the child's stdout to its ready line; returns the gRPC {@code host:port}. */
  private static String readReadyTarget(Process process) throws Exception {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = lines.readLine();
    assertThat(line).as("the server's ready line").isNotNull().startsWith("ready grpc=");
    return line.substring("ready grpc=".length()).split(" ")[0];
  }

  private static boolean exists(BlazeClient client, UUID id) {
    try {
      client.fetch("bugs", id);
      return true;
    } catch (BlazeClientException e) {
      if (e.kind() == BlazeClientException.Kind.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private static UUID idOf(BlazeRecord record) {
    return ((BlazeValue.UuidValue) record.get("id")).value();
  }
}
