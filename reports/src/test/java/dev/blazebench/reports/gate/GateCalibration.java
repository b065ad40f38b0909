package dev.blazebench.reports.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The gate's calibration on real rounds: a benchmark of the gate, not a unit test. It reads rounds
 * measured on a machine (the CSV {@link RoundsFromCompareRun} writes from a {@code compare} run, or
 * {@code calibration/collect-rounds.sh}: one line per round × API × scenario) and resamples them.
 *
 * <p><b>Per metric</b> (each series × metric on its own, alpha not adjusted):
 *
 * <ul>
 *   <li><b>A/A, random</b>: baseline and current are two disjoint random sets of n rounds of the
 *       same series; any {@link Verdict#REGRESSION} is a false alarm.
 *   <li><b>A/A, in time order</b>: two disjoint blocks of n consecutive rounds, the current one
 *       later (every such pair), so drift over time is included.
 *   <li><b>Detection</b>: as A/A random, with the current's latency and CPU multiplied by the
 *       slowdown (1.10) and its throughput divided by it.
 * </ul>
 *
 * <p><b>Per gate run</b> (what a CI job sees; every series and metric at once, with the gate's own
 * settings, so by default the p-values are adjusted over the run's metrics with {@link Holm}): the
 * rounds are drawn once per trial for every series, then
 *
 * <ul>
 *   <li><b>A/A</b>: a false alarm when any metric regresses;
 *   <li><b>one API slowed</b>: the current rounds of one API get latency and CPU × slowdown (as a
 *       change that makes that API's path slower; throughput stays, as it does in an open model
 *       that keeps up) — detected when one of that API's slowed metrics regresses;
 *   <li><b>one metric slowed</b>: only one series × metric is slowed (throughput divided) —
 *       detected when that metric regresses. The hardest case: one small change among many metrics.
 * </ul>
 *
 * With {@code --against OTHER_CSV} the baseline rounds come from the first file and the current
 * ones from the other: two separate runs (two server and driver JVMs), as a real gate compares, so
 * differences between JVM runs count too. With {@code --paired} as well, the two files are the two
 * builds of one interleaved run ({@code compare --baseline-jar}; {@link RoundsFromCompareRun}'s
 * {@code baseline} and {@code current}): each trial draws the same n rounds from both and the gate
 * compares them as pairs ({@link Gate#compareInterleaved}).
 *
 * <p>Run (from the repository root, after {@code ./mvnw -B -q -pl reports -am test-compile}):
 *
 * <pre>
 * java -cp reports/target/classes:reports/target/test-classes:$(cat reports/target/cp.txt) \
 *     dev.blazebench.reports.gate.GateCalibration ROUNDS_CSV [--against OTHER_CSV] \
 *     [--trials 1000] [--sizes 5,10,15] [--skip-rounds 1] [--slowdown 1.10] \
 *     [--per-metric-alpha] [--drop-failed-rounds] [--paired] [--threshold 0.05]
 * </pre>
 */
public final class GateCalibration {

  private static final List<String> METRICS =
      List.of(
          "p50Micros",
          "p99Micros",
          "throughputPerSec",
          "serverCpuMicrosPerOp",
          "clientCpuMicrosPerOp");

  /** series "api scenario operation" -> round -> metric -> value (positive values only). */
  private record Rounds(Map<String, TreeMap<Integer, Map<String, Double>>> series) {}

  /** One series × metric of a gate run. */
  private record Cell(String series, String metric, MetricId id, Direction direction) {}

  private final GateSettings settings;
  private final GateSettings perMetric;
  private final GateSettings strict;
  private final Rounds first;
  private final Rounds second; // null: both sides from the first
  private final List<Cell> cells;
  private final int trials;
  private final double slowdown;
  private final boolean paired;
  private final SplittableRandom random = new SplittableRandom(1);

  private GateCalibration(
      Rounds first,
      Rounds second,
      int trials,
      double slowdown,
      boolean perMetricAlpha,
      boolean paired,
      double thresholdFraction) {
    this.paired = paired;
    this.settings =
        GateSettings.defaults()
            .withFamilyWise(!perMetricAlpha)
            .withThresholdFraction(thresholdFraction);
    this.perMetric = GateSettings.defaults().withFamilyWise(false);
    this.strict = perMetric.withStrictInterval(true);
    this.first = first;
    this.second = second;
    this.trials = trials;
    this.slowdown = slowdown;
    this.cells = cellsOf(first, second);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: GateCalibration ROUNDS_CSV [--against OTHER_CSV] [--trials N]"
              + " [--sizes 5,10,15] [--skip-rounds K] [--slowdown 1.10] [--per-metric-alpha]"
              + " [--drop-failed-rounds] [--paired] [--threshold 0.05]");
      System.exit(1);
    }
    Path csv = Path.of(args[0]);
    Path against = null;
    int trials = 1000;
    int[] sizes = {5, 10, 15};
    int skipRounds = 1;
    double slowdown = 1.10;
    boolean dropFailed = false;
    boolean perMetricAlpha = false;
    boolean paired = false;
    double threshold = GateSettings.defaults().thresholdFraction();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--against" -> against = Path.of(args[++i]);
        case "--trials" -> trials = Integer.parseInt(args[++i]);
        case "--sizes" ->
            sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--skip-rounds" -> skipRounds = Integer.parseInt(args[++i]);
        case "--slowdown" -> slowdown = Double.parseDouble(args[++i]);
        case "--drop-failed-rounds" -> dropFailed = true;
        case "--per-metric-alpha" -> perMetricAlpha = true;
        case "--paired" -> paired = true;
        case "--threshold" -> threshold = Double.parseDouble(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Rounds first = read(csv, skipRounds, dropFailed);
    Rounds second = against == null ? null : read(against, skipRounds, dropFailed);
    if (paired && second == null) {
      throw new IllegalArgumentException("--paired needs --against: the two builds' rounds");
    }
    GateCalibration study =
        new GateCalibration(first, second, trials, slowdown, perMetricAlpha, paired, threshold);
    System.out.printf(
        Locale.US,
        "gate calibration: %s%s%s, first %d round(s) skipped, rounds with failed calls %s, %d trials"
            + " per cell, slowdown x%.2f, threshold %s, alpha %s (%s), %d bootstrap resamples%n%n",
        csv,
        against == null ? "" : " (baseline) against " + against + " (current)",
        paired ? ", rounds paired" : "",
        skipRounds,
        dropFailed ? "dropped" : "kept",
        trials,
        slowdown,
        GateRule.percent(study.settings.thresholdFraction()),
        GateRule.formatNumber(study.settings.alpha()),
        perMetricAlpha ? "per metric" : "per gate run, Holm",
        study.settings.bootstrapResamples());
    describe("baseline rounds", first);
    if (second != null) {
      describe("current rounds", second);
    }
    if (second == null) {
      study.perMetricCells(sizes);
    }
    study.perGateRun(sizes);
  }

  private static Rounds read(Path csv, int skipRounds, boolean dropFailed) throws IOException {
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
        int column = header.indexOf(metric);
        String cell = column < 0 ? "" : cells[column];
        if (!cell.isEmpty() && Double.parseDouble(cell) > 0) {
          values.put(metric, Double.parseDouble(cell));
        }
      }
      values.put("errorCount", Double.parseDouble(cells[header.indexOf("errorCount")]));
      series.computeIfAbsent(key, k -> new TreeMap<>()).put(round, values);
    }
    return new Rounds(series);
  }

  /** The series × metric cells both sides measured in some round. */
  private static List<Cell> cellsOf(Rounds first, Rounds second) {
    List<Cell> cells = new ArrayList<>();
    for (var entry : first.series().entrySet()) {
      for (String metric : METRICS) {
        boolean inFirst = !roundsWith(entry.getValue(), metric).isEmpty();
        boolean inSecond =
            second == null
                || (second.series().containsKey(entry.getKey())
                    && !roundsWith(second.series().get(entry.getKey()), metric).isEmpty());
        if (inFirst && inSecond) {
          cells.add(
              new Cell(entry.getKey(), metric, idOf(entry.getKey(), metric), direction(metric)));
        }
      }
    }
    return cells;
  }

  private static void describe(String title, Rounds rounds) {
    System.out.println("### " + title);
    System.out.println();
    System.out.println(
        "| series | rounds | with failed calls | metric | median | robust CV (1.4826 MAD /"
            + " median) | min | max | median, first half | median, second half |");
    System.out.println("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
    for (var entry : rounds.series().entrySet()) {
      long withErrors =
          entry.getValue().values().stream().filter(v -> v.get("errorCount") > 0).count();
      for (String metric : METRICS) {
        double[] values = values(entry.getValue(), metric, null);
        if (values.length == 0) {
          continue;
        }
        double median = Medians.of(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        int half = values.length / 2;
        System.out.printf(
            Locale.US,
            "| %s | %d | %d | %s | %,.1f | %.1f%% | %,.1f | %,.1f | %,.1f | %,.1f |%n",
            entry.getKey(),
            values.length,
            withErrors,
            metric,
            median,
            100 * 1.4826 * Medians.of(deviations) / median,
            Arrays.stream(values).min().orElseThrow(),
            Arrays.stream(values).max().orElseThrow(),
            Medians.of(Arrays.copyOfRange(values, 0, Math.max(1, half))),
            Medians.of(Arrays.copyOfRange(values, half, values.length)));
      }
    }
    System.out.println();
  }

  // ---- per metric, alpha not adjusted -----------------------------------------------------------

  private void perMetricCells(int[] sizes) {
    System.out.println("### Per metric (alpha per metric, not adjusted)");
    System.out.println();
    System.out.printf(
        Locale.US,
        "| series | metric | n | A/A random: false alarms | A/A in time order: false alarms |"
            + " x%.2f detected | x%.2f detected with --strict |%n",
        slowdown,
        slowdown);
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    Map<Integer, long[]> pooled = new TreeMap<>();
    for (int n : sizes) {
      for (Cell cell : cells) {
        TreeMap<Integer, Map<String, Double>> byRound = first.series().get(cell.series());
        List<Integer> rounds = roundsWith(byRound, cell.metric());
        if (rounds.size() < 2 * n) {
          continue;
        }
        long[] counts = perMetricCell(cell, byRound, rounds, n);
        long[] sum = pooled.computeIfAbsent(n, k -> new long[6]);
        for (int i = 0; i < counts.length; i++) {
          sum[i] += counts[i];
        }
        System.out.printf(
            Locale.US,
            "| %s | %s | %d | %s | %s | %s | %s |%n",
            cell.series(),
            cell.metric(),
            n,
            rate(counts[0], trials),
            rate(counts[1], counts[2]),
            rate(counts[3], trials),
            rate(counts[4], trials));
      }
    }
    System.out.println();
    System.out.println(
        "| n | cells | A/A random | A/A in time order | detected | detected (--strict) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    for (var entry : pooled.entrySet()) {
      long[] s = entry.getValue();
      System.out.printf(
          Locale.US,
          "| %d | %d | %s | %s | %s | %s |%n",
          entry.getKey(),
          s[5],
          rate(s[0], s[5] * trials),
          rate(s[1], s[2]),
          rate(s[3], s[5] * trials),
          rate(s[4], s[5] * trials));
    }
    System.out.println();
  }

  /**
   * One series × metric × n: {A/A random alarms, A/A time-order alarms, time-order pairs, detected,
   * detected under --strict, 1 (the cell count)}.
   */
  private long[] perMetricCell(
      Cell cell, TreeMap<Integer, Map<String, Double>> byRound, List<Integer> rounds, int n) {
    long randomAlarms = 0;
    long detected = 0;
    long detectedStrictly = 0;
    for (int t = 0; t < trials; t++) {
      List<Integer> drawn = draw(rounds, 2 * n);
      double[] baseline = values(byRound, cell.metric(), drawn.subList(0, n));
      double[] current = values(byRound, cell.metric(), drawn.subList(n, 2 * n));
      if (regresses(cell, baseline, current, perMetric)) {
        randomAlarms++;
      }
      double[] slower = slowed(cell, current);
      if (regresses(cell, baseline, slower, perMetric)) {
        detected++;
      }
      if (regresses(cell, baseline, slower, strict)) {
        detectedStrictly++;
      }
    }
    long orderedAlarms = 0;
    long orderedPairs = 0;
    for (int a = 0; a + 2 * n <= rounds.size(); a++) {
      for (int b = a + n; b + n <= rounds.size(); b++) {
        double[] baseline = values(byRound, cell.metric(), rounds.subList(a, a + n));
        double[] current = values(byRound, cell.metric(), rounds.subList(b, b + n));
        orderedPairs++;
        if (regresses(cell, baseline, current, perMetric)) {
          orderedAlarms++;
        }
      }
    }
    return new long[] {randomAlarms, orderedAlarms, orderedPairs, detected, detectedStrictly, 1};
  }

  private static boolean regresses(
      Cell cell, double[] baseline, double[] current, GateSettings settings) {
    return GateRule.verdictOf(cell.id(), cell.direction(), baseline, current, settings)
        == Verdict.REGRESSION;
  }

  // ---- per gate run, the gate's own settings ----------------------------------------------------

  private void perGateRun(int[] sizes) {
    List<Integer> firstRounds = commonRounds(first);
    List<Integer> secondRounds = second == null ? null : commonRounds(second);
    List<Integer> bothRounds = new ArrayList<>(firstRounds);
    if (secondRounds != null) {
      bothRounds.retainAll(secondRounds);
    }
    List<String> apis = cells.stream().map(c -> c.id().api()).distinct().toList();
    System.out.printf(
        Locale.US,
        "### Per gate run (%d metrics, alpha %s)%n%n",
        cells.size(),
        settings.familyWise() ? "for the whole run, Holm" : "per metric");
    System.out.println(
        "| n | A/A: runs with a false alarm | one API slowed: detected | one metric slowed:"
            + " detected, by metric | one metric slowed: all |");
    System.out.println("|---:|---:|---:|---|---:|");
    Map<Integer, Map<String, Long>> falseAlarmsByMetric = new TreeMap<>();
    for (int n : sizes) {
      boolean enough =
          paired
              ? bothRounds.size() >= n
              : second == null
                  ? firstRounds.size() >= 2 * n
                  : firstRounds.size() >= n && secondRounds.size() >= n;
      if (!enough) {
        System.out.printf(Locale.US, "| %d | too few common rounds | | | |%n", n);
        continue;
      }
      long falseAlarms = 0;
      Map<String, Long> falseAlarmsByCell = new TreeMap<>();
      long apiDetected = 0;
      Map<String, long[]> byMetric = new LinkedHashMap<>();
      METRICS.forEach(m -> byMetric.put(m, new long[2]));
      for (int t = 0; t < trials; t++) {
        List<Integer> baselineRounds;
        List<Integer> currentRounds;
        if (paired) {
          baselineRounds = draw(bothRounds, n);
          currentRounds = baselineRounds;
        } else if (second == null) {
          List<Integer> drawn = draw(firstRounds, 2 * n);
          baselineRounds = drawn.subList(0, n);
          currentRounds = drawn.subList(n, 2 * n);
        } else {
          baselineRounds = draw(firstRounds, n);
          currentRounds = draw(secondRounds, n);
        }
        double[][] baseline = new double[cells.size()][];
        double[][] current = new double[cells.size()][];
        double[] pValues = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
          Cell cell = cells.get(i);
          baseline[i] = values(first.series().get(cell.series()), cell.metric(), baselineRounds);
          current[i] =
              values(
                  (second == null ? first : second).series().get(cell.series()),
                  cell.metric(),
                  currentRounds);
          pValues[i] = GateRule.rankTest(baseline[i], current[i], paired).pValue();
        }
        Set<Integer> falselyFlagged = regressed(baseline, current, pValues);
        if (!falselyFlagged.isEmpty()) {
          falseAlarms++;
        }
        for (int i : falselyFlagged) {
          falseAlarmsByCell.merge(cells.get(i).id().name(), 1L, Long::sum);
        }
        // One API slowed: its latency and CPU, not its throughput.
        String api = apis.get(t % apis.size());
        Set<Integer> slowedCells = new LinkedHashSet<>();
        for (int i = 0; i < cells.size(); i++) {
          if (cells.get(i).id().api().equals(api)
              && !cells.get(i).metric().equals("throughputPerSec")) {
            slowedCells.add(i);
          }
        }
        double[][] apiSlowed = withSlowed(current, slowedCells);
        double[] apiPValues = pValuesWith(baseline, apiSlowed, pValues, slowedCells);
        Set<Integer> flagged = regressed(baseline, apiSlowed, apiPValues);
        if (flagged.stream().anyMatch(slowedCells::contains)) {
          apiDetected++;
        }
        // One metric slowed: each cell in turn.
        for (int i = 0; i < cells.size(); i++) {
          Set<Integer> one = Set.of(i);
          double[][] oneSlowed = withSlowed(current, one);
          double[] onePValues = pValuesWith(baseline, oneSlowed, pValues, one);
          long[] counts = byMetric.get(cells.get(i).metric());
          counts[1]++;
          if (regresses(i, baseline[i], oneSlowed[i], judged(onePValues)[i])) {
            counts[0]++;
          }
        }
      }
      StringBuilder perMetricText = new StringBuilder();
      long detected = 0;
      long tried = 0;
      for (var entry : byMetric.entrySet()) {
        long[] counts = entry.getValue();
        if (counts[1] == 0) {
          continue;
        }
        detected += counts[0];
        tried += counts[1];
        perMetricText
            .append(perMetricText.length() == 0 ? "" : ", ")
            .append(entry.getKey().replace("Micros", "").replace("PerOp", "").replace("PerSec", ""))
            .append(' ')
            .append(String.format(Locale.US, "%.1f%%", 100.0 * counts[0] / counts[1]));
      }
      System.out.printf(
          Locale.US,
          "| %d | %s | %s | %s | %s |%n",
          n,
          rate(falseAlarms, trials),
          rate(apiDetected, trials),
          perMetricText,
          rate(detected, tried));
      falseAlarmsByMetric.put(n, falseAlarmsByCell);
    }
    System.out.println();
    falseAlarmsByMetric.forEach(
        (n, byCell) -> {
          if (!byCell.isEmpty()) {
            System.out.printf(Locale.US, "A/A false alarms at n = %d, by metric: %s%n", n, byCell);
          }
        });
    System.out.println();
  }

  /** {@code current} with the cells in {@code slowed} made worse by the slowdown. */
  private double[][] withSlowed(double[][] current, Set<Integer> slowed) {
    double[][] result = current.clone();
    for (int i : slowed) {
      result[i] = slowed(cells.get(i), current[i]);
    }
    return result;
  }

  private double[] slowed(Cell cell, double[] values) {
    double factor = cell.direction() == Direction.HIGHER_IS_WORSE ? slowdown : 1 / slowdown;
    return Arrays.stream(values).map(v -> v * factor).toArray();
  }

  private double[] pValuesWith(
      double[][] baseline, double[][] current, double[] pValues, Set<Integer> changed) {
    double[] result = pValues.clone();
    for (int i : changed) {
      result[i] = GateRule.rankTest(baseline[i], current[i], paired).pValue();
    }
    return result;
  }

  /**
   * The cells that regress in one gate run, with the gate's settings: p-values adjusted over the
   * whole run when family-wise.
   */
  private Set<Integer> regressed(double[][] baseline, double[][] current, double[] pValues) {
    double[] judged = judged(pValues);
    Set<Integer> flagged = new LinkedHashSet<>();
    for (int i = 0; i < cells.size(); i++) {
      if (regresses(i, baseline[i], current[i], judged[i])) {
        flagged.add(i);
      }
    }
    return flagged;
  }

  /** The p-values the gate compares with alpha: adjusted over the run when family-wise. */
  private double[] judged(double[] pValues) {
    return settings.familyWise() ? Holm.adjust(pValues) : pValues;
  }

  private boolean regresses(int cell, double[] baseline, double[] current, double judgedPValue) {
    Cell c = cells.get(cell);
    return GateRule.verdictOf(
            c.id(), c.direction(), baseline, current, settings, judgedPValue, paired)
        == Verdict.REGRESSION;
  }

  /** The rounds in which every series measured every metric of the study. */
  private List<Integer> commonRounds(Rounds rounds) {
    List<Integer> common = null;
    for (Cell cell : cells) {
      List<Integer> with = roundsWith(rounds.series().get(cell.series()), cell.metric());
      if (common == null) {
        common = new ArrayList<>(with);
      } else {
        common.retainAll(with);
      }
    }
    return common == null ? List.of() : common;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** {@code count} distinct rounds drawn at random (a partial Fisher-Yates shuffle). */
  private List<Integer> draw(List<Integer> rounds, int count) {
    List<Integer> pool = new ArrayList<>(rounds);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(pool.size() - i);
      Integer swap = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, swap);
    }
    return List.copyOf(pool.subList(0, count));
  }

  private static Direction direction(String metric) {
    return metric.equals("throughputPerSec") ? Direction.LOWER_IS_WORSE : Direction.HIGHER_IS_WORSE;
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
