package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.results.HistogramCodec;
import dev.blazebench.load.results.LoadResults;
import dev.blazebench.load.results.ResultsJson;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.Environment;
import dev.blazebench.reports.model.Placement;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import dev.blazebench.reports.model.RunResultsWriter;
import dev.blazebench.reports.model.TimelinePoint;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assembling results.json from real load runs (fixtures: two rounds of fetch-1000 against
 * grpc-blazebinary and rest-json, and of insert-100 against grpc-blazebinary, from a loaded 2-core
 * machine, round 1 of fetch-1000 with only failed calls). Checked figure by figure, then as a whole
 * against a golden file with the environment fixed.
 */
class ResultsAssemblyTest {

  /** Server CPU given to each fixture run: 40 ms, except insert-100 round 2, 60 ms. */
  private static final long SERVER_CPU_NANOS = 40_000_000;

  @TempDir static Path tmp;

  /**
   * A copy of the fixture run folder, its interval logs named {@code .hlog} again: they are kept as
   * {@code .hlog.txt} so that the repository's rule against tracking run output ({@code *.hlog} is
   * ignored) need not make an exception for fixtures.
   */
  static Path fixtureRunFolder() throws URISyntaxException, IOException {
    Path copy = tmp.resolve("run");
    if (Files.isDirectory(copy)) {
      return copy;
    }
    Path source = Path.of(ResultsAssemblyTest.class.getResource("run").toURI());
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        String relative = source.relativize(path).toString();
        Path target =
            copy.resolve(
                relative.endsWith(".hlog.txt")
                    ? relative.substring(0, relative.length() - ".txt".length())
                    : relative);
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return copy;
  }

  static ComparePlan fixturePlan(Path runFolder) {
    Map<String, List<String>> apis = new LinkedHashMap<>();
    apis.put("fetch-1000", List.of("grpc-blazebinary", "rest-json"));
    apis.put("insert-100", List.of("grpc-blazebinary"));
    return new ComparePlan(
        "custom",
        2,
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        apis,
        false,
        "x",
        0,
        runFolder,
        false);
  }

  static List<CompletedRun> fixtureRuns(ComparePlan plan) {
    List<CompletedRun> runs = new ArrayList<>();
    for (PlannedRun planned : plan.runs()) {
      Path file = plan.outDir().resolve(planned.relativeFolder()).resolve("results.json");
      LoadResults results = ResultsJson.read(file);
      boolean insert = planned.scenario().equals("insert-100");
      long cpu = insert && planned.round() == 2 ? 60_000_000 : SERVER_CPU_NANOS;
      // insert-100 knows its JIT compilers' share (a quarter), fetch-1000 does not.
      long jit = insert ? cpu / 4 : -1;
      runs.add(
          new CompletedRun(
              planned,
              planned.relativeFolder().resolve("results.json").toString().replace('\\', '/'),
              results,
              Instant.parse(results.drivers().get(0).environment().startTime()),
              cpu,
              jit,
              1));
    }
    return runs;
  }

