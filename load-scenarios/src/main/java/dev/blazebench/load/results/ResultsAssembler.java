package dev.blazebench.load.results;

import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.RunRecording;
import dev.blazebench.load.profile.LoadModel;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.record.InjectorInterval;
import dev.blazebench.load.record.InjectorTotals;
import dev.blazebench.load.record.IntervalCount;
import dev.blazebench.load.record.OperationTotals;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link LoadResults} from raw totals: a driver's {@link RunRecording}, or the sums {@link
 * Merge} adds up. Every derived number (percentiles, rates, per-operation bytes and CPU) is
 * computed here and only here, from counts and histograms, so one driver's results and a merge of
 * many are computed the same way.
 */
public final class ResultsAssembler {

  private ResultsAssembler() {}

  /** Raw inputs of one operation: what is added when results are merged. */
  public record OperationInputs(
      OperationTotals measured,
      long warmupCount,
      long warmupErrorCount,
      List<IntervalCount> intervals) {}

  /** The results of one driver's run. */
  public static LoadResults fromRecording(
      RunRecording recording, RunContext context, Environment environment) {
    DriverConfig config = recording.config();
    LoadProfile profile = config.profile();
    double durationSec = recording.measuredNanos() / 1e9;
    double warmupSec = profile.warmupNanos() / 1e9;
    RunSettings settings =
        new RunSettings(
            context.target(),
            modelName(profile.model()),
            profile.model().label(),
            profile.describe(),
            profile.model() == LoadModel.OPEN ? profile.targetRps() : null,
            profile.model() == LoadModel.CLOSED ? profile.closedInFlight() : null,
            durationSec,
            warmupSec,
            config.drain().toNanos() / 1e9,
            config.maxInFlight(),
            context.connections(),
            config.callDeadline().toMillis(),
            config.interval().toNanos() / 1e9,
            context.startAt(),
            1);
    List<OperationInputs> inputs = new ArrayList<>();
    for (int i = 0; i < recording.operations().size(); i++) {
      OperationTotals measured = recording.operations().get(i);
      OperationTotals warmup = recording.warmupOperations().get(i);
      inputs.add(
          new OperationInputs(
              measured,
              warmup.successes(),
              warmup.errorCount(),
              recording.intervals().getOrDefault(measured.operationName(), List.of())));
    }
    WireBytes wire =
        recording.wireBytes() == null
            ? null
            : new WireBytes(
                recording.wireBytes().sentBytes(),
                recording.wireBytes().receivedBytes(),
                recording.wireMethod());
    ScenarioResult scenario =
        scenario(
            recording.api(),
            recording.scenario(),
            modelName(profile.model()),
            recording.scheduledNotSent(),
            recording.injector().cpuWithoutJitNanos(),
            wire,
            inputs,
            durationSec,
            warmupSec,
            context.realtime());
    InjectorResult injector = injector(recording.injector(), recording.injectorIntervals());
    return new LoadResults(
        LoadResults.SCHEMA_VERSION,
        LoadResults.KIND,
        settings,
        injector.verdict(),
        List.of(new DriverInfo(environment, injector)),
        List.of(scenario));
  }

  /**
   * One scenario's results from its operations' raw inputs; {@code realtime} is the setup of a
   * realtime run (null otherwise), whose bytes per subscriber-hour are computed here.
   */
  public static ScenarioResult scenario(
      String api,
      String scenario,
      String model,
      long scheduledNotSent,
      long clientCpuNanos,
      WireBytes wire,
      List<OperationInputs> operations,
      double durationSec,
      double warmupSec,
      RealtimeSetup realtime) {
    long calls = 0;
    for (OperationInputs op : operations) {
      calls += op.measured().calls();
    }
    Double cpuMicrosPerCall =
        clientCpuNanos < 0 || calls == 0 ? null : clientCpuNanos / 1e3 / calls;
    Double wireSentPerCall = wire == null || calls == 0 ? null : (double) wire.sentBytes() / calls;
    Double wireReceivedPerCall =
        wire == null || calls == 0 ? null : (double) wire.receivedBytes() / calls;
    List<OperationResult> results = new ArrayList<>();
    for (OperationInputs op : operations) {
      results.add(
          operation(
              op, durationSec, warmupSec, cpuMicrosPerCall, wireSentPerCall, wireReceivedPerCall));
    }
    return new ScenarioResult(
        api,
        scenario,
        model,
        scheduledNotSent,
        clientCpuNanos,
        wire,
        List.copyOf(results),
        realtime == null ? null : RealtimeResult.of(realtime, wire, durationSec));
  }

