package dev.blazebench.reports.testing;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.CodecBenchmark;
import dev.blazebench.reports.model.CodecResults;
import dev.blazebench.reports.model.CodecSize;
import dev.blazebench.reports.model.Environment;
import dev.blazebench.reports.model.Latency;
import dev.blazebench.reports.model.LoadSetting;
import dev.blazebench.reports.model.Placement;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunWarning;
import dev.blazebench.reports.model.Settings;
import dev.blazebench.reports.model.TimelinePoint;
import dev.blazebench.reports.model.TotalResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * A compare run made up in code, deterministic to the byte: every figure follows from the API's
 * speed factor and a seeded random source, so tests know the answers (for instance, gRPC
 * BlazeBinary receives exactly 0.4 of REST/JSON's wire bytes in fetch-1000).
 */
public final class SyntheticRun {

  public static final Instant STARTED_AT = Instant.parse("2026-11-27T12:00:00Z");

  /** Median latency (µs) of each API in each scenario; the spread around it is fixed. */
  private static final Map<String, Map<String, Long>> MEDIAN_MICROS = new LinkedHashMap<>();

  static {
    MEDIAN_MICROS.put(
        "insert-100",
        Map.of("grpc-blazebinary", 2_000L, "grpc-protobuf", 2_400L, "rest-json", 4_000L));
    MEDIAN_MICROS.put(
        "fetch-1000",
        Map.of(
            "grpc-blazebinary", 5_000L,
            "grpc-protobuf", 6_000L,
            "rest-json", 20_000L,
            "rest-json-gzip", 25_000L));
    MEDIAN_MICROS.put(
        "realtime",
        Map.of("grpc-blazebinary", 3_000L, "websocket-json", 4_000L, "rest-poll-5s", 2_500_000L));
    MEDIAN_MICROS.put("aggregate", Map.of("grpc-blazebinary", 800L, "rest-json", 1_000L));
  }

  /** Wire bytes received per operation, per scenario and API. */
  private static final Map<String, Map<String, Double>> WIRE_RECEIVED_PER_OP =
      Map.of(
          "insert-100",
          Map.of("grpc-blazebinary", 1_900.0, "grpc-protobuf", 1_950.0, "rest-json", 4_100.0),
          "fetch-1000",
          Map.of(
              "grpc-blazebinary", 200_000.0,
              "grpc-protobuf", 190_000.0,
              "rest-json", 500_000.0,
              "rest-json-gzip", 80_000.0),
          "realtime",
          Map.of("grpc-blazebinary", 380.0, "websocket-json", 520.0, "rest-poll-5s", 1_400.0),
          "aggregate",
          Map.of("grpc-blazebinary", 120.0, "rest-json", 450.0));

  private SyntheticRun() {}

  /** The full synthetic run: four scenarios, six APIs, three rounds, codec results. */
  public static RunResults build() {
    List<String> apis =
        List.of(
            "grpc-blazebinary",
            "grpc-protobuf",
            "rest-json",
            "rest-json-gzip",
            "websocket-json",
            "rest-poll-5s");
    List<String> scenarios = List.of("insert-100", "fetch-1000", "realtime", "aggregate");
    Settings settings =
        new Settings(
            "quick",
            3,
            apis,
            scenarios,
            "rest-json",
            5.0,
            2.0,
            1.0,
            List.of(
                new LoadSetting("insert-100", "open", 50.0, null, 1, 16),
                new LoadSetting("fetch-1000", "open", 20.0, null, 1, 16),
                new LoadSetting("realtime", "open", 10.0, null, 1, 1),
                new LoadSetting("aggregate", "closed", null, 1, 1, 1)),
            "quick");
    List<ApiScenarioResult> results = new ArrayList<>();
    long seed = 1;
    for (var scenario : MEDIAN_MICROS.entrySet()) {
      for (String api : apis) {
        Long median = scenario.getValue().get(api);
        if (median != null) {
          results.add(
              result(api, scenario.getKey(), median, WIRE_RECEIVED_PER_OP, settings, seed++));
        }
      }
    }
    return RunResults.of(
        environment(),
        settings,
        List.of(
            new RunWarning(
                "cores-shared",
                "server and driver shared 2 cores (taskset not available): latencies include"
                    + " their contention")),
        results,
        codec());
  }

  public static Environment environment() {
    return new Environment(
        "0123456789abcdef0123456789abcdef01234567",
        false,
        "OpenJDK 64-Bit Server VM 17.0.15 (Debian)",
        "17.0.15",
        "Linux 6.1.0",
        "amd64",
        2,
        "Synthetic CPU @ 2.0GHz",
        8L << 30,
        "synthetic-host",
        STARTED_AT,
        STARTED_AT.plus(Duration.ofSeconds(150)),
        new Placement(false, null, null, "server and driver share all cores"),
        null);
  }

  private static ApiScenarioResult result(
      String api,
      String scenario,
      long medianMicros,
      Map<String, Map<String, Double>> wireReceived,
      Settings settings,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String operation =
        switch (scenario) {
          case "insert-100" -> "insertMany";
          case "fetch-1000" -> "query";
          case "realtime" -> "delivery";
          default -> "aggregate";
        };
    double received = wireReceived.get(scenario).get(api);
    boolean realtime = scenario.equals("realtime");
    Histogram total = new Histogram(3);
    Histogram uncorrected = new Histogram(3);
    List<RoundResult> rounds = new ArrayList<>();
    List<TimelinePoint> timeline = new ArrayList<>();
    int perRound = 100;
    for (int round = 1; round <= settings.rounds(); round++) {
      Histogram roundHistogram = new Histogram(3);
      // Each round drifts a little (±3%), as real rounds do, so ratios have a spread.
      double drift = 1 + (round - 2) * 0.03 * (seed % 2 == 0 ? 1 : -1);
      for (int i = 0; i < perRound; i++) {
        // Log-normal-ish: most calls near the median, a tail up to ~4x.
        double factor = Math.exp(random.nextGaussian() * 0.25) * (random.nextInt(50) == 0 ? 3 : 1);
        long value = Math.max(1, Math.round(medianMicros * drift * factor));
        roundHistogram.recordValue(value);
        uncorrected.recordValue(Math.max(1, value * 9 / 10));
      }
      total.add(roundHistogram);
      Instant roundStart = STARTED_AT.plusSeconds(10L + 40L * (round - 1));
      rounds.add(
          new RoundResult(
              round,
              roundStart,
              "rounds/r0" + round + "/" + api + "--" + scenario + "/results.json",
              settings.roundDurationSec(),
              perRound,
              0,
              perRound / settings.roundDurationSec(),
              Math.round(roundHistogram.getMean() * 1000) / 1000.0,
              roundHistogram.getValueAtPercentile(50),
              roundHistogram.getValueAtPercentile(90),
              roundHistogram.getValueAtPercentile(99),
              roundHistogram.getValueAtPercentile(99.9),
              roundHistogram.getMaxValue(),
              realtime ? null : received / 20,
              received * 0.9,
              realtime ? null : received / 15,
              received * drift,
              medianMicros / 10.0,
              medianMicros / 8.0,
              null,
              false));
      for (int second = 0; second < 5; second++) {
        timeline.add(
            new TimelinePoint(
                round,
                second,
                second + 1.0,
                perRound / 5,
                Math.round(medianMicros * drift),
                Math.round(medianMicros * drift * 2.5)));
      }
    }
    int roundsRun = settings.rounds();
    double durationSec = roundsRun * settings.roundDurationSec();
    long count = total.getTotalCount();
    Map<String, Long> errors = new LinkedHashMap<>();
    for (String errorClass : List.of("CONNECT", "DEADLINE", "STATUS", "DECODE", "VALIDATION")) {
      errors.put(errorClass, 0L);
    }
    errors.put("OTHER", 0L);
    TotalResult totalResult =
        new TotalResult(
            durationSec,
            count,
            0,
            errors,
            count / durationSec,
            Latency.of(total),
            Latency.of(uncorrected),
            realtime ? null : received / 20,
            received * 0.9,
            realtime ? null : received / 15,
            received,
            medianMicros / 10.0,
            medianMicros / 8.0,
            null,
            scenario.equals("fetch-1000") ? 1000 * count / durationSec : null,
            realtime ? received * 10 * 3600 : null);
    return new ApiScenarioResult(api, scenario, operation, rounds, totalResult, timeline);
  }

  public static CodecResults codec() {
    List<CodecSize> sizes = new ArrayList<>();
    List<CodecBenchmark> benchmarks = new ArrayList<>();
    Object[][] formats = {
      // format, Fetch1000 raw, gzip, encode µs, decode µs
      {"BlazeBinaryV1", 368_274L, 67_838L, 410.0, 340.0},
      {"BlazeBinaryV2", 372_274L, 73_431L, 450.0, 380.0},
      {"Json", 459_760L, 73_236L, 1_500.0, 2_000.0},
      {"JsonGzip", 73_236L, null, 9_000.0, 4_000.0},
      {"Protobuf", 336_053L, 69_572L, 320.0, 450.0},
      {"Fory", 340_254L, 66_747L, 140.0, 180.0},
    };
    for (Object[] f : formats) {
      String format = (String) f[0];
      sizes.add(new CodecSize("Fetch1000", format, (Long) f[1], (Long) f[2]));
      Long gzip = (Long) f[2];
      sizes.add(
          new CodecSize("Fetch1", format, (Long) f[1] - 4_000, gzip == null ? null : gzip * 4));
      // Iterations from 10 (8) µs faster to 15 (12) µs slower than the median.
      benchmarks.add(fetch1000(format, "encode", (Double) f[3], 12.5, 10, 15, 650_000.0));
      benchmarks.add(fetch1000(format, "decode", (Double) f[4], 10.0, 8, 12, 900_000.0));
      benchmarks.add(
          new CodecBenchmark(
              "Fetch1", format, "encode", (Double) f[3] / 900, null, null, null, null));
      benchmarks.add(
          new CodecBenchmark(
              "Fetch1", format, "decode", (Double) f[4] / 900, null, null, null, null));
    }
    return new CodecResults("quick", "OpenJDK 64-Bit Server VM 17.0.15", sizes, benchmarks);
  }

  private static CodecBenchmark fetch1000(
      String format,
      String operation,
      double median,
      double error,
      double fasterBy,
      double slowerBy,
      double alloc) {
    return new CodecBenchmark(
        "Fetch1000", format, operation, median, error, median - fasterBy, median + slowerBy, alloc);
  }
}