  @Test
  void totalsAddTheRoundsHistogramsAndCounts() throws Exception {
    ComparePlan plan = fixturePlan(fixtureRunFolder());
    List<CompletedRun> runs = fixtureRuns(plan);

    List<ApiScenarioResult> results = ResultsAssembly.results(plan, runs, plan.outDir());

    assertThat(results)
        .extracting(r -> r.api() + " " + r.scenario() + " " + r.operation())
        .containsExactly(
            "grpc-blazebinary fetch-1000 query",
            "rest-json fetch-1000 query",
            "grpc-blazebinary insert-100 insertMany");
    ApiScenarioResult insert = results.get(2);
    assertThat(insert.rounds()).extracting(r -> r.round()).containsExactly(1, 2);
    assertThat(insert.rounds()).extracting(r -> r.count()).containsExactly(13L, 39L);
    assertThat(insert.total().count()).isEqualTo(52);
    assertThat(insert.total().durationSec()).isEqualTo(2.0);
    assertThat(insert.total().throughputPerSec()).isEqualTo(26.0);

    // The total's histogram is the two rounds' added, its percentiles read from the sum.
    Histogram sum = new Histogram(3);
    for (CompletedRun run : runs) {
      if (!run.planned().scenario().equals("insert-100")) {
        continue;
      }
      sum.add(
          HistogramCodec.decode(
              run.results()
                  .results()
                  .get(0)
                  .operations()
                  .get(0)
                  .latencyMicros()
                  .corrected()
                  .histogram()));
    }
    assertThat(insert.total().latencyMicros().count()).isEqualTo(52);
    assertThat(insert.total().latencyMicros().p50()).isEqualTo(sum.getValueAtPercentile(50));
    assertThat(insert.total().latencyMicros().max()).isEqualTo(sum.getMaxValue());
    assertThat(insert.total().latencyMicros().decodeHistogram()).isEqualTo(sum);

    // Per-op figures are weighted by the rounds' operations, not averaged per round.
    double r1 = insert.rounds().get(0).payloadSentPerOp();
    double r2 = insert.rounds().get(1).payloadSentPerOp();
    assertThat(insert.total().payloadSentPerOp()).isCloseTo((13 * r1 + 39 * r2) / 52, within());
    // Server CPU without the JIT compiler threads, whose share is reported beside it.
    assertThat(insert.rounds().get(0).serverCpuMicrosPerOp()).isCloseTo(30_000.0 / 13, within());
    assertThat(insert.rounds().get(1).serverCpuMicrosPerOp()).isCloseTo(45_000.0 / 39, within());
    assertThat(insert.total().serverCpuMicrosPerOp()).isCloseTo(75_000.0 / 52, within());
    assertThat(insert.rounds().get(0).serverJitCpuMicrosPerOp()).isCloseTo(10_000.0 / 13, within());
    assertThat(insert.rounds().get(1).serverJitCpuMicrosPerOp()).isCloseTo(15_000.0 / 39, within());
    assertThat(insert.total().serverJitCpuMicrosPerOp()).isCloseTo(25_000.0 / 52, within());
    assertThat(insert.total().recordsPerSec()).isNull();
    assertThat(insert.total().bytesPerHour()).isNull();
  }

  @Test
  void aRoundWhereEveryCallFailedCountsItsErrorsButNoLatencyOrCpu() throws Exception {
    ComparePlan plan = fixturePlan(fixtureRunFolder());

    ApiScenarioResult fetch =
        ResultsAssembly.results(plan, fixtureRuns(plan), plan.outDir()).get(0);

    assertThat(fetch.rounds().get(0).count()).isZero();
    assertThat(fetch.rounds().get(0).errorCount()).isEqualTo(8);
    assertThat(fetch.rounds().get(0).serverCpuMicrosPerOp()).isNull();
    assertThat(fetch.total().errors()).containsEntry("DEADLINE", 8L);
    assertThat(fetch.total().count()).isEqualTo(fetch.rounds().get(1).count());
    // The JIT's share unknown: all of the server's CPU, and no JIT figure.
    assertThat(fetch.total().serverCpuMicrosPerOp())
        .isCloseTo(80_000.0 / fetch.rounds().get(1).count(), within());
    assertThat(fetch.total().serverJitCpuMicrosPerOp()).isNull();
    assertThat(fetch.total().recordsPerSec()).isEqualTo(16_000 / 2.0);
  }

  @Test
  void theTimelineComesFromEachRoundsIntervalLogAndAddsUpToTheTotal() throws Exception {
    ComparePlan plan = fixturePlan(fixtureRunFolder());

    ApiScenarioResult insert =
        ResultsAssembly.results(plan, fixtureRuns(plan), plan.outDir()).get(2);

    assertThat(insert.timeline()).extracting(TimelinePoint::round).contains(1, 2);
    assertThat(insert.timeline().get(0).startSec()).isZero();
    assertThat(insert.timeline().stream().mapToLong(TimelinePoint::count).sum())
        .isEqualTo(insert.total().count());
  }

