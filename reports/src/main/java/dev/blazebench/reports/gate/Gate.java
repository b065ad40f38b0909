package dev.blazebench.reports.gate;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.LoadSetting;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares a current compare run against a baseline, metric by metric ({@link GateMetric}) for
 * every API × scenario × operation, with {@link GateRule}. The runs must be comparable: the same
 * scenarios, APIs and operations under the same offered load; otherwise {@link
 * IncomparableRunsException}.
 *
 * <pre>
 * GateReport report = Gate.compare(baseline, "base/results.json", current, "cur/results.json",
 *     GateSettings.defaults());
 * if (report.hasRegression()) { ... }
 * </pre>
 */
public final class Gate {

  private Gate() {}

  public static GateReport compare(
      RunResults baseline,
      String baselineSource,
      RunResults current,
      String currentSource,
      GateSettings settings) {
    return compare(baseline, baselineSource, current, currentSource, settings, false);
  }

  /**
   * Compares the two builds of one interleaved run ({@link InterleavedRuns}: {@code compare
   * --baseline-jar}). Round k of each build ran seconds apart, so the rounds are compared as pairs:
   * the median of the per-round ratios, the {@link WilcoxonSignedRank} test of their logs, and a
   * bootstrap over rounds. Only rounds both builds completed count.
   *
   * @throws IncomparableRunsException if the run did not measure two builds
   */
  public static GateReport compareInterleaved(
      RunResults run, String source, GateSettings settings) {
    InterleavedRuns.Halves halves = InterleavedRuns.split(run, source);
    return compare(
        halves.baseline(),
        source + " (API" + InterleavedRuns.BASELINE_SUFFIX + ")",
        halves.current(),
        source + " (API)",
        settings,
        true);
  }

  private static GateReport compare(
      RunResults baseline,
      String baselineSource,
      RunResults current,
      String currentSource,
      GateSettings settings,
      boolean paired) {
    checkComparable(baseline, baselineSource, current, currentSource);
    Map<String, ApiScenarioResult> currentByKey = byKey(current);
    List<Sampled> sampled = new ArrayList<>();
    List<MetricComparison> comparisons = new ArrayList<>();
    for (ApiScenarioResult base : baseline.results()) {
      ApiScenarioResult cur = currentByKey.get(keyOf(base));
      for (GateMetric metric : GateMetric.values()) {
        MetricId id =
            new MetricId(base.api(), base.scenario(), base.operation(), metric.fieldName());
        if (metric.isExact()) {
          comparisons.add(
              GateRule.compareExact(
                  id,
                  metric.direction(),
                  metric.valueOf(base.total()),
                  metric.valueOf(cur.total()),
                  settings));
        } else {
          // A place for the comparison, filled once every sampled metric's p-value is known.
          double[][] values =
              paired
                  ? pairedRoundValues(base, cur, metric)
                  : new double[][] {roundValues(base, metric), roundValues(cur, metric)};
          sampled.add(
              new Sampled(
                  comparisons.size(), id, metric.direction(), values[0], values[1], paired));
          comparisons.add(null);
        }
      }
    }
    List<Sampled> tested = sampled.stream().filter(Sampled::isTestable).toList();
    double[] pValues = tested.stream().mapToDouble(Sampled::pValue).toArray();
    double[] judged = settings.familyWise() ? Holm.adjust(pValues) : pValues;
    int familySize = settings.familyWise() ? Math.max(1, tested.size()) : 1;
    for (Sampled s : sampled) {
      int index = tested.indexOf(s);
      comparisons.set(
          s.position(),
          GateRule.compareSamples(
              s.id(),
              s.direction(),
              s.baseline(),
              s.current(),
              settings,
              index < 0 ? 1 : judged[index],
              familySize,
              paired));
    }
    return new GateReport(
        baselineSource,
        currentSource,
        settings,
        comparisons,
        notes(baseline, current, settings, familySize, paired),
        paired);
  }

  /** A sampled metric waiting for the family's adjusted p-values. */
  private record Sampled(
      int position,
      MetricId id,
      Direction direction,
      double[] baseline,
      double[] current,
      boolean paired) {

    boolean isTestable() {
      return GateRule.isTestable(baseline, current);
    }

    double pValue() {
      return GateRule.rankTest(baseline, current, paired).pValue();
    }
  }

