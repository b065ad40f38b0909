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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --delay} as a user runs it: the relay (and the reference server) as real child
 * processes, one round of get-one against two APIs, in front of compare's own server and in front
 * of servers given with {@code --target}. Every call must cross the relay, so no call can be faster
 * than the round trip it adds (a property of the feature, not a speed: the assertion is a lower
 * bound that holds on any machine), and results.json must record the delay.
 */
class CompareDelayEndToEndTest {

  private static final long ONE_WAY_MILLIS = 30;

  @TempDir Path tmp;

  @Test
  void everyCallToCompareOwnServerCrossesTheRelayAndTheRunRecordsTheDelay() throws Exception {
    Path out = tmp.resolve("run");

    CliRun run = compare(out, "--apis", "grpc-blazebinary,rest-json");

    assertThat(run.stderr()).contains("starting the reference server");
    assertEveryCallCrossedTheRelay(run, out);
  }

  @Test
  void everyCallToServersGivenWithTargetCrossesTheRelay() throws Exception {
    Path out = tmp.resolve("run");
    ServerProcess server = GivenServer.start(tmp);
    CliRun run;
    try {
      run =
          compare(
              out,
              "--target",
              "grpc-blazebinary=blaze://" + server.host() + ":" + server.grpcPort(),
              "--target",
              "rest-json=rest://" + server.host() + ":" + server.httpPort());
    } finally {
      server.stop(Duration.ofSeconds(10));
    }

    assertThat(run.stderr())
        .contains("servers given: grpc-blazebinary -> blaze://127.0.0.1:" + server.grpcPort())
        .containsPattern("through the relay: grpc-blazebinary -> blaze://127\\.0\\.0\\.1:\\d+");
    assertEveryCallCrossedTheRelay(run, out);
  }

  /**
   * compare with {@code apiArgs}, get-one only, one short round, {@link #ONE_WAY_MILLIS} each way.
   */
  private static CliRun compare(Path out, String... apiArgs) {
    List<String> args = new ArrayList<>(List.of("compare"));
    args.addAll(List.of(apiArgs));
    args.addAll(
        List.of(
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
            out.toString()));
    return CliRun.run("", args.toArray(String[]::new));
  }

  private static void assertEveryCallCrossedTheRelay(CliRun run, Path out) throws Exception {
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
