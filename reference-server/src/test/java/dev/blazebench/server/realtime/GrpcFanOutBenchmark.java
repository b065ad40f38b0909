package dev.blazebench.server.realtime;

import dev.blazebench.protocol.client.BlazeClientException;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.Change;
import dev.blazebench.protocol.client.ChangeListener;
import dev.blazebench.protocol.client.ChangeSubscription;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Fan-out over the network, end to end: a real server, N gRPC Subscribe streams on one collection
 * spread over a few channels (BlazeBinary wrapped API, the Java client), a writer inserting one
 * record at a fixed rate through gRPC, and for every delivered change the latency from its server
 * commit time to its arrival at the subscriber (same machine, same clock), into an HdrHistogram. A
 * benchmark, not a test: it checks its own result (every stream got every change once, in order).
 *
 * <pre>
 * ./mvnw -B -q -pl reference-server test-compile exec:java \
 *     -Dexec.mainClass=dev.blazebench.server.realtime.GrpcFanOutBenchmark \
 *     -Dexec.classpathScope=test -Dexec.args="1000 10 20"
 * </pre>
 *
 * Arguments: subscribers (1000), writes per second (10), seconds (20), channels (4).
 */
public final class GrpcFanOutBenchmark {

  private GrpcFanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int channelCount = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    Path dir = Files.createTempDirectory("blazebench-fanout-");
    ServerOptions options =
        ServerOptions.defaults()
            .withApis(EnumSet.of(ServerApi.BLAZE))
            .withGrpcPort(0)
            .withDataDir(dir)
            .withSeedRecords(0)
            .withShutdownGrace(Duration.ofSeconds(1));
    Recorder latency = new Recorder(3);
    AtomicLong delivered = new AtomicLong();
    AtomicLong outOfOrder = new AtomicLong();
    AtomicLong ended = new AtomicLong();
    try (ReferenceServer server = ReferenceServer.start(options);
        BlazeGrpcClient writer = BlazeGrpcClient.forTarget("127.0.0.1:" + server.grpcPort())) {
      List<ManagedChannel> channels = new ArrayList<>();
      List<ChangeSubscription> subscriptions = new ArrayList<>();
      for (int c = 0; c < channelCount; c++) {
        channels.add(
            NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build());
      }
      for (int s = 0; s < subscribers; s++) {
        BlazeGrpcClient client = BlazeGrpcClient.create(channels.get(s % channelCount));
        subscriptions.add(
            client.subscribeFromLatest(
                "fanout",
                new ChangeListener() {
                  private long last = -1;

                  @Override
                  public void onChanges(List<Change> changes) {
                    Instant now = Instant.now();
                    long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
                    for (Change change : changes) {
                      if (last >= 0 && change.sequence() != last + 1) {
                        outOfOrder.incrementAndGet();
                      }
                      last = change.sequence();
                      latency.recordValue(Math.max(0, nowMicros - change.commitTimeMicros()));
                    }
                    delivered.addAndGet(changes.size());
                  }

                  @Override
                  public void onEnd(BlazeClientException reason) {
                    ended.incrementAndGet();
                  }
                }));
      }
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (server.database().changeFeed().subscriberCount("fanout") < subscribers
          && System.nanoTime() < waitUntil) {
        Thread.sleep(20);
      }
      System.out.printf(
          Locale.ROOT,
          "%d subscribers on %d channels; writing %d/s for %d s%n",
          server.database().changeFeed().subscriberCount("fanout"),
          channelCount,
          rate,
          seconds);
      latency.reset();
      long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
      long start = System.nanoTime();
      int writes = rate * seconds;
      for (int i = 0; i < writes; i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        writer.insert("fanout", BugWorkload.bugs(11, i, 1).get(0));
      }
      long expected = (long) writes * subscribers;
      long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (delivered.get() < expected && System.nanoTime() < drainUntil) {
        Thread.sleep(20);
      }
      var histogram = latency.getIntervalHistogram();
      System.out.printf(
          Locale.ROOT,
          "delivered %,d of %,d (out of order %d, ended early %d)%n"
              + "commit->receive latency: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
          delivered.get(),
          expected,
          outOfOrder.get(),
          ended.get(),
          histogram.getValueAtPercentile(50) / 1000.0,
          histogram.getValueAtPercentile(99) / 1000.0,
          histogram.getValueAtPercentile(99.9) / 1000.0,
          histogram.getMaxValue() / 1000.0);
      subscriptions.forEach(ChangeSubscription::cancel);
      channels.forEach(ManagedChannel::shutdownNow);
    }
  }
}
