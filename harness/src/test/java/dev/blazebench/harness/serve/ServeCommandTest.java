package dev.blazebench.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import dev.blazebench.server.net.ConnectionLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How {@code blazebench serve}'s flags become {@link ServerOptions}, and how bad ones fail. */
class ServeCommandTest {

  private static ServerOptions resolve(String... args) {
    return resolved(args).resolveOptions();
  }

  private static ServeCommand resolved(String... args) {
    ServeCommand command =
        new ServeCommand(
            CliStreams.of(
                new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(),
                new ByteArrayOutputStream(),
                false));
    new CommandLine(command).parseArgs(args);
    command.resolveOptions();
    return command;
  }

  @Test
  void aFailedStoreStopsTheServerUnlessToldToStay() {
    assertThat(resolved().exitsOnStoreFailure()).isTrue();
    assertThat(resolved("--on-store-failure", "exit").exitsOnStoreFailure()).isTrue();
    assertThat(resolved("--on-store-failure", "stay").exitsOnStoreFailure()).isFalse();
  }

  @Test
  void noFlagsGiveTheServersDefaults() {
    assertThat(resolve()).isEqualTo(ServerOptions.defaults());
  }

  @Test
  void flagsWithUnitsBecomeOptions() {
    ServerOptions options =
        resolve(
            "--api",
            "blaze,proto",
            "--host",
            "0.0.0.0",
            "--grpc-port",
            "0",
            "--http-port",
            "9090",
            "--data-dir",
            "data",
            "--seed-records",
            "100k",
            "--max-message-size",
            "16MiB",
            "--shutdown-grace",
            "500ms",
            "--idle-timeout",
            "0s",
            "--max-connections",
            "2k",
            "--request-buffer",
            "3GiB",
            "--header-timeout",
            "2500ms",
            "--sync-on-commit");
    assertThat(options.apis()).isEqualTo(EnumSet.of(ServerApi.BLAZE, ServerApi.PROTO));
    assertThat(options.host()).isEqualTo("0.0.0.0");
    assertThat(options.grpcPort()).isZero();
    assertThat(options.httpPort()).isEqualTo(9090);
    assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(options.seedRecords()).isEqualTo(100_000);
    assertThat(options.maxMessageBytes()).isEqualTo(16 * 1024 * 1024);
    assertThat(options.shutdownGrace()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.store().syncOnCommit()).isTrue();
    assertThat(options.connections())
        .isEqualTo(
            new ConnectionLimits(
                Duration.ZERO, 2_000, 3L * 1024 * 1024 * 1024, Duration.ofMillis(2_500)));
  }

  @Test
  void badFlagsAreBadInputNamingTheFlag() {
    assertBadInput("--api: unknown API \"grpc\"", "--api", "blaze,grpc");
    assertBadInput("--max-message-size: expected a size unit", "--max-message-size", "64XB");
    assertBadInput("--shutdown-grace: expected a duration with a unit", "--shutdown-grace", "10");
    assertBadInput("--seed-records: expected a count", "--seed-records", "-5");
    assertBadInput("--idle-timeout: expected a duration", "--idle-timeout", "2h");
    assertBadInput("--max-connections must be at least 1", "--max-connections", "0");
    assertBadInput("--header-timeout: expected a duration", "--header-timeout", "soon");
    assertBadInput(
        "--on-store-failure: 'later' is neither exit nor stay", "--on-store-failure", "later");
    assertBadInput(
        "--request-buffer must be at least --max-message-size (67108864), or the largest request"
            + " could never be held; was 1048576",
        "--request-buffer",
        "1MiB");
    assertBadInput("--request-buffer: expected a size", "--request-buffer", "lots");
    assertBadInput("--grpc-port must be between 0 and 65535", "--grpc-port", "70000");
    assertBadInput(
        "--grpc-port and --http-port are both 7000", "--grpc-port", "7000", "--http-port", "7000");
  }

  private static void assertBadInput(String message, String... flags) {
    String[] args = new String[flags.length + 1];
    args[0] = "serve";
    System.arraycopy(flags, 0, args, 1, flags.length);
    CliRun run = CliRun.run("", args);
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains(message);
  }
}