  private static OperationResult operation(
      OperationInputs input,
      double durationSec,
      double warmupSec,
      Double cpuMicrosPerCall,
      Double wireSentPerCall,
      Double wireReceivedPerCall) {
    OperationTotals t = input.measured();
    Map<String, Long> errors = new LinkedHashMap<>();
    for (ErrorClass errorClass : ErrorClass.values()) {
      errors.put(errorClass.name(), t.errorsByClass().getOrDefault(errorClass, 0L));
    }
    Map<String, Long> byStatus = new LinkedHashMap<>();
    new TreeMap<>(t.errorsByStatus())
        .forEach((code, count) -> byStatus.put(Integer.toString(code), count));
    long successes = t.successes();
    ByteCounts bytes =
        new ByteCounts(
            t.payloadBytesSent(),
            t.payloadBytesReceived(),
            successes == 0 ? null : (double) t.payloadBytesSent() / successes,
            successes == 0 ? null : (double) t.payloadBytesReceived() / successes,
            wireSentPerCall,
            wireReceivedPerCall);
    return new OperationResult(
        t.operationName(),
        durationSec > 0 ? successes / durationSec : 0,
        successes,
        t.errorCount(),
        errors,
        byStatus,
        t.delayedByInFlightCap(),
        t.unfinishedAtEnd(),
        t.lateSuccesses(),
        t.recordsReceived(),
        t.recordsReceived() < 0 ? null : durationSec > 0 ? t.recordsReceived() / durationSec : 0,
        new Latencies(
            LatencyResult.of(t.corrected()),
            LatencyResult.of(t.uncorrected()),
            LatencyResult.of(t.errors())),
        bytes,
        cpuMicrosPerCall,
        new WarmupResult(warmupSec, input.warmupCount(), input.warmupErrorCount()),
        List.copyOf(input.intervals()));
  }

  /** A driver's self-watch as results show it. */
  public static InjectorResult injector(InjectorTotals totals, List<InjectorInterval> intervals) {
    double fraction = totals.cpuFraction();
    InjectorTotals.Verdict verdict = totals.verdict();
    return new InjectorResult(
        totals.cpuNanos(),
        totals.wallNanos(),
        totals.cores(),
        Double.isNaN(fraction) ? null : fraction,
        LatencyResult.of(totals.dispatchLag()),
        totals.heap().peakUsedBytes(),
        totals.heap().peakAfterGcBytes(),
        totals.heap().maxBytes(),
        verdict.label(),
        verdict.reasons(),
        intervals.stream()
            .map(
                i ->
                    new InjectorInterval(
                        i.startSec(),
                        i.endSec(),
                        Double.isNaN(i.cpuFraction()) ? -1 : i.cpuFraction(),
                        i.dispatchLagMaxMicros()))
            .toList());
  }

  /** The raw inputs an operation's results were built from (histograms decoded). */
  public static OperationInputs inputsOf(OperationResult result) {
    Map<ErrorClass, Long> byClass = new EnumMap<>(ErrorClass.class);
    result.errors().forEach((name, count) -> byClass.put(ErrorClass.valueOf(name), count));
    Map<Integer, Long> byStatus = new TreeMap<>();
    result.errorsByStatus().forEach((code, count) -> byStatus.put(Integer.parseInt(code), count));
    OperationTotals totals =
        new OperationTotals(
            result.operation(),
            result.count(),
            byClass,
            byStatus,
            result.bytes().payloadSent(),
            result.bytes().payloadReceived(),
            result.recordsReceived(),
            result.delayedByInFlightCap(),
            result.unfinishedAtEnd(),
            result.lateAnswers(),
            result.latencyMicros().corrected().decodeHistogram(),
            result.latencyMicros().uncorrected().decodeHistogram(),
            result.latencyMicros().errors().decodeHistogram());
    return new OperationInputs(
        totals, result.warmup().count(), result.warmup().errorCount(), result.intervals());
  }

  static String modelName(LoadModel model) {
    return model.name().toLowerCase(Locale.ROOT);
  }
}
