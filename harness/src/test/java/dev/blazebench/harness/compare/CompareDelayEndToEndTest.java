package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.NetworkLink;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --delay} as a user runs it: the reference server and the relay as real child
 * processes, one round of get-one against two APIs. Every call must cross the relay, so no call can
 * be faster than the round trip it adds (a property of the feature, not a speed: the assertion is a
 * lower bound that holds on any machine), and results.json must record the delay.
 */
class CompareDelayEndToEndTest {

  private static final long ONE_WAY_MILLIS = 30;

  @TempDir Path tmp;

  @Test
  void everyCallCrossesTheRelayAndTheRunRecordsTheDelay() throws Exception {
    Path out = tmp.resolve("run");

    CliRun run =
        CliRun.run(
            "",
            "compare",
            "--apis",
            "grpc-blazebinary,rest-json",
            "--scenarios",
            "get-one",
            "--rounds",
            "1",
            "--duration",
            "1s",
            "--warmup",
            "500ms",
            "--no-codec",
            "--delay",
            ONE_WAY_MILLIS + "ms",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.stderr()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED);
    assertThat(run.stderr())
        .contains("starting the delay relay: " + ONE_WAY_MILLIS + " ms each way")
        .contains(ONE_WAY_MILLIS + " ms added each way");
    assertThat(Files.readString(out.resolve("relay.log")))
        .containsPattern("blazebench relay: 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:\\d+")
        .contains("blazebench relay: ready");

    RunResults results = RunResultsReader.read(out);
    NetworkLink link = results.environment().link();
    assertThat(link).isNotNull();
    assertThat(link.shaped()).isFalse();
    assertThat(link.oneWayDelayMillis()).isEqualTo(ONE_WAY_MILLIS);
    assertThat(link.note()).contains("blazebench relay");
    assertThat(results.results())
        .as(run.stderr())
        .extracting(ApiScenarioResult::api)
        .containsExactly("grpc-blazebinary", "rest-json");
    for (ApiScenarioResult result : results.results()) {
      assertThat(result.total().count()).as("calls by %s", result.api()).isPositive();
      // Latency is timed from the intended start, so a call cannot take less than the round
      // trip the relay adds: the request's way there and the answer's way back. (1% below it
      // for the histogram's resolution: it reports the lowest value of the minimum's bucket.)
      assertThat(result.total().latencyMicros().min())
          .as("fastest call of %s, µs", result.api())
          .isGreaterThanOrEqualTo(2 * ONE_WAY_MILLIS * 1000 * 99 / 100);
    }
  }
}