  /**
   * The metric's values in the rounds both runs measured it, as {@code {baseline, current}} with
   * the same round at the same position.
   */
  static double[][] pairedRoundValues(
      ApiScenarioResult baseline, ApiScenarioResult current, GateMetric metric) {
    Map<Integer, Double> baselineByRound = new LinkedHashMap<>();
    for (RoundResult round : baseline.rounds()) {
      Double value = metric.valueOf(round);
      if (value != null) {
        baselineByRound.put(round.round(), value);
      }
    }
    List<double[]> pairs = new ArrayList<>();
    for (RoundResult round : current.rounds()) {
      Double value = metric.valueOf(round);
      Double partner = baselineByRound.get(round.round());
      if (value != null && partner != null) {
        pairs.add(new double[] {partner, value});
      }
    }
    double[][] values = new double[2][pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      values[0][i] = pairs.get(i)[0];
      values[1][i] = pairs.get(i)[1];
    }
    return values;
  }

  /** The metric's value in each round that measured it, in round order. */
  static double[] roundValues(ApiScenarioResult result, GateMetric metric) {
    return result.rounds().stream()
        .map(metric::valueOf)
        .filter(value -> value != null)
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  private static void checkComparable(
      RunResults baseline, String baselineSource, RunResults current, String currentSource) {
    Settings base = baseline.settings();
    Settings cur = current.settings();
    String against = currentSource + " cannot be compared with the baseline " + baselineSource;
    boolean baseWithoutJit = baseline.schemaVersion() >= RunResults.SERVER_CPU_WITHOUT_JIT_SINCE;
    boolean curWithoutJit = current.schemaVersion() >= RunResults.SERVER_CPU_WITHOUT_JIT_SINCE;
    if (baseWithoutJit != curWithoutJit) {
      throw new IncomparableRunsException(
          against
              + ": their CPU per operation is not the same measure (schemaVersion "
              + baseline.schemaVersion()
              + " and "
              + current.schemaVersion()
              + "; from "
              + RunResults.SERVER_CPU_WITHOUT_JIT_SINCE
              + " on server and client CPU leave out the JIT compiler threads): make the baseline"
              + " again with this"
              + " blazebench");
    }
    requireSameSet("scenarios", base.scenarios(), cur.scenarios(), against);
    requireSameSet("APIs", base.apis(), cur.apis(), against);
    requireSameSet(
        "results (api scenario operation)",
        baseline.results().stream().map(Gate::keyOf).toList(),
        current.results().stream().map(Gate::keyOf).toList(),
        against);
    Map<String, LoadSetting> baseLoad = loadByScenario(base);
    Map<String, LoadSetting> curLoad = loadByScenario(cur);
    for (String scenario : base.scenarios()) {
      LoadSetting b = baseLoad.get(scenario);
      LoadSetting c = curLoad.get(scenario);
      if (b != null && c != null && !b.equals(c)) {
        throw new IncomparableRunsException(
            against
                + ": the load offered in "
                + scenario
                + " differs (baseline "
                + describe(b)
                + ", current "
                + describe(c)
                + "), so latencies are not comparable");
      }
    }
  }

  private static void requireSameSet(
      String what, List<String> baseline, List<String> current, String against) {
    Set<String> onlyBaseline = new LinkedHashSet<>(baseline);
    onlyBaseline.removeAll(current);
    Set<String> onlyCurrent = new LinkedHashSet<>(current);
    onlyCurrent.removeAll(baseline);
    if (onlyBaseline.isEmpty() && onlyCurrent.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder(against).append(": the ").append(what).append(" differ");
    if (!onlyBaseline.isEmpty()) {
      message.append("; only in the baseline: ").append(String.join(", ", onlyBaseline));
    }
    if (!onlyCurrent.isEmpty()) {
      message.append("; only in the current run: ").append(String.join(", ", onlyCurrent));
    }
    throw new IncomparableRunsException(
        message.append(" (gate runs made with the same --scenarios and --apis)").toString());
  }

  private static List<String> notes(
      RunResults baseline,
      RunResults current,
      GateSettings settings,
      int familySize,
      boolean paired) {
    List<String> notes = new ArrayList<>();
    Settings base = baseline.settings();
    Settings cur = current.settings();
    if (!base.profile().equals(cur.profile())) {
      notes.add(
          "The runs used different profiles (baseline "
              + base.profile()
              + ", current "
              + cur.profile()
              + ").");
    }
    if (base.roundDurationSec() != cur.roundDurationSec()) {
      notes.add(
          String.format(
              Locale.US,
              "Rounds lasted %s s in the baseline and %s s in the current run: a round's p99 rests"
                  + " on a different number of calls.",
              GateRule.formatNumber(base.roundDurationSec()),
              GateRule.formatNumber(cur.roundDurationSec())));
    }
    if (base.warmupRoundSec() != cur.warmupRoundSec()) {
      notes.add(
          String.format(
              Locale.US,
              "The warm-up round lasted %s s per run in the baseline and %s s in the current run:"
                  + " the early rounds of the shorter one may still be warming up.",
              GateRule.formatNumber(base.warmupRoundSec()),
              GateRule.formatNumber(cur.warmupRoundSec())));
    }
    int fewestBaselineRounds =
        baseline.results().stream().mapToInt(r -> r.rounds().size()).min().orElse(0);
    int fewestCurrentRounds =
        current.results().stream().mapToInt(r -> r.rounds().size()).min().orElse(0);
    int fewestPairs = Math.min(fewestBaselineRounds, fewestCurrentRounds);
    double smallestP =
        Math.min(
            1,
            familySize
                * (paired
                    ? WilcoxonSignedRank.Result.smallestPossiblePValue(fewestPairs)
                    : MannWhitneyU.Result.smallestPossiblePValue(
                        fewestBaselineRounds, fewestCurrentRounds)));
    String adjusted =
        familySize > 1
            ? String.format(
                Locale.US,
                " after Holm's adjustment over the %d sampled metrics of this gate run",
                familySize)
            : "";
    if (smallestP >= settings.alpha()) {
      notes.add(
          String.format(
              Locale.US,
              "With %s the %s cannot give a p-value below %s%s (the smallest possible is %s), so"
                  + " no latency, throughput or CPU regression can be shown; only bytes per"
                  + " operation are gated. At least %d rounds on each side are needed"
                  + " (reports/README.md, The gate, says how many find a 10%% slowdown).",
              paired
                  ? fewestPairs + " pairs of rounds"
                  : fewestBaselineRounds
                      + " baseline and "
                      + fewestCurrentRounds
                      + " current rounds",
              paired ? "signed-rank test" : "U test",
              GateRule.formatNumber(settings.alpha()),
              adjusted,
              GateRule.pValue(smallestP),
              roundsNeededFor(settings.alpha() / familySize, paired)));
    }
    Map<String, ApiScenarioResult> baseByKey = byKey(baseline);
    for (ApiScenarioResult result : current.results()) {
      long errors = result.rounds().stream().mapToLong(RoundResult::errorCount).sum();
      if (errors > 0) {
        long baseErrors =
            baseByKey.get(keyOf(result)).rounds().stream().mapToLong(RoundResult::errorCount).sum();
        notes.add(
            String.format(
                Locale.US,
                "%s %s: %d failed calls in the current run (baseline %d); failed calls never enter"
                    + " the latencies.",
                result.api(),
                result.scenario(),
                errors,
                baseErrors));
      }
    }
    return notes;
  }

  /**
   * The fewest rounds per side (equal sides; for pairs, the pairs) with which the U test (the
   * signed-rank test) can go below alpha.
   */
  static int roundsNeededFor(double alpha, boolean paired) {
    int rounds = 1;
    while ((paired
            ? WilcoxonSignedRank.Result.smallestPossiblePValue(rounds)
            : MannWhitneyU.Result.smallestPossiblePValue(rounds, rounds))
        >= alpha) {
      rounds++;
    }
    return rounds;
  }

  private static Map<String, ApiScenarioResult> byKey(RunResults run) {
    Map<String, ApiScenarioResult> map = new LinkedHashMap<>();
    run.results().forEach(r -> map.put(keyOf(r), r));
    return map;
  }

  private static String keyOf(ApiScenarioResult result) {
    return result.api() + " " + result.scenario() + " " + result.operation();
  }

  private static Map<String, LoadSetting> loadByScenario(Settings settings) {
    Map<String, LoadSetting> map = new LinkedHashMap<>();
    settings.load().stream()
        .sorted(Comparator.comparing(LoadSetting::scenario))
        .forEach(l -> map.put(l.scenario(), l));
    return map;
  }

  private static String describe(LoadSetting load) {
    String offered =
        "open".equals(load.model())
            ? "open model at "
                + GateRule.formatNumber(load.targetRps() == null ? 0 : load.targetRps())
                + "/s"
            : "closed model with " + load.closedInFlight() + " in flight";
    return offered
        + ", "
        + load.connections()
        + " connections, max in flight "
        + load.maxInFlight();
  }
}
