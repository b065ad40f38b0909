package dev.blazebench.harness.compare;

import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.record.HlogFiles;
import dev.blazebench.load.results.LatencyResult;
import dev.blazebench.load.results.OperationResult;
import dev.blazebench.load.results.ScenarioResult;
import dev.blazebench.reports.gate.InterleavedRuns;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.Latency;
import dev.blazebench.reports.model.LoadSetting;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.Settings;
import dev.blazebench.reports.model.TimelinePoint;
import dev.blazebench.reports.model.TotalResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Turns the load runs of a compare into results.json's per API × scenario entries: each round's
 * figures from its own load results, and the rounds added up — histograms and counters summed,
 * percentiles and rates taken from the sums, never averaged.
 *
 * <p>A scenario with several operations (aggregate: {@code aggregate} and {@code download-count})
 * gives one entry per operation: the first under the scenario's name, the others under {@code
 * <scenario>.<operation>} ({@code aggregate.download-count}), since results.json holds one entry
 * per API and scenario. Their server CPU per operation is null: the server's CPU cannot be split
 * between operations that ran interleaved.
 */
final class ResultsAssembly {

  private ResultsAssembly() {}

  /** results.json's settings: what {@code plan} asked for. */
  static Settings settings(ComparePlan plan) {
    List<LoadSetting> load = new ArrayList<>();
    for (String scenario : plan.scenarios()) {
      ScenarioLoad s = plan.scenarioLoad(scenario);
      load.add(
          new LoadSetting(scenario, "open", s.targetRps(), null, s.connections(), s.maxInFlight()));
    }
    return new Settings(
        plan.profile(),
        plan.rounds(),
        plan.apis(),
        plan.scenarios(),
        plan.referenceApi(),
        plan.duration().toMillis() / 1000.0,
        plan.warmup().toMillis() / 1000.0,
        plan.warmupRound().toMillis() / 1000.0,
        load,
        plan.codec() ? "quick" : "skipped");
  }

  /**
   * One entry per API × scenario (× further operation) that has at least one completed run, in the
   * plan's order; {@code runFolder} holds the runs' .hlog files.
   */
  static List<ApiScenarioResult> results(
      ComparePlan plan, List<CompletedRun> runs, Path runFolder) {
    List<ApiScenarioResult> results = new ArrayList<>();
    for (Map.Entry<String, List<String>> scenario : plan.apisByScenario().entrySet()) {
      for (String api : scenario.getValue()) {
        List<CompletedRun> rounds = new ArrayList<>();
        for (CompletedRun run : runs) {
          if (run.planned().api().equals(api)
              && run.planned().scenario().equals(scenario.getKey())) {
            rounds.add(run);
          }
        }
        if (rounds.isEmpty()) {
          continue;
        }
        rounds.sort((a, b) -> Integer.compare(a.planned().round(), b.planned().round()));
        List<OperationResult> ops = scenarioOf(rounds.get(0)).operations();
        for (int index = 0; index < ops.size(); index++) {
          results.add(entry(rounds, index, ops.size() > 1, runFolder));
        }
      }
    }
    return results;
  }

  private static ApiScenarioResult entry(
      List<CompletedRun> rounds, int opIndex, boolean sharedServer, Path runFolder) {
    CompletedRun first = rounds.get(0);
    OperationResult firstOp = scenarioOf(first).operations().get(opIndex);
    String operation = firstOp.operation();
    List<RoundResult> roundResults = new ArrayList<>();
    List<TimelinePoint> timeline = new ArrayList<>();
    for (CompletedRun run : rounds) {
      OperationResult op = operationOf(run, operation);
      roundResults.add(round(run, op, sharedServer));
      Path hlog =
          runFolder
              .resolve(run.planned().relativeFolder())
              .resolve(
                  HlogFiles.fileName(
                      // The driver named the file for the API it drove (see LoadStep).
                      InterleavedRuns.apiOf(run.planned().api()),
                      run.planned().scenario(),
                      operation));
      timeline.addAll(TimelineReader.read(hlog, run.planned().round()));
    }
    return new ApiScenarioResult(
        first.planned().api(),
        first.planned().scenario(),
        operation,
        roundResults,
        total(rounds, operation, sharedServer),
        timeline);
  }

  /** One round's figures, from its load results. */
  static RoundResult round(CompletedRun run, OperationResult op, boolean sharedServer) {
    LatencyResult latency = op.latencyMicros().corrected();
    return new RoundResult(
        run.planned().round(),
        run.measuredStart(),
        run.loadResultsPath(),
        run.results().run().durationSec(),
        op.count(),
        op.errorCount(),
        op.achievedRps(),
        latency.mean(),
        latency.p50(),
        latency.p90(),
        latency.p99(),
        latency.p99_9(),
        latency.max(),
        op.bytes().payloadSentPerOp(),
        op.bytes().payloadReceivedPerOp(),
        op.bytes().wireSentPerCall(),
        op.bytes().wireReceivedPerCall(),
        op.clientCpuMicrosPerCall(),
        sharedServer ? null : serverCpuMicrosPerOp(run.serverCpuWithoutJitNanos(), op.count()),
        sharedServer ? null : serverCpuMicrosPerOp(run.serverJitCpuNanos(), op.count()),
        !"ok".equals(run.results().injectorVerdict()));
  }

