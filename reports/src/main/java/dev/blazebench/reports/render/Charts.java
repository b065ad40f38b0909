package dev.blazebench.reports.render;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.CodecBenchmark;
import dev.blazebench.reports.model.CodecSize;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * The charts of a run's report: per scenario, the latency percentile spectrum (from the full
 * histograms), throughput and latency over time, bytes and CPU per operation; then codec size and
 * speed. Colours follow the API's place in the run's API list, so an API looks the same everywhere.
 */
final class Charts {

  private Charts() {}

  static List<Chart> of(RunResults run) {
    List<Chart> charts = new ArrayList<>();
    for (String scenario : run.settings().scenarios()) {
      List<ApiScenarioResult> results =
          run.results().stream().filter(r -> r.scenario().equals(scenario)).toList();
      if (results.isEmpty()) {
        continue;
      }
      charts.add(spectrum(run, scenario, results, charts.size()));
      charts.add(throughputOverTime(run, scenario, results, charts.size()));
      charts.add(latencyOverTime(run, scenario, results, charts.size()));
      charts.add(bytesPerOp(run, scenario, results, charts.size()));
      charts.add(cpuPerOp(run, scenario, results, charts.size()));
    }
    if (run.codec() != null) {
      charts.add(codecSizes(run, charts.size()));
      charts.add(codecSpeed(run, charts.size()));
    }
    return charts;
  }

  private static String id(int index) {
    return "chart-" + (index + 1);
  }

  private static String name(ApiScenarioResult result, List<ApiScenarioResult> inScenario) {
    long sameApi = inScenario.stream().filter(r -> r.api().equals(result.api())).count();
    return sameApi > 1 ? result.api() + ":" + result.operation() : result.api();
  }

  private static int color(RunResults run, ApiScenarioResult result) {
    return Math.max(0, run.settings().apis().indexOf(result.api()));
  }

  private static Chart spectrum(
      RunResults run, String scenario, List<ApiScenarioResult> results, int index) {
    long largest =
        results.stream().mapToLong(r -> r.total().latencyMicros().count()).max().orElse(0);
    List<Double> grid = PercentileSpectrum.grid(largest);
    List<Chart.Series> series = new ArrayList<>();
    for (ApiScenarioResult result : results) {
      Histogram histogram = result.total().latencyMicros().decodeHistogram();
      series.add(
          new Chart.Series(
              name(result, results),
              PercentileSpectrum.sample(histogram, grid),
              false,
              color(run, result)));
    }
    return new Chart(
        id(index),
        scenario,
        "Latency by percentile, " + scenario + " (all rounds, from the intended start)",
        "line",
        "percentile",
        "percentile",
        "micros",
        true,
        List.of(),
        grid,
        series);
  }

  /** Rounds laid end to end: x = (round - 1) × round length + the interval's end. */
  private static double timelineX(double roundLengthSec, TimelinePoint point) {
    return (point.round() - 1) * roundLengthSec + point.endSec();
  }

  /**
   * The round length a scenario's rounds are laid end to end with: the settings' round duration, or
   * the longest round any API of the scenario ran if that is longer (runs over a shaped link last
   * at least ten calls, and polled runs whole poll intervals), so that rounds never overlap.
   */
  static double roundLengthSec(RunResults run, List<ApiScenarioResult> results) {
    double longest = run.settings().roundDurationSec();
    for (ApiScenarioResult result : results) {
      for (TimelinePoint point : result.timeline()) {
        longest = Math.max(longest, point.endSec());
      }
    }
    return longest;
  }

  private static List<Double> timelineGrid(double roundLengthSec, List<ApiScenarioResult> results) {
    TreeSet<Double> xs = new TreeSet<>();
    results.forEach(r -> r.timeline().forEach(p -> xs.add(timelineX(roundLengthSec, p))));
    return List.copyOf(xs);
  }

  private interface PointValue {
    Double of(TimelinePoint point);
  }

  private static List<Double> align(
      double roundLengthSec, List<Double> grid, ApiScenarioResult result, PointValue value) {
    List<Double> values = new ArrayList<>();
    for (double x : grid) {
      Double found = null;
      for (TimelinePoint point : result.timeline()) {
        if (timelineX(roundLengthSec, point) == x) {
          found = value.of(point);
        }
      }
      values.add(found);
    }
    return values;
  }

  /**
   * An interval's throughput, or a gap for a run's short first or last interval (under half a
   * second): a few calls divided by a fraction of a second drew spikes (200/s at 20/s offered) and
   * drops to 0/s at every round boundary.
   */
  private static Double throughputOfFullInterval(TimelinePoint point) {
    return point.endSec() - point.startSec() < MIN_THROUGHPUT_INTERVAL_SEC
        ? null
        : point.throughputPerSec();
  }

  private static final double MIN_THROUGHPUT_INTERVAL_SEC = 0.5;

  private static Chart throughputOverTime(
      RunResults run, String scenario, List<ApiScenarioResult> results, int index) {
    double roundLengthSec = roundLengthSec(run, results);
    List<Double> grid = timelineGrid(roundLengthSec, results);
    List<Chart.Series> series = new ArrayList<>();
    for (ApiScenarioResult result : results) {
      series.add(
          new Chart.Series(
              name(result, results),
              align(roundLengthSec, grid, result, Charts::throughputOfFullInterval),
              false,
              color(run, result)));
    }
    return new Chart(
        id(index),
        scenario,
        "Throughput over time, " + scenario + " (successful calls per second)",
        "line",
        "seconds",
        "seconds, rounds laid end to end",
        "perSec",
        false,
        List.of(),
        grid,
        series);
  }

