package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny compare against a server it did not start, as the compose driver runs one: the test starts
 * the reference server as a child process and passes its ports with {@code --target}. The run
 * folder must be complete, without a server.log, and the server's CPU must be unknown.
 */
class CompareExternalTargetsEndToEndTest {

  @TempDir Path tmp;

  @Test
  void aCompareAgainstGivenServersWritesACompleteRunFolder() throws Exception {
    Path out = tmp.resolve("run");
    ServerProcess server = GivenServer.start(tmp);
    CliRun run;
    try {
      String grpc = server.host() + ":" + server.grpcPort();
      String http = server.host() + ":" + server.httpPort();
      run =
          CliRun.run(
              "",
              "compare",
              "--target",
              "grpc-protobuf=proto://" + grpc,
              "--target",
              "rest-json=rest://" + http,
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
    } finally {
      server.stop(Duration.ofSeconds(10));
    }

    assertThat(run.exitCode()).as(run.stderr()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED);
    assertThat(run.stderr())
        .contains("blazebench compare: servers given: grpc-protobuf -> proto://127.0.0.1:")
        .containsPattern("\\[round 1/1\\] +fetch-1000 +grpc-protobuf ")
        .containsPattern("\\[round 1/1\\] +fetch-1000 +rest-json ")
        .doesNotContain("starting the reference server");
    assertThat(run.stdout().strip()).isEqualTo(out.resolve("index.html").toString());
    assertThat(out.resolve("index.html")).isNotEmptyFile();
    assertThat(out.resolve("server.log")).doesNotExist();

    RunResults results = RunResultsReader.read(out);
    assertThat(results.settings().apis()).containsExactly("grpc-protobuf", "rest-json");
    assertThat(results.environment().placement().pinned()).isFalse();
    assertThat(results.environment().placement().note()).contains("servers given with --target");
    assertThat(results.warnings()).anyMatch(w -> w.code().equals("servers-external"));
    assertThat(results.warnings()).noneMatch(w -> w.code().equals("cores-shared"));
    assertThat(results.results())
        .extracting(ApiScenarioResult::api)
        .containsExactly("grpc-protobuf", "rest-json");
    for (ApiScenarioResult result : results.results()) {
      assertThat(result.total().count() + result.total().errorCount())
          .as("calls made by %s", result.api())
          .isPositive();
      assertThat(result.total().serverCpuMicrosPerOp()).as(result.api()).isNull();
    }
  }
}
