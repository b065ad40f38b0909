package dev.blazebench.harness.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.ExitCodes;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** How {@code blazebench relay}'s flags are read, and how bad ones fail before anything listens. */
class RelayCommandTest {

  @Test
  void targetsParseAsHostAndPortKeepingTheNameGiven() {
    InetSocketAddress named = RelayCommand.parseTarget("localhost:50051");
    assertThat(named.getPort()).isEqualTo(50051);
    assertThat(DelayRelay.hostPort(named)).isEqualTo("localhost:50051");
    assertThat(named.isUnresolved()).isFalse();

    InetSocketAddress ipv6 = RelayCommand.parseTarget("[::1]:8080");
    assertThat(ipv6.getAddress().isLoopbackAddress()).isTrue();
    assertThat(DelayRelay.hostPort(ipv6)).isEqualTo("[0:0:0:0:0:0:0:1]:8080");
  }

  @Test
  void badTargetsAreBadInputNamingTheValue() {
    assertBadInput("--to: expected HOST:PORT, was \"localhost\"", "--to", "localhost");
    assertBadInput("--to: expected HOST:PORT, was \"localhost:\"", "--to", "localhost:");
    assertBadInput(
        "--to: the port must be between 1 and 65535, was 70000 in \"127.0.0.1:70000\"",
        "--to",
        "127.0.0.1:70000");
    assertBadInput(
        "--to: the port is not a number in \"127.0.0.1:http\"", "--to", "127.0.0.1:http");
    assertBadInput(
        "--to: cannot resolve host \"no-such-host.invalid\" in \"no-such-host.invalid:80\"",
        "--to",
        "no-such-host.invalid:80");
    assertBadInput("--to: write an IPv6 address in brackets", "--to", "::1:80");
  }

  @Test
  void badDelaysAreBadInputNamingTheValue() {
    assertBadInput("--delay: malformed duration '20': missing unit", "--delay", "20");
    assertBadInput("--delay: malformed duration '-5ms'", "--delay", "-5ms");
    assertBadInput("--delay must be at most 10s, was \"11s\"", "--delay", "11s");
  }

  @Test
  void missingFlagsAreUsageErrors() {
    CliRun run = CliRun.run("", "relay", "--delay", "20ms");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("--to");
  }

  @Test
  void anAddressThatCannotBeBoundIsBadInput() {
    CliRun run =
        CliRun.run(
            "", "relay", "--delay", "0ms", "--to", "127.0.0.1:9", "--listen-host", "192.0.2.1");
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("--listen-host 192.0.2.1: cannot listen on 192.0.2.1");
  }

  @Test
  void helpShowsTheExamples() {
    CliRun run = CliRun.run("", "relay", "--help");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.stdout()).contains("blazebench relay --delay 20ms --to 127.0.0.1:50051");
  }

  /** Runs {@code relay} with a valid --delay and --to unless {@code flags} gives its own. */
  private static void assertBadInput(String message, String... flags) {
    String[] args = new String[flags.length + 5];
    args[0] = "relay";
    System.arraycopy(flags, 0, args, 1, flags.length);
    boolean givesDelay = flags[0].equals("--delay");
    args[flags.length + 1] = givesDelay ? "--to" : "--delay";
    args[flags.length + 2] = givesDelay ? "127.0.0.1:9" : "20ms";
    args[flags.length + 3] = "--listen-host";
    args[flags.length + 4] = "127.0.0.1";
    CliRun run = CliRun.run("", args);
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains(message);
  }
}
