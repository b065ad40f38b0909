package dev.blazebench.server.feed;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.server.store.BlazeStore;
import dev.blazebench.server.store.ChangeEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Fan-out of the change feed: N in-process subscribers on one collection, a writer inserting at a
 * fixed rate, and the latency from each change's commit time (the server clock just before its
 * transaction commits) to its delivery to each subscriber, recorded into an HdrHistogram per rate.
 * A benchmark, not a test: it asserts nothing about speed, but it checks its own result (every
 * subscriber got every change once, in order) and says so.
 *
 * <pre>
 * ./mvnw -B -q -pl reference-server test-compile exec:java \
 *     -Dexec.mainClass=dev.blazebench.server.feed.FanOutBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="--subscribers 1000 --rates 10,100 --duration 20s --warmup 3s"
 * </pre>
 *
 * Writes are paced from their intended start times (wrk2's habit), so a stalled write does not thin
 * the load; the write latency printed beside is measured from the intended start too. Delivery is
 * in-process (no network, no serialisation): this is the feed's own cost, the floor under every
 * push adapter.
 */
public final class FanOutBenchmark {

  private static final String COLLECTION = "fanout";

  /** Options, resolved before the run. */
  record Options(int subscribers, List<Integer> ratesPerSec, long durationSec, long warmupSec) {
    static Options parse(String[] args) {
      int subscribers = 1000;
      List<Integer> rates = List.of(10, 100);
      long durationSec = 20;
      long warmupSec = 3;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--subscribers" -> subscribers = Integer.parseInt(value);
          case "--rates" ->
              rates = Stream.of(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
          case "--duration" -> durationSec = seconds(value);
          case "--warmup" -> warmupSec = seconds(value);
          default ->
              throw new IllegalArgumentException(
                  "unknown flag " + flag + " (known: --subscribers --rates --duration --warmup)");
        }
      }
      if (subscribers < 1 || durationSec < 1 || warmupSec < 0 || rates.isEmpty()) {
        throw new IllegalArgumentException("subscribers and duration must be at least 1");
      }
      for (int rate : rates) {
        if (rate < 1) {
          throw new IllegalArgumentException("rates must be at least 1 per second, was " + rate);
        }
      }
      return new Options(subscribers, rates, durationSec, warmupSec);
    }

    private static long seconds(String text) {
      return Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text);
    }
  }

  /** A subscriber that records latency and checks it sees every sequence once, in order. */
  private static final class LatencySubscriber implements ChangeSubscriber {
    private final AtomicReference<Recorder> recorder;
    private final LongAdder delivered;
    private final AtomicLong errors;
    private final AtomicBoolean runOver;
    private volatile long lastSequence;

    LatencySubscriber(
        AtomicReference<Recorder> recorder,
        LongAdder delivered,
        AtomicLong errors,
        AtomicBoolean runOver) {
      this.recorder = recorder;
      this.delivered = delivered;
      this.errors = errors;
      this.runOver = runOver;
    }

    @Override
    public boolean onChanges(List<ChangeEvent> events) {
      long nowMicros = nowMicros();
      Recorder current = recorder.get();
      long last = lastSequence;
      for (ChangeEvent event : events) {
        if (event.sequence() != last + 1) {
          errors.incrementAndGet();
        }
        last = event.sequence();
        if (current != null) {
          current.recordValue(Math.max(0, nowMicros - event.commitTimeMicros()));
        }
      }
      lastSequence = last;
      delivered.add(events.size());
      return true;
    }

    @Override
    public void onEnd(SubscriptionEnd end) {
      if (!runOver.get() && errors.incrementAndGet() <= 10) {
        System.err.println("subscription ended during the run: " + end.message());
      }
    }
  }

  private FanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("FanOutBenchmark: " + e.getMessage());
      System.exit(1);
      return;
    }
    boolean ok = run(options, System.out);
    System.exit(ok ? 0 : 2);
  }

  static boolean run(Options options, PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("fanout-bench");
    boolean allChecked = true;
    try (BlazeStore store = BlazeStore.open(dir);
        ChangeFeed feed = ChangeFeed.attach(store)) {
      AtomicReference<Recorder> recorder = new AtomicReference<>(); // null while warming up
      LongAdder delivered = new LongAdder();
      AtomicLong errors = new AtomicLong();
      AtomicBoolean runOver = new AtomicBoolean();
      List<LatencySubscriber> subscribers = new ArrayList<>();
      for (int i = 0; i < options.subscribers(); i++) {
        LatencySubscriber subscriber = new LatencySubscriber(recorder, delivered, errors, runOver);
        subscribers.add(subscriber);
        feed.subscribe(COLLECTION, 0, subscriber);
      }
      out.printf(
          Locale.US,
          "FanOutBenchmark: %d subscribers on one collection, %d cores, delivery threads %d,"
              + " %s%n",
          options.subscribers(),
          Runtime.getRuntime().availableProcessors(),
          FeedOptions.defaults().deliveryThreads(),
          loadAverage());
      out.printf(
          Locale.US,
          "%8s %7s %9s %11s %9s %9s %9s %9s %9s %9s %12s%n",
          "rate/s",
          "writes",
          "events",
          "expected",
          "p50 ms",
          "p90 ms",
          "p99 ms",
          "p99.9 ms",
          "max ms",
          "write p99",
          "check");
      for (int rate : options.ratesPerSec()) {
        recorder.set(null);
        writeAtRate(store, rate, options.warmupSec(), null);
        awaitAll(subscribers, store.lastSequence(COLLECTION));
        Recorder latency = new Recorder(3);
        recorder.set(latency);
        long deliveredBefore = delivered.sum();
        Histogram writeLatency = new Histogram(3);
        long writes = writeAtRate(store, rate, options.durationSec(), writeLatency);
        boolean complete = awaitAll(subscribers, store.lastSequence(COLLECTION));
        recorder.set(null);
        Histogram histogram = latency.getIntervalHistogram();
        long events = delivered.sum() - deliveredBefore;
        long expected = writes * options.subscribers();
        boolean checked = complete && errors.get() == 0 && histogram.getTotalCount() == expected;
        allChecked &= checked;
        out.printf(
            Locale.US,
            "%8d %7d %9d %11d %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %12s%n",
            rate,
            writes,
            events,
            expected,
            millis(histogram.getValueAtPercentile(50)),
            millis(histogram.getValueAtPercentile(90)),
            millis(histogram.getValueAtPercentile(99)),
            millis(histogram.getValueAtPercentile(99.9)),
            millis(histogram.getMaxValue()),
            millis(writeLatency.getValueAtPercentile(99)),
            checked ? "ok" : "FAILED(" + errors.get() + ")");
      }
      out.printf(
          Locale.US,
          "after the run: %s; feed holds %d subscriptions, %d queued changes%n",
          loadAverage(),
          feed.subscriberCount(),
          feed.queuedEvents());
      runOver.set(true); // closing ends the subscriptions; that is no error
    } finally {
      deleteRecursively(dir);
    }
    return allChecked;
  }

  /**
   * Inserts one record per tick for {@code durationSec}, each tick at its intended time; records
   * each write's latency from its intended start. Returns the number of writes.
   */
  private static long writeAtRate(
      BlazeStore store, int ratePerSec, long durationSec, Histogram writeLatencyMicros)
      throws InterruptedException {
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSec;
    long writes = durationSec * ratePerSec;
    long start = System.nanoTime();
    BlazeRecord record = BlazeRecord.builder().put("title", BlazeValue.string("fan-out")).build();
    for (long i = 0; i < writes; i++) {
      long intended = start + i * intervalNanos;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait); // pacing the load, not synchronising a test
      }
      store.insert(COLLECTION, record);
      if (writeLatencyMicros != null) {
        writeLatencyMicros.recordValue(
            Math.max(0, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - intended)));
      }
    }
    return writes;
  }

  /** Waits (up to 60 s) until every subscriber has {@code sequence}. */
  private static boolean awaitAll(List<LatencySubscriber> subscribers, long sequence)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (LatencySubscriber subscriber : subscribers) {
      while (subscriber.lastSequence < sequence) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        TimeUnit.MILLISECONDS.sleep(1); // polling the end of a run; latencies are already recorded
      }
    }
    return true;
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return "load average " + fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "load average unknown";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
