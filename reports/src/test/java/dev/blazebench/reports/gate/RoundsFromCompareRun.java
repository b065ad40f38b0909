package dev.blazebench.reports.gate;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the rounds of a {@code blazebench compare} run as the CSV {@link GateCalibration} reads:
 * one line per round × API × scenario × operation, with exactly the per-round figures the gate
 * compares ({@link GateMetric}'s sampled metrics, from {@code results[].rounds[]}). So the
 * calibration resamples what the gate itself would see from a compare run with many rounds.
 *
 * <pre>
 * ./blazebench compare --full --no-codec --scenarios fetch-1000,get-one \
 *     --apis grpc-blazebinary,rest-json --rounds 40 --out /tmp/calibration-run
 * java -cp reports/target/classes:reports/target/test-classes:... \
 *     dev.blazebench.reports.gate.RoundsFromCompareRun /tmp/calibration-run rounds.csv
 * </pre>
 */
public final class RoundsFromCompareRun {

  static final String HEADER =
      "round,api,scenario,operation,startedAt,count,errorCount,throughputPerSec,p50Micros,"
          + "p99Micros,serverCpuMicrosPerOp,clientCpuMicrosPerOp,injectorSaturated";

  private RoundsFromCompareRun() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2 && args.length != 3) {
      System.err.println(
          "usage: RoundsFromCompareRun RUN_DIR_OR_RESULTS_JSON OUT_CSV [baseline|current]");
      System.exit(1);
    }
    Path in = Path.of(args[0]);
    Path results = Files.isDirectory(in) ? in.resolve("results.json") : in;
    RunResults run = RunResultsReader.read(results);
    if (args.length == 3) {
      // One build of an interleaved run (compare --baseline-jar), under the plain API names.
      InterleavedRuns.Halves halves = InterleavedRuns.split(run, results.toString());
      run =
          switch (args[2]) {
            case "baseline" -> halves.baseline();
            case "current" -> halves.current();
            default ->
                throw new IllegalArgumentException(
                    "side " + args[2] + ": give baseline or current");
          };
    }
    List<String> lines = csvLines(run);
    Files.write(Path.of(args[1]), lines);
    System.out.printf(Locale.US, "%d rounds × series written to %s%n", lines.size() - 1, args[1]);
  }

  static List<String> csvLines(RunResults run) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (ApiScenarioResult result : run.results()) {
      for (RoundResult round : result.rounds()) {
        lines.add(
            String.join(
                ",",
                Integer.toString(round.round()),
                result.api(),
                result.scenario(),
                result.operation(),
                round.startedAt().toString(),
                Long.toString(round.count()),
                Long.toString(round.errorCount()),
                Double.toString(round.throughputPerSec()),
                Long.toString(round.p50Micros()),
                Long.toString(round.p99Micros()),
                orEmpty(round.serverCpuMicrosPerOp()),
                orEmpty(round.clientCpuMicrosPerOp()),
                Boolean.toString(round.injectorSaturated())));
      }
    }
    return lines;
  }

  private static String orEmpty(Double value) {
    return value == null ? "" : Double.toString(value);
  }
}