  @Test
  void warningsNameTheApiScenarioAndRounds() throws Exception {
    ComparePlan plan = fixturePlan(fixtureRunFolder());
    List<CompletedRun> runs = fixtureRuns(plan);
    RunWarnings warnings = new RunWarnings();

    warnings.runs(runs);
    warnings.results(ResultsAssembly.results(plan, runs, plan.outDir()));

    assertThat(warnings.list())
        .anySatisfy(
            w -> {
              assertThat(w.code()).isEqualTo("errors");
              assertThat(w.message())
                  .startsWith("grpc-blazebinary fetch-1000: 8 of 24 calls failed (DEADLINE 8)");
            })
        .anySatisfy(
            w -> {
              assertThat(w.code()).isEqualTo("injector-saturated");
              assertThat(w.message()).startsWith("rest-json fetch-1000: ").contains("round 1: ");
            })
        .anySatisfy(
            w -> {
              assertThat(w.code()).isEqualTo("noisy-rounds");
              assertThat(w.message()).startsWith("grpc-blazebinary insert-100: p50 varied ");
            });
  }

  @Test
  void aRoundWhoseServerWasStillCompilingIsNamedFromTenPercentOfItsCpuTime() throws Exception {
    ComparePlan plan = fixturePlan(fixtureRunFolder());
    List<CompletedRun> runs = new ArrayList<>();
    for (CompletedRun run : fixtureRuns(plan)) {
      // Each run measured 1 s on one server CPU: insert-100's compilers took 150 ms (15%) in
      // round 1 and 99 ms (9.9%) in round 2; fetch-1000's share is unknown.
      long jit =
          run.serverJitCpuNanos() < 0 ? -1 : run.planned().round() == 1 ? 150_000_000 : 99_000_000;
      runs.add(
          new CompletedRun(
              run.planned(),
              run.loadResultsPath(),
              run.results(),
              run.measuredStart(),
              run.serverCpuNanos() + jit,
              jit,
              run.serverCores()));
    }
    RunWarnings compiling = new RunWarnings();
    RunWarnings fixture = new RunWarnings();

    compiling.runs(runs);
    fixture.runs(fixtureRuns(plan)); // compilers at 1-1.5% of the time

    assertThat(compiling.list())
        .filteredOn(w -> w.code().equals("jit-compiling"))
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith("grpc-blazebinary insert-100: the server's JIT compilers took 10%")
                    .contains("(round 1: 15%)")
                    .doesNotContain("round 2"));
    assertThat(fixture.list()).noneMatch(w -> w.code().equals("jit-compiling"));
  }

  @Test
  void theWholeDocumentMatchesTheGoldenFileAndReadsBack() throws Exception {
    Path runFolder = fixtureRunFolder();
    ComparePlan plan = fixturePlan(runFolder);
    List<CompletedRun> runs = fixtureRuns(plan);
    List<ApiScenarioResult> results = ResultsAssembly.results(plan, runs, runFolder);
    RunWarnings warnings = new RunWarnings();
    warnings.runs(runs);
    warnings.results(results);
    RunResults document =
        RunResults.of(
            maskedEnvironment(), ResultsAssembly.settings(plan), warnings.list(), results, null);

    String json = RunResultsWriter.toJson(document);

    Path golden = Path.of(ResultsAssemblyTest.class.getResource("golden-results.json").toURI());
    if (Boolean.getBoolean("golden.update")) {
      // ./mvnw -pl harness test -Dtest=ResultsAssemblyTest -Dgolden.update=true, then copy from
      // target/test-classes back to src/test/resources and review the diff.
      Files.writeString(golden, json, StandardCharsets.UTF_8);
    }
    assertThat(json).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    RunResults back = RunResultsReader.parse(json, "golden");
    assertThat(back.results()).hasSize(3);
    assertThat(back.settings().scenarios()).containsExactly("fetch-1000", "insert-100");
  }

  /** The environment with every machine-dependent field fixed, as JMH's ResultFormatTest does. */
  static Environment maskedEnvironment() {
    return new Environment(
        "0000000000000000000000000000000000000000",
        false,
        "JVM",
        "17",
        "OS",
        "amd64",
        2,
        "CPU",
        -1,
        "host",
        Instant.parse("2026-11-27T19:07:00Z"),
        Instant.parse("2026-11-27T19:08:00Z"),
        new Placement(true, "0", "1", "server pinned to CPU 0 and driver to CPU 1 with taskset"),
        null);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }
}
