package dev.blazebench.load.results;

import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.record.IntervalCount;
import dev.blazebench.load.record.OperationTotals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Combines the results of several drivers that loaded one target at the same time ({@code
 * --start-at}) into the results of one run: histograms are added and percentiles computed from the
 * sum, counters and bytes are added. Percentiles are never averaged: the p99 of two drivers is not
 * the mean of their p99s.
 *
 * <p>The runs must agree on schema version, model, target, measured duration, and the APIs,
 * scenarios and operations they ran; otherwise the error names the file that differs.
 */
public final class Merge {

  private Merge() {}

  /** Reads and merges the results files, in order. */
  public static LoadResults files(List<Path> files) {
    if (files.isEmpty()) {
      throw new InvalidResultsException("nothing to merge: no results files given");
    }
    List<LoadResults> runs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      runs.add(ResultsJson.read(file));
      names.add(file.toString());
    }
    return runs(runs, names);
  }

  /** Merges {@code runs}; {@code names} name them in errors. */
  public static LoadResults runs(List<LoadResults> runs, List<String> names) {
    if (runs.size() != names.size() || runs.isEmpty()) {
      throw new IllegalArgumentException("one name per run, and at least one run");
    }
    LoadResults first = runs.get(0);
    for (int i = 1; i < runs.size(); i++) {
      checkCompatible(first, names.get(0), runs.get(i), names.get(i));
    }
    List<DriverInfo> drivers = new ArrayList<>();
    boolean saturated = false;
    for (LoadResults run : runs) {
      drivers.addAll(run.drivers());
      saturated |= !"ok".equals(run.injectorVerdict());
    }
    List<ScenarioResult> scenarios = new ArrayList<>();
    for (int s = 0; s < first.results().size(); s++) {
      List<ScenarioResult> parts = new ArrayList<>();
      for (LoadResults run : runs) {
        parts.add(run.results().get(s));
      }
      scenarios.add(mergeScenario(parts, first.run()));
    }
    // A version 3 part's client CPU counted the JIT compilers: the merge says so by its version.
    int version = runs.stream().mapToInt(LoadResults::schemaVersion).min().orElseThrow();
    return new LoadResults(
        version,
        LoadResults.KIND,
        mergeSettings(runs),
        saturated ? "injector saturated" : "ok",
        List.copyOf(drivers),
        List.copyOf(scenarios));
  }

  private static void checkCompatible(
      LoadResults first, String firstName, LoadResults other, String otherName) {
    String prefix = otherName + ": cannot merge with " + firstName + ": ";
    if (!first.run().model().equals(other.run().model())) {
      throw new InvalidResultsException(
          prefix + "model " + other.run().model() + " differs from " + first.run().model());
    }
    if (!Objects.equals(first.run().target(), other.run().target())) {
      throw new InvalidResultsException(
          prefix + "target " + other.run().target() + " differs from " + first.run().target());
    }
    if (first.run().durationSec() != other.run().durationSec()) {
      throw new InvalidResultsException(
          prefix
              + "measured duration "
              + other.run().durationSec()
              + " s differs from "
              + first.run().durationSec()
              + " s");
    }
    List<String> firstShape = shape(first);
    List<String> otherShape = shape(other);
    if (!firstShape.equals(otherShape)) {
      throw new InvalidResultsException(
          prefix + "it ran " + otherShape + ", the first ran " + firstShape);
    }
  }

  /** "api/scenario/operation" of every operation, in order. */
  private static List<String> shape(LoadResults results) {
    List<String> shape = new ArrayList<>();
    for (ScenarioResult scenario : results.results()) {
      for (OperationResult op : scenario.operations()) {
        shape.add(scenario.api() + "/" + scenario.scenario() + "/" + op.operation());
      }
    }
    return shape;
  }

  private static RunSettings mergeSettings(List<LoadResults> runs) {
    RunSettings first = runs.get(0).run();
    Double targetRps = first.targetRps();
    Integer closedInFlight = first.closedInFlight();
    int maxInFlight = first.maxInFlight();
    int connections = first.connections();
    int drivers = first.drivers();
    String startAt = first.startAt();
    for (int i = 1; i < runs.size(); i++) {
      RunSettings s = runs.get(i).run();
      targetRps = targetRps == null || s.targetRps() == null ? null : targetRps + s.targetRps();
      closedInFlight =
          closedInFlight == null || s.closedInFlight() == null
              ? null
              : closedInFlight + s.closedInFlight();
      maxInFlight += s.maxInFlight();
      connections += s.connections();
      drivers += s.drivers();
      if (!Objects.equals(startAt, s.startAt())) {
        startAt = null; // not started together: no single instant to report
      }
    }
    return new RunSettings(
        first.target(),
        first.model(),
        first.modelLabel(),
        first.profile() + (runs.size() > 1 ? " (per driver)" : ""),
        targetRps,
        closedInFlight,
        first.durationSec(),
        first.warmupSec(),
        first.drainSec(),
        maxInFlight,
        connections,
        first.callDeadlineMillis(),
        first.intervalSec(),
        startAt,
        drivers);
  }

  private static ScenarioResult mergeScenario(List<ScenarioResult> parts, RunSettings settings) {
    ScenarioResult first = parts.get(0);
    long notSent = 0;
    long cpuNanos = 0;
    long wireSent = 0;
    long wireReceived = 0;
    boolean wireKnown = true;
    for (ScenarioResult part : parts) {
      notSent += part.scheduledNotSent();
      cpuNanos = cpuNanos < 0 || part.clientCpuNanos() < 0 ? -1 : cpuNanos + part.clientCpuNanos();
      if (part.wireBytes() == null) {
        wireKnown = false;
      } else {
        wireSent += part.wireBytes().sentBytes();
        wireReceived += part.wireBytes().receivedBytes();
      }
    }
    WireBytes wire =
        wireKnown ? new WireBytes(wireSent, wireReceived, first.wireBytes().method()) : null;
    RealtimeSetup realtime = null;
    if (first.realtime() != null) {
      int subscribers = 0;
      for (ScenarioResult part : parts) {
        subscribers += part.realtime() == null ? 0 : part.realtime().subscribers();
      }
      RealtimeSetup setup = first.realtime().setup();
      realtime = new RealtimeSetup(subscribers, setup.writerApi(), setup.pollIntervalSec());
    }
    List<ResultsAssembler.OperationInputs> operations = new ArrayList<>();
    for (int o = 0; o < first.operations().size(); o++) {
      ResultsAssembler.OperationInputs sum = null;
      for (ScenarioResult part : parts) {
        ResultsAssembler.OperationInputs inputs =
            ResultsAssembler.inputsOf(part.operations().get(o));
        sum = sum == null ? inputs : add(sum, inputs);
      }
      operations.add(sum);
    }
    return ResultsAssembler.scenario(
        first.api(),
        first.scenario(),
        first.model(),
        notSent,
        cpuNanos,
        wire,
        operations,
        settings.durationSec(),
        settings.warmupSec(),
        realtime);
  }

  /** The exact sum of two operations' raw inputs. */
  static ResultsAssembler.OperationInputs add(
      ResultsAssembler.OperationInputs a, ResultsAssembler.OperationInputs b) {
    OperationTotals x = a.measured();
    OperationTotals y = b.measured();
    Map<ErrorClass, Long> byClass = new EnumMap<>(ErrorClass.class);
    for (ErrorClass errorClass : ErrorClass.values()) {
      byClass.put(
          errorClass,
          x.errorsByClass().getOrDefault(errorClass, 0L)
              + y.errorsByClass().getOrDefault(errorClass, 0L));
    }
    Map<Integer, Long> byStatus = new TreeMap<>(x.errorsByStatus());
    y.errorsByStatus().forEach((code, count) -> byStatus.merge(code, count, Long::sum));
    OperationTotals sum =
        new OperationTotals(
            x.operationName(),
            x.successes() + y.successes(),
            byClass,
            byStatus,
            x.payloadBytesSent() + y.payloadBytesSent(),
            x.payloadBytesReceived() + y.payloadBytesReceived(),
            x.recordsReceived() < 0 || y.recordsReceived() < 0
                ? -1 // a version-1 file did not count them
                : x.recordsReceived() + y.recordsReceived(),
            x.delayedByInFlightCap() + y.delayedByInFlightCap(),
            x.unfinishedAtEnd() + y.unfinishedAtEnd(),
            x.lateSuccesses() + y.lateSuccesses(),
            sum(x.corrected(), y.corrected()),
            sum(x.uncorrected(), y.uncorrected()),
            sum(x.errors(), y.errors()));
    return new ResultsAssembler.OperationInputs(
        sum,
        a.warmupCount() + b.warmupCount(),
        a.warmupErrorCount() + b.warmupErrorCount(),
        addIntervals(a.intervals(), b.intervals()));
  }

  private static Histogram sum(Histogram a, Histogram b) {
    Histogram sum = a.copy();
    sum.add(b);
    return sum;
  }

  /** Interval i of one plus interval i of the other: drivers started together share intervals. */
  private static List<IntervalCount> addIntervals(List<IntervalCount> a, List<IntervalCount> b) {
    List<IntervalCount> sum = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i >= a.size()) {
        sum.add(b.get(i));
      } else if (i >= b.size()) {
        sum.add(a.get(i));
      } else {
        IntervalCount x = a.get(i);
        IntervalCount y = b.get(i);
        sum.add(
            new IntervalCount(
                Math.min(x.startSec(), y.startSec()),
                Math.max(x.endSec(), y.endSec()),
                x.successes() + y.successes(),
                x.errors() + y.errors()));
      }
    }
    return sum;
  }
}
