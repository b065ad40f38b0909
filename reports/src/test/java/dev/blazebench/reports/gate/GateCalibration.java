package dev.blazebench.reports.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The gate's calibration on real rounds: a benchmark of the gate, not a unit test. It reads rounds
 * measured on a machine (the CSV {@code collect-rounds.sh} beside this file writes: one line per
 * round × API × scenario) and resamples them:
 *
 * <ul>
 *   <li><b>A/A, random</b>: baseline and current are two disjoint random sets of n rounds of the
 *       same series; any {@link Verdict#REGRESSION} is a false alarm.
 *   <li><b>A/A, in time order</b>: baseline and current are two disjoint blocks of n consecutive
 *       rounds, the current one later (every such pair), so drift over time is included, as between
 *       a stored baseline and a later run.
 *   <li><b>Detection</b>: as A/A random, with the current's latency and CPU multiplied by the
 *       slowdown (1.10) and its throughput divided by it; the share of REGRESSION verdicts.
 *   <li><b>Per gate run</b>: A/A random over the same round numbers for every series and metric at
 *       once; a false alarm when any of them regresses (what a CI job sees).
 * </ul>
 *
 * Run (from the repository root, after {@code ./mvnw -B -q -pl reports test-compile}):
 *
 * <pre>
 * java -cp reports/target/classes:reports/target/test-classes \
 *     dev.blazebench.reports.gate.GateCalibration ROUNDS_CSV [--trials 1000] [--sizes 3,5,10,15] \
 *     [--skip-rounds 1] [--slowdown 1.10] [--drop-failed-rounds true]
 * </pre>
 */
public final class GateCalibration {

  private static final List<String> METRICS =
      List.of("p50Micros", "p99Micros", "throughputPerSec", "serverCpuMicrosPerOp");

  private final GateSettings settings = GateSettings.defaults();
  private final GateSettings strict = settings.withStrictInterval(true);
  private final Map<String, TreeMap<Integer, Map<String, Double>>> series;
  private final int trials;
  private final double slowdown;
  private final SplittableRandom random = new SplittableRandom(1);

  private GateCalibration(
      Map<String, TreeMap<Integer, Map<String, Double>>> series, int trials, double slowdown) {
    this.series = series;
    this.trials = trials;
    this.slowdown = slowdown;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: GateCalibration ROUNDS_CSV [--trials N] [--sizes 3,5,10]"
              + " [--skip-rounds K] [--slowdown 1.10]");
      System.exit(1);
    }
    Path csv = Path.of(args[0]);
    int trials = 1000;
    int[] sizes = {3, 5, 10, 15};
    int skipRounds = 1;
    double slowdown = 1.10;
    boolean dropFailed = false;
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--trials" -> trials = Integer.parseInt(args[i + 1]);
        case "--sizes" ->
            sizes = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--skip-rounds" -> skipRounds = Integer.parseInt(args[i + 1]);
        case "--slowdown" -> slowdown = Double.parseDouble(args[i + 1]);
        case "--drop-failed-rounds" -> dropFailed = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    GateCalibration study =
        new GateCalibration(read(csv, skipRounds, dropFailed), trials, slowdown);
    System.out.printf(
        Locale.US,
        "gate calibration: %s, first %d round(s) skipped, rounds with failed calls %s, %d trials per cell, slowdown x%.2f,"
            + " threshold %s, alpha %s, %d bootstrap resamples%n%n",
        csv,
        skipRounds,
        dropFailed ? "dropped" : "kept",
        trials,
        slowdown,
        GateRule.percent(study.settings.thresholdFraction()),
        GateRule.formatNumber(study.settings.alpha()),
        study.settings.bootstrapResamples());
    study.describeData();
    study.run(sizes);
  }

  /** series "api scenario operation" -> round -> metric -> value (positive values only). */
  private static Map<String, TreeMap<Integer, Map<String, Double>>> read(
      Path csv, int skipRounds, boolean dropFailed) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(",", -1));
    Map<String, TreeMap<Integer, Map<String, Double>>> series = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      int round = Integer.parseInt(cells[header.indexOf("round")]);
      if (round <= skipRounds
          || (dropFailed && Double.parseDouble(cells[header.indexOf("errorCount")]) > 0)) {
        continue;
      }
      String key =
          cells[header.indexOf("api")]
              + " "
              + cells[header.indexOf("scenario")]
              + " "
              + cells[header.indexOf("operation")];
      Map<String, Double> values = new LinkedHashMap<>();
      for (String metric : METRICS) {
        String cell = cells[header.indexOf(metric)];
        if (!cell.isEmpty() && Double.parseDouble(cell) > 0) {
          values.put(metric, Double.parseDouble(cell));
        }
      }
      values.put("errorCount", Double.parseDouble(cells[header.indexOf("errorCount")]));
      series.computeIfAbsent(key, k -> new TreeMap<>()).put(round, values);
    }
    return series;
  }

  private void describeData() {
    System.out.println(
        "| series | rounds | rounds with failed calls | metric | median | robust CV"
            + " (1.4826 MAD / median) | min | max |");
    System.out.println("|---|---:|---:|---|---:|---:|---:|---:|");
    for (var entry : series.entrySet()) {
      long withErrors =
          entry.getValue().values().stream().filter(v -> v.get("errorCount") > 0).count();
      for (String metric : METRICS) {
        double[] values = values(entry.getValue(), metric, null);
        if (values.length == 0) {
          continue;
        }
        double median = Medians.of(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        System.out.printf(
            Locale.US,
            "| %s | %d | %d | %s | %,.1f | %.1f%% | %,.1f | %,.1f |%n",
            entry.getKey(),
            values.length,
            withErrors,
            metric,
            median,
            100 * 1.4826 * Medians.of(deviations) / median,
            Arrays.stream(values).min().orElseThrow(),
            Arrays.stream(values).max().orElseThrow());
      }
    }
    System.out.println();
  }

  private void run(int[] sizes) {
    System.out.printf(
        Locale.US,
        "| series | metric | n | A/A random: false alarms | A/A in time order: false alarms |"
            + " x%.2f detected | x%.2f detected with --strict |%n",
        slowdown,
        slowdown);
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    Map<Integer, long[]> pooled = new TreeMap<>();
    for (int n : sizes) {
      for (var entry : series.entrySet()) {
        for (String metric : METRICS) {
          Direction direction =
              metric.equals("throughputPerSec")
                  ? Direction.LOWER_IS_WORSE
                  : Direction.HIGHER_IS_WORSE;
          MetricId id = idOf(entry.getKey(), metric);
          List<Integer> rounds = roundsWith(entry.getValue(), metric);
          if (rounds.size() < 2 * n) {
            continue;
          }
          long[] cell = cell(id, direction, entry.getValue(), rounds, n);
          long[] sum = pooled.computeIfAbsent(n, k -> new long[6]);
          for (int i = 0; i < cell.length; i++) {
            sum[i] += cell[i];
          }
          System.out.printf(
              Locale.US,
              "| %s | %s | %d | %s | %s | %s | %s |%n",
              entry.getKey(),
              metric,
              n,
              rate(cell[0], trials),
              rate(cell[1], cell[2]),
              rate(cell[3], trials),
              rate(cell[4], trials));
        }
      }
    }
    System.out.println();
    System.out.println(
        "| n | cells | A/A random | A/A in time order | detected | detected (--strict) |"
            + " A/A per gate run (any metric of any series) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (var entry : pooled.entrySet()) {
      long[] s = entry.getValue();
      long cells = s[5];
      System.out.printf(
          Locale.US,
          "| %d | %d | %s | %s | %s | %s | %s |%n",
          entry.getKey(),
          cells,
          rate(s[0], cells * trials),
          rate(s[1], s[2]),
          rate(s[3], cells * trials),
          rate(s[4], cells * trials),
          perGateRun(entry.getKey()));
    }
  }

  /**
   * One series × metric × n: {A/A random alarms, A/A time-order alarms, time-order pairs, detected,
   * detected under --strict, 1 (the cell count)}.
   */
  private long[] cell(
      MetricId id,
      Direction direction,
      TreeMap<Integer, Map<String, Double>> byRound,
      List<Integer> rounds,
      int n) {
    long randomAlarms = 0;
    long detected = 0;
    long detectedStrictly = 0;
    double factor = direction == Direction.HIGHER_IS_WORSE ? slowdown : 1 / slowdown;
    for (int t = 0; t < trials; t++) {
      List<Integer> drawn = draw(rounds, 2 * n);
      double[] baseline = values(byRound, id.metric(), drawn.subList(0, n));
      double[] current = values(byRound, id.metric(), drawn.subList(n, 2 * n));
      if (GateRule.verdictOf(id, direction, baseline, current, settings) == Verdict.REGRESSION) {
        randomAlarms++;
      }
      double[] slower = Arrays.stream(current).map(v -> v * factor).toArray();
      if (GateRule.verdictOf(id, direction, baseline, slower, settings) == Verdict.REGRESSION) {
        detected++;
      }
      if (GateRule.verdictOf(id, direction, baseline, slower, strict) == Verdict.REGRESSION) {
        detectedStrictly++;
      }
    }
    long orderedAlarms = 0;
    long orderedPairs = 0;
    for (int first = 0; first + 2 * n <= rounds.size(); first++) {
      for (int second = first + n; second + n <= rounds.size(); second++) {
        double[] baseline = values(byRound, id.metric(), rounds.subList(first, first + n));
        double[] current = values(byRound, id.metric(), rounds.subList(second, second + n));
        orderedPairs++;
        if (GateRule.verdictOf(id, direction, baseline, current, settings) == Verdict.REGRESSION) {
          orderedAlarms++;
        }
      }
    }
    return new long[] {randomAlarms, orderedAlarms, orderedPairs, detected, detectedStrictly, 1};
  }

  /** A/A over whole gate runs: the same drawn round numbers for every series and metric. */
  private String perGateRun(int n) {
    List<Integer> common = null;
    for (var byRound : series.values()) {
      List<Integer> rounds = new ArrayList<>();
      for (var round : byRound.entrySet()) {
        if (round.getValue().keySet().containsAll(METRICS)) {
          rounds.add(round.getKey());
        }
      }
      if (common == null) {
        common = rounds;
      } else {
        common.retainAll(rounds);
      }
    }
    if (common == null || common.size() < 2 * n) {
      return "too few common rounds";
    }
    long alarms = 0;
    for (int t = 0; t < trials; t++) {
      List<Integer> drawn = draw(common, 2 * n);
      boolean alarm = false;
      for (var entry : series.entrySet()) {
        for (String metric : METRICS) {
          Direction direction =
              metric.equals("throughputPerSec")
                  ? Direction.LOWER_IS_WORSE
                  : Direction.HIGHER_IS_WORSE;
          double[] baseline = values(entry.getValue(), metric, drawn.subList(0, n));
          double[] current = values(entry.getValue(), metric, drawn.subList(n, 2 * n));
          alarm |=
              GateRule.verdictOf(
                      idOf(entry.getKey(), metric), direction, baseline, current, settings)
                  == Verdict.REGRESSION;
        }
      }
      if (alarm) {
        alarms++;
      }
    }
    return rate(alarms, trials) + " of " + series.size() * METRICS.size() + " metrics";
  }

  /** {@code count} distinct rounds drawn at random (a partial Fisher-Yates shuffle). */
  private List<Integer> draw(List<Integer> rounds, int count) {
    List<Integer> pool = new ArrayList<>(rounds);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(pool.size() - i);
      Integer swap = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, swap);
    }
    return pool.subList(0, count);
  }

  private static List<Integer> roundsWith(
      TreeMap<Integer, Map<String, Double>> byRound, String metric) {
    return byRound.entrySet().stream()
        .filter(e -> e.getValue().containsKey(metric))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The metric's values in {@code rounds} (all rounds that have it when null). */
  private static double[] values(
      TreeMap<Integer, Map<String, Double>> byRound, String metric, List<Integer> rounds) {
    List<Integer> which = rounds == null ? roundsWith(byRound, metric) : rounds;
    return which.stream().mapToDouble(r -> byRound.get(r).get(metric)).toArray();
  }

  private static MetricId idOf(String seriesKey, String metric) {
    String[] parts = seriesKey.split(" ");
    return new MetricId(parts[0], parts[1], parts[2], metric);
  }

  private static String rate(long hits, long trials) {
    return trials == 0
        ? "—"
        : String.format(Locale.US, "%.1f%% (%d/%d)", 100.0 * hits / trials, hits, trials);
  }
}
