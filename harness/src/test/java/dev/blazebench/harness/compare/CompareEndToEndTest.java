package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.load.results.ResultsJson;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny compare as a user runs it: the reference server as a real child process, one round of
 * fetch-1000 against two APIs, no codec benchmarks. The run folder must be complete and its
 * results.json must read back. (No timing assertions: on a loaded machine calls may even fail,
 * which the command reports with exit code 2 and the results still written.)
 */
class CompareEndToEndTest {

  @TempDir Path tmp;

  @Test
  void aTinyCompareWritesACompleteRunFolder() throws Exception {
    Path out = tmp.resolve("run");

    CliRun run =
        CliRun.run(
            "",
            "compare",
            "--apis",
            "grpc-blazebinary,rest-json",
            "--scenarios",
            "fetch-1000",
            "--rounds",
            "1",
            "--duration",
            "1s",
            "--warmup",
            "500ms",
            "--no-codec",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.stderr()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED);
    if (run.exitCode() == ExitCodes.CHECK_FAILED) {
      assertThat(run.stderr()).contains("calls failed");
    }
    assertThat(run.stderr())
        .contains("blazebench compare: server ready: gRPC 127.0.0.1:")
        .containsPattern("\\[warm-up\\] +fetch-1000 +grpc-blazebinary .*\\(unmeasured\\)")
        .containsPattern("\\[round 1/1\\] +fetch-1000 +grpc-blazebinary ")
        .containsPattern("\\[round 1/1\\] +fetch-1000 +rest-json ")
        .contains("blazebench compare: server stopped")
        // The claim check's count, the same line summary.md opens with.
        .containsPattern(
            "blazebench compare: claim check: \\d+ holds?, \\d+ do(es)? not hold, \\d+"
                + " inconclusive, \\d+ not measurable here, \\d+ not measured in this run \\(of"
                + " \\d+ claims in the seed\\)");
    assertThat(Files.readString(out.resolve("summary.md")))
        .contains(run.stderr().replaceAll("(?s).*claim check: ([^\n]*)\n.*", "$1"));
    // stdout names the report, for scripts.
    assertThat(run.stdout().strip()).isEqualTo(out.resolve("index.html").toString());
    assertThat(out.resolve("index.html")).isNotEmptyFile();
    assertThat(out.resolve("summary.md")).isNotEmptyFile();

    RunResults results = RunResultsReader.read(out);
    assertThat(results.settings().apis()).containsExactly("grpc-blazebinary", "rest-json");
    assertThat(results.settings().rounds()).isEqualTo(1);
    assertThat(results.settings().codec()).isEqualTo("skipped");
    assertThat(results.codec()).isNull();
    assertThat(results.environment().cores()).isPositive();
    assertThat(results.warnings()).noneMatch(w -> w.code().equals("partial"));
    assertThat(results.results())
        .as(run.stderr())
        .extracting(ApiScenarioResult::api)
        .containsExactly("grpc-blazebinary", "rest-json");
    for (ApiScenarioResult result : results.results()) {
      assertThat(result.rounds()).hasSize(1);
      assertThat(result.total().count() + result.total().errorCount())
          .as("calls made by %s", result.api())
          .isPositive();
      Path loadResults = out.resolve(result.rounds().get(0).loadResults());
      assertThat(ResultsJson.read(loadResults).results().get(0).api()).isEqualTo(result.api());
      assertThat(loadResults.resolveSibling(result.api() + "-fetch-1000-query.hlog"))
          .isRegularFile();
    }
    // The warm-up round's runs are kept apart and left out of the results.
    assertThat(out.resolve("warmup").resolve("rest-json--fetch-1000").resolve("results.json"))
        .isRegularFile();
    assertThat(Files.readString(out.resolve("server.log")))
        .contains("blazebench serve: ready grpc=127.0.0.1:");
  }
}
