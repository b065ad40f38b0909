package dev.blazebench.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.load.profile.LoadModel;
import dev.blazebench.load.profile.RateSegment;
import dev.blazebench.load.run.LoadRunOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoadCommandTest {

  @TempDir Path dir;

  private static LoadRunOptions resolve(String... args) {
    CliStreams streams =
        CliStreams.of(
            new ByteArrayInputStream(new byte[0]),
            new ByteArrayOutputStream(),
            new ByteArrayOutputStream(),
            false);
    LoadCommand command = new LoadCommand(streams);
    new CommandLine(command).parseArgs(args);
    return command.resolveOptions();
  }

  @Test
  void theIssuesCommandLineResolvesToAnOpenModelRun() {
    LoadRunOptions options =
        resolve(
            "--target", "blaze://127.0.0.1:50051",
            "--scenario", "fetch-1000",
            "--rate", "200/s",
            "--duration", "30s",
            "--warmup", "10s",
            "--connections", "4",
            "--max-in-flight", "64",
            "--out", "DIR",
            "--start-at", "2030-01-01T00:00:00Z");

    assertThat(options.target().host()).isEqualTo("127.0.0.1");
    assertThat(options.target().port()).isEqualTo(50051);
    assertThat(options.api()).isEqualTo("grpc-blazebinary");
    assertThat(options.driver().profile().describe())
        .isEqualTo("open model: 200/s for 30s, after 10s warm-up");
    assertThat(options.driver().maxInFlight()).isEqualTo(64);
    assertThat(options.driver().callDeadline()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.connections()).isEqualTo(4);
    assertThat(options.outDir()).isEqualTo(Path.of("DIR").toAbsolutePath());
    assertThat(options.startAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void rampsStepsAndTheClosedModelAreSpelledInTheRateFlags() {
    assertThat(LoadCommand.segments("100/s..1k/s", Duration.ofSeconds(60)))
        .containsExactly(RateSegment.ramp(100, 1000, Duration.ofSeconds(60)));
    List<RateSegment> steps = LoadCommand.segments("1/s,2/s,3/s", Duration.ofSeconds(10));
    assertThat(steps).extracting(RateSegment::fromRps).containsExactly(1.0, 2.0, 3.0);
    assertThat(steps.stream().mapToLong(RateSegment::durationNanos).sum())
        .isEqualTo(10_000_000_000L);

    assertThat(resolve("--target", "proto://h:1", "--scenario", "fetch-1000").api())
        .isEqualTo("grpc-protobuf");
    assertThat(resolve("--target", "rest+gzip://h:8080", "--scenario", "fetch-1000").api())
        .isEqualTo("rest-json-gzip");
    assertThat(
            resolve("--target", "blaze://h:1", "--scenario", "fetch-1000", "--api", "grpc-native")
                .api())
        .isEqualTo("grpc-native");

    LoadRunOptions closed =
        resolve("--target", "blaze://h:1", "--scenario", "insert-100", "--closed", "8");
    assertThat(closed.driver().profile().model()).isEqualTo(LoadModel.CLOSED);
  }

  @Test
  void scenarioOptionsResolveAndApplyOnlyToTheirScenario() {
    LoadRunOptions stream =
        resolve(
            "--target", "rest://h:8080",
            "--scenario", "stream-1m",
            "--records", "10k",
            "--batch-size", "500",
            "--collection", "big");
    assertThat(stream.scenarioOptions().records()).isEqualTo(10_000);
    assertThat(stream.scenarioOptions().batchSize()).isEqualTo(500);
    assertThat(stream.scenarioOptions().collection()).isEqualTo("big");
    LoadRunOptions mix =
        resolve("--target", "blaze://h:1", "--scenario", "crud-mix", "--mix", "read=90,update=10");
    assertThat(mix.scenarioOptions().mix().describe())
        .isEqualTo("read=90,insert=0,update=10,delete=0");

    assertThat(runLoad("--mix", "read=1").stderr()).contains("--mix applies to crud-mix only");
    assertThat(runLoad("--records", "1m").stderr()).contains("--records applies to stream-1m only");
    CliRun badMix =
        CliRun.run(
            "", "load", "--target", "blaze://h:1", "--scenario", "crud-mix", "--mix", "read=x");
    assertThat(badMix.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(badMix.stderr()).contains("weight 'x' of read is not a whole number");
  }

  @Test
  void badFlagsAreErrorsNamingTheFlag() {
    CliRun unknown =
        CliRun.run(
            "", "load", "--target", "blaze://h:1", "--scenario", "fetch-1000", "--speed", "2");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unknown.stderr()).contains("Unknown options: '--speed'");

    assertThat(runLoad("--rate", "fast").stderr()).contains("malformed rate 'fast'");
    assertThat(runLoad("--duration", "30").stderr()).contains("missing unit");
    assertThat(runLoad("--start-at", "tomorrow").stderr()).contains("not an ISO-8601 instant");
    assertThat(runLoad("--closed", "4", "--rate", "10/s").stderr())
        .contains("--closed and --rate exclude each other");
    CliRun wrongScheme =
        CliRun.run("", "load", "--target", "http://h:1", "--scenario", "fetch-1000");
    assertThat(wrongScheme.stderr()).contains("unknown scheme 'http'");
    CliRun planned =
        CliRun.run(
            "",
            "load",
            "--target",
            "blaze://h:1",
            "--scenario",
            "fetch-1000",
            "--api",
            "rest-json");
    assertThat(planned.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(planned.stderr()).contains("api 'rest-json' does not run over blaze://");
    CliRun websocket = CliRun.run("", "load", "--target", "ws://h:1", "--scenario", "fetch-1000");
    assertThat(websocket.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(websocket.stderr())
        .contains("scenario 'fetch-1000' does not run over ws://h:1: websocket-json only follows");
    CliRun restRealtime =
        CliRun.run("", "load", "--target", "rest://h:1", "--scenario", "realtime");
    assertThat(restRealtime.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(restRealtime.stderr())
        .contains("scenario 'realtime' does not run over rest://h:1: REST/JSON has no push");
    CliRun subscribersElsewhere =
        CliRun.run(
            "",
            "load",
            "--target",
            "blaze://h:1",
            "--scenario",
            "fetch-1000",
            "--subscribers",
            "3");
    assertThat(subscribersElsewhere.stderr())
        .contains("apply to realtime (and --subscribers to sync) only");
    CliRun syncOverProtobuf =
        CliRun.run("", "load", "--target", "proto://h:1", "--scenario", "sync");
    assertThat(syncOverProtobuf.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(syncOverProtobuf.stderr())
        .contains("scenario 'sync' does not run over grpc-protobuf: only grpc-blazebinary serves");
    CliRun unknownScenario =
        CliRun.run("", "load", "--target", "blaze://h:1", "--scenario", "fetch-7");
    assertThat(unknownScenario.stderr())
        .contains(
            "unknown scenario 'fetch-7' (available: fetch-1000, insert-100, get-one, crud-mix,"
                + " aggregate, stream-1m, realtime, sync)");
  }

  @Test
  void anUnreachableTargetIsAClearErrorWithinSeconds() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort(); // closed again: nothing listens there
    }
    CliRun run =
        CliRun.run(
            "",
            "load",
            "--target",
            "blaze://127.0.0.1:" + freePort,
            "--scenario",
            "fetch-1000",
            "--out",
            dir.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .contains("cannot connect to 127.0.0.1:" + freePort + " within 3000 ms");
  }

  private static CliRun runLoad(String... extra) {
    String[] args = new String[5 + extra.length];
    args[0] = "load";
    args[1] = "--target";
    args[2] = "blaze://h:1";
    args[3] = "--scenario";
    args[4] = "fetch-1000";
    System.arraycopy(extra, 0, args, 5, extra.length);
    CliRun run = CliRun.run("", args);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    return run;
  }
}