  private static Chart latencyOverTime(
      RunResults run, String scenario, List<ApiScenarioResult> results, int index) {
    double roundLengthSec = roundLengthSec(run, results);
    List<Double> grid = timelineGrid(roundLengthSec, results);
    List<Chart.Series> series = new ArrayList<>();
    for (ApiScenarioResult result : results) {
      series.add(
          new Chart.Series(
              name(result, results) + " p50",
              align(
                  roundLengthSec,
                  grid,
                  result,
                  p -> p.count() == 0 ? null : (double) p.p50Micros()),
              false,
              color(run, result)));
      series.add(
          new Chart.Series(
              name(result, results) + " p99",
              align(
                  roundLengthSec,
                  grid,
                  result,
                  p -> p.count() == 0 ? null : (double) p.p99Micros()),
              true,
              color(run, result)));
    }
    return new Chart(
        id(index),
        scenario,
        "Latency over time, " + scenario + " (p50 solid, p99 dashed)",
        "line",
        "seconds",
        "seconds, rounds laid end to end",
        "micros",
        true,
        List.of(),
        grid,
        series);
  }

  private static Double sum(Double a, Double b) {
    if (a == null && b == null) {
      return null;
    }
    return (a == null ? 0 : a) + (b == null ? 0 : b);
  }

  private static List<Double> indices(int count) {
    List<Double> x = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      x.add((double) i);
    }
    return x;
  }

  private static Chart bytesPerOp(
      RunResults run, String scenario, List<ApiScenarioResult> results, int index) {
    List<String> categories = results.stream().map(r -> name(r, results)).toList();
    List<Double> payload = new ArrayList<>();
    List<Double> wire = new ArrayList<>();
    for (ApiScenarioResult result : results) {
      var total = result.total();
      payload.add(sum(total.payloadSentPerOp(), total.payloadReceivedPerOp()));
      wire.add(sum(total.wireSentPerOp(), total.wireReceivedPerOp()));
    }
    return new Chart(
        id(index),
        scenario,
        "Bytes per operation, " + scenario + " (sent + received: payload vs wire)",
        "bars",
        "categories",
        "API",
        "bytes",
        false,
        categories,
        indices(categories.size()),
        List.of(
            new Chart.Series("payload", payload, false, 0),
            new Chart.Series("wire", wire, false, 3)));
  }

  private static Chart cpuPerOp(
      RunResults run, String scenario, List<ApiScenarioResult> results, int index) {
    List<String> categories = results.stream().map(r -> name(r, results)).toList();
    List<Double> client = new ArrayList<>();
    List<Double> server = new ArrayList<>();
    for (ApiScenarioResult result : results) {
      client.add(result.total().clientCpuMicrosPerOp());
      server.add(result.total().serverCpuMicrosPerOp());
    }
    return new Chart(
        id(index),
        scenario,
        "CPU time per operation, " + scenario + " (client vs server)",
        "bars",
        "categories",
        "API",
        "micros",
        false,
        categories,
        indices(categories.size()),
        List.of(
            new Chart.Series("client", client, false, 1),
            new Chart.Series("server", server, false, 2)));
  }

  private static List<String> codecFormats(RunResults run) {
    List<String> formats = new ArrayList<>();
    run.codec().sizes().stream()
        .filter(s -> s.workload().equals("Fetch1000"))
        .forEach(s -> formats.add(s.format()));
    run.codec().benchmarks().stream()
        .filter(b -> b.workload().equals("Fetch1000") && !formats.contains(b.format()))
        .forEach(b -> formats.add(b.format()));
    return formats;
  }

  private static Chart codecSizes(RunResults run, int index) {
    List<String> formats = codecFormats(run);
    List<Double> raw = new ArrayList<>();
    List<Double> gzip = new ArrayList<>();
    for (String format : formats) {
      Optional<CodecSize> size = run.codec().size("Fetch1000", format);
      raw.add(size.map(s -> (double) s.rawBytes()).orElse(null));
      gzip.add(size.map(CodecSize::gzipBytes).map(Long::doubleValue).orElse(null));
    }
    return new Chart(
        id(index),
        "codec",
        "Encoded size of 1,000 records (Fetch1000)",
        "bars",
        "categories",
        "format",
        "bytes",
        false,
        formats,
        indices(formats.size()),
        List.of(new Chart.Series("raw", raw, false, 0), new Chart.Series("gzip", gzip, false, 3)));
  }

  private static Chart codecSpeed(RunResults run, int index) {
    List<String> formats = codecFormats(run);
    List<Double> encode = new ArrayList<>();
    List<Double> decode = new ArrayList<>();
    for (String format : formats) {
      encode.add(
          run.codec()
              .benchmark("Fetch1000", format, "encode")
              .map(CodecBenchmark::microsPerOp)
              .orElse(null));
      decode.add(
          run.codec()
              .benchmark("Fetch1000", format, "decode")
              .map(CodecBenchmark::microsPerOp)
              .orElse(null));
    }
    return new Chart(
        id(index),
        "codec",
        "Encode and decode time of 1,000 records in one message (Fetch1000)",
        "bars",
        "categories",
        "format",
        "micros",
        false,
        formats,
        indices(formats.size()),
        List.of(
            new Chart.Series("encode", encode, false, 1),
            new Chart.Series("decode", decode, false, 2)));
  }
}
