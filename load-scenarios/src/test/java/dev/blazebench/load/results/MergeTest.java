package dev.blazebench.load.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.record.IntervalCount;
import dev.blazebench.load.record.OperationRecorder;
import dev.blazebench.load.record.OperationTotals;
import dev.blazebench.load.testing.SampleRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {

  @TempDir Path dir;

  private static final String[] OPS = {"insert", "fetch"};

  /**
   * One recording fed into "whole", and the same values dealt alternately to two halves, as two
   * drivers would each record half the load. Merged from their results.json files, the halves must
   * equal the whole exactly: counts, histograms and therefore every percentile.
   */
  @Test
  void mergingTwoHalvesOfARecordingEqualsTheWhole() {
    OperationRecorder[][] recorders = new OperationRecorder[3][OPS.length];
    for (int r = 0; r < 3; r++) {
      for (int o = 0; o < OPS.length; o++) {
        recorders[r][o] = new OperationRecorder(OPS[o]);
      }
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 100_000; i++) {
      int op = random.nextInt(OPS.length);
      int half = 1 + (i % 2);
      // Latencies from 50 us to 2 s, log-spread, with a few errors of each kind.
      long latencyNanos = (long) (50_000 * Math.pow(40_000, random.nextDouble()));
      long serviceNanos = latencyNanos / (1 + random.nextInt(3));
      int kind = random.nextInt(100);
      for (int target : new int[] {0, half}) {
        OperationRecorder rec = recorders[target][op];
        if (kind < 2) {
          rec.recordFailure(latencyNanos, OpOutcome.status(kind == 0 ? 14 : 4, "status"));
        } else if (kind < 3) {
          rec.recordFailure(latencyNanos, OpOutcome.failed(ErrorClass.VALIDATION, "count"));
        } else {
          rec.recordSuccess(latencyNanos, serviceNanos, OpOutcome.ok(100 + op, 5_000 + i % 7));
        }
        if (kind == 99) {
          rec.countDelayedByInFlightCap();
        }
      }
    }
    LoadResults whole = resultsOf(recorders[0], 2_000_000, 1_000, 4, 2);
    LoadResults a = resultsOf(recorders[1], 1_200_000, 400, 1, 1);
    LoadResults b = resultsOf(recorders[2], 800_000, 600, 3, 1);
    Path fileA = dir.resolve("a.json");
    Path fileB = dir.resolve("b.json");
    ResultsJson.write(a, fileA);
    ResultsJson.write(b, fileB);

    LoadResults merged = Merge.files(List.of(fileA, fileB));

    assertThat(merged.results()).isEqualTo(whole.results());
    OperationResult mergedInsert = merged.results().get(0).operations().get(0);
    OperationResult wholeInsert = whole.results().get(0).operations().get(0);
    assertThat(mergedInsert.latencyMicros().corrected().decodeHistogram())
        .isEqualTo(wholeInsert.latencyMicros().corrected().decodeHistogram());
    assertThat(mergedInsert.latencyMicros().corrected().p99_99())
        .isEqualTo(wholeInsert.latencyMicros().corrected().p99_99());
    assertThat(mergedInsert.count() + mergedInsert.errorCount()).isGreaterThan(40_000);
    assertThat(merged.drivers()).hasSize(2);
    assertThat(merged.run().drivers()).isEqualTo(2);
    assertThat(merged.run().targetRps()).isEqualTo(200.0);
  }

  private static LoadResults resultsOf(
      OperationRecorder[] recorders,
      long cpuNanos,
      long wire,
      long warmupCount,
      long warmupErrors) {
    List<ResultsAssembler.OperationInputs> inputs =
        java.util.Arrays.stream(recorders)
            .map(
                r -> {
                  r.sampleInterval();
                  OperationTotals totals = r.totals();
                  return new ResultsAssembler.OperationInputs(
                      totals,
                      warmupCount,
                      warmupErrors,
                      List.of(new IntervalCount(0, 1, totals.successes(), totals.errorCount())));
                })
            .toList();
    ScenarioResult scenario =
        ResultsAssembler.scenario(
            "grpc-blazebinary",
            "insert-then-fetch",
            "open",
            0,
            cpuNanos,
            new WireBytes(wire, 2 * wire, "netty-socket-handler"),
            inputs,
            30.0,
            10.0,
            null);
    LoadResults sample = SampleRuns.results();
    RunSettings settings =
        new RunSettings(
            "blaze://127.0.0.1:50051",
            "open",
            "open model",
            "open model: 100/s for 30s, after 10s warm-up",
            100.0,
            null,
            30.0,
            10.0,
            5.0,
            64,
            4,
            5_000,
            1.0,
            "2025-06-01T12:00:00Z",
            1);
    return new LoadResults(
        LoadResults.SCHEMA_VERSION,
        LoadResults.KIND,
        settings,
        "ok",
        sample.drivers(),
        List.of(scenario));
  }

  @Test
  void runsOfDifferentScenariosAreRefusedNamingTheFile() {
    LoadResults a = SampleRuns.results();
    ScenarioResult s = a.results().get(0);
    LoadResults b =
        new LoadResults(
            a.schemaVersion(),
            a.kind(),
            a.run(),
            a.injectorVerdict(),
            a.drivers(),
            List.of(
                new ScenarioResult(
                    "rest-json",
                    s.scenario(),
                    s.model(),
                    s.scheduledNotSent(),
                    s.clientCpuNanos(),
                    s.wireBytes(),
                    s.operations(),
                    null)));

    assertThatThrownBy(() -> Merge.runs(List.of(a, b), List.of("run-1", "run-2")))
        .isInstanceOf(InvalidResultsException.class)
        .hasMessage(
            "run-2: cannot merge with run-1: it ran [rest-json/test-scenario/query],"
                + " the first ran [test-api/test-scenario/query]");
  }

  @Test
  void aMergeOfOneIsTheRunItself() {
    LoadResults a = SampleRuns.results();
    assertThat(Merge.runs(List.of(a), List.of("a")).results()).isEqualTo(a.results());
  }
}