  /** The rounds added up. */
  static TotalResult total(List<CompletedRun> rounds, String operation, boolean sharedServer) {
    double durationSec = 0;
    long count = 0;
    long errorCount = 0;
    Map<String, Long> errors = new LinkedHashMap<>();
    for (ErrorClass errorClass : ErrorClass.values()) {
      errors.put(errorClass.name(), 0L);
    }
    Histogram corrected = new Histogram(3);
    Histogram uncorrected = new Histogram(3);
    Sum payloadSent = new Sum();
    Sum payloadReceived = new Sum();
    Sum wireSent = new Sum();
    Sum wireReceived = new Sum();
    Sum clientCpu = new Sum();
    long serverCpuNanos = 0;
    long serverJitCpuNanos = 0;
    long serverCpuCount = 0;
    boolean serverCpuKnown = !sharedServer;
    boolean serverJitCpuKnown = !sharedServer;
    long records = 0;
    boolean recordsKnown = true;
    Double bytesPerHourSum = 0.0;
    for (CompletedRun run : rounds) {
      OperationResult op = operationOf(run, operation);
      durationSec += run.results().run().durationSec();
      count += op.count();
      errorCount += op.errorCount();
      op.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
      corrected.add(op.latencyMicros().corrected().decodeHistogram());
      uncorrected.add(op.latencyMicros().uncorrected().decodeHistogram());
      long calls = op.count() + op.errorCount();
      payloadSent.add(op.bytes().payloadSentPerOp(), op.count());
      payloadReceived.add(op.bytes().payloadReceivedPerOp(), op.count());
      wireSent.add(op.bytes().wireSentPerCall(), calls);
      wireReceived.add(op.bytes().wireReceivedPerCall(), calls);
      clientCpu.add(op.clientCpuMicrosPerCall(), calls);
      if (run.serverCpuNanos() < 0) {
        serverCpuKnown = false;
      } else {
        serverCpuNanos += run.serverCpuWithoutJitNanos();
        serverCpuCount += op.count();
      }
      if (run.serverJitCpuNanos() < 0) {
        serverJitCpuKnown = false;
      } else {
        serverJitCpuNanos += run.serverJitCpuNanos();
      }
      if (op.recordsReceived() < 0) {
        recordsKnown = false;
      } else {
        records += op.recordsReceived();
      }
      ScenarioResult scenario = scenarioOf(run);
      Double perHour =
          scenario.realtime() == null
              ? null
              : scenario.realtime().wireReceivedPerSubscriberPerHour();
      bytesPerHourSum =
          bytesPerHourSum == null || perHour == null
              ? null
              : bytesPerHourSum + perHour * run.results().run().durationSec();
    }
    boolean realtime = scenarioOf(rounds.get(0)).realtime() != null;
    return new TotalResult(
        durationSec,
        count,
        errorCount,
        errors,
        durationSec > 0 ? count / durationSec : 0,
        Latency.of(corrected),
        Latency.of(uncorrected),
        payloadSent.mean(),
        payloadReceived.mean(),
        wireSent.mean(),
        wireReceived.mean(),
        clientCpu.mean(),
        serverCpuKnown ? serverCpuMicrosPerOp(serverCpuNanos, serverCpuCount) : null,
        serverCpuKnown && serverJitCpuKnown
            ? serverCpuMicrosPerOp(serverJitCpuNanos, serverCpuCount)
            : null,
        recordsKnown && durationSec > 0 && records > 0 ? records / durationSec : null,
        // Each round's per-hour figure weighted by its measured time: the bytes of all rounds
        // over their total time, scaled to an hour.
        realtime && bytesPerHourSum != null && durationSec > 0
            ? bytesPerHourSum / durationSec
            : null);
  }

  static Double serverCpuMicrosPerOp(long cpuNanos, long count) {
    return cpuNanos < 0 || count <= 0 ? null : cpuNanos / 1000.0 / count;
  }

  static ScenarioResult scenarioOf(CompletedRun run) {
    return run.results().results().get(0);
  }

  private static OperationResult operationOf(CompletedRun run, String operation) {
    for (OperationResult op : scenarioOf(run).operations()) {
      if (op.operation().equals(operation)) {
        return op;
      }
    }
    throw new IllegalStateException(
        run.loadResultsPath() + ": no operation '" + operation + "' in its results");
  }

  /** A per-op figure summed back to a total over its ops, then divided again: a weighted mean. */
  private static final class Sum {
    private double total;
    private long weight;
    private boolean unknown;

    void add(Double perOp, long ops) {
      if (perOp == null) {
        if (ops > 0) {
          unknown = true;
        }
        return;
      }
      total += perOp * ops;
      weight += ops;
    }

    Double mean() {
      return unknown || weight == 0 ? null : total / weight;
    }
  }
}
