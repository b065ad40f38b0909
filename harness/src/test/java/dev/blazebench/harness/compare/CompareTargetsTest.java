package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.load.run.Target;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code compare --target API=URL} and {@code --writer}: what they resolve to, and refusals. */
class CompareTargetsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T19:30:00Z"), ZoneOffset.UTC);

  private static ComparePlan plan(String... args) {
    CompareCommand command =
        new CompareCommand(
            CliStreams.of(
                new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(),
                new ByteArrayOutputStream(),
                false),
            CLOCK);
    new CommandLine(command).parseArgs(args);
    return command.resolvePlan();
  }

  @Test
  void withoutTargetsCompareStartsItsOwnServer() {
    assertThat(plan().external()).isNull();
  }

  @Test
  void targetsLimitTheApisToThoseGivenInTheirOrder() {
    ComparePlan plan =
        plan(
            "--target", "rest-json=rest://rest:8080",
            "--target", "grpc-protobuf=proto://proto:50051",
            "--target", "grpc-blazebinary=blaze://blaze:50051");

    assertThat(plan.profile()).isEqualTo("custom");
    assertThat(plan.apis()).containsExactly("rest-json", "grpc-protobuf", "grpc-blazebinary");
    assertThat(plan.apisByScenario().get("fetch-1000"))
        .containsExactly("rest-json", "grpc-protobuf", "grpc-blazebinary");
    ExternalTargets external = plan.external();
    assertThat(external.targetFor("grpc-protobuf").host()).isEqualTo("proto");
    assertThat(external.targetFor("grpc-protobuf").port()).isEqualTo(50051);
    assertThat(external.targetFor("rest-json").scheme()).isEqualTo("rest");
    // Without --writer, realtime's writer goes to the grpc-blazebinary server.
    assertThat(external.writer().text()).isEqualTo("blaze://blaze:50051");
  }

  @Test
  void realtimeSubscribersTakeTheWriterGiven() {
    ComparePlan plan =
        plan(
            "--scenarios", "realtime",
            "--target", "websocket-json=ws://rest:8080",
            "--target", "rest-poll-1s=rest-poll://rest:8080",
            "--writer", "blaze://rest:50051");

    assertThat(plan.apisByScenario().get("realtime"))
        .containsExactly("websocket-json", "rest-poll-1s");
    assertThat(plan.external().writer().host()).isEqualTo("rest");
    assertThat(plan.external().targetFor("rest-poll-1s").scheme()).isEqualTo("rest-poll");
  }

  @Test
  void theRelayGetsEachAddressOnceAndTheTargetsAreReroutedKeepingTheirSchemes() {
    ExternalTargets targets =
        plan(
                "--scenarios",
                "realtime",
                "--target",
                "grpc-blazebinary=blaze://blaze:50051",
                "--target",
                "websocket-json=ws://rest:8080",
                "--target",
                "rest-poll-1s=rest-poll://rest:8080")
            .external();

    // The writer defaults to grpc-blazebinary's target: the same address, listed once.
    assertThat(targets.addresses()).containsExactly("blaze:50051", "rest:8080");
    ExternalTargets rerouted =
        targets.via(t -> Target.parse(t.scheme() + "://127.0.0.1:" + (t.port() + 1)));
    assertThat(rerouted.targetFor("grpc-blazebinary").text()).isEqualTo("blaze://127.0.0.1:50052");
    assertThat(rerouted.targetFor("websocket-json").text()).isEqualTo("ws://127.0.0.1:8081");
    assertThat(rerouted.targetFor("rest-poll-1s").text()).isEqualTo("rest-poll://127.0.0.1:8081");
    assertThat(rerouted.writerFor("websocket-json").text()).isEqualTo("blaze://127.0.0.1:50052");
  }

  @Test
  void realtimeWithoutAWriterIsRefused() {
    assertThatThrownBy(
            () -> plan("--scenarios", "realtime", "--target", "websocket-json=ws://rest:8080"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("needs --writer blaze://HOST:PORT");
  }

  @Test
  void apisMustHaveATarget() {
    assertThatThrownBy(
            () ->
                plan("--target", "rest-json=rest://rest:8080", "--apis", "rest-json,grpc-protobuf"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--apis: grpc-protobuf has no --target (given: rest-json)");
  }

  @Test
  void badTargetsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> plan("--target", "rest://rest:8080"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--target 'rest://rest:8080': expected API=URL");
    assertThatThrownBy(() -> plan("--target", "grpc-fastest=blaze://blaze:50051"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown API 'grpc-fastest'");
    assertThatThrownBy(() -> plan("--target", "rest-json=rest://rest"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--target 'rest-json=rest://rest': ")
        .hasMessageContaining("needs a host and a port");
    assertThatThrownBy(() -> plan("--target", "rest-json=http://rest:8080"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown scheme 'http'");
    assertThatThrownBy(() -> plan("--target", "grpc-protobuf=blaze://proto:50051"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("blaze:// is the scheme of grpc-blazebinary, not of grpc-protobuf")
        .hasMessageContaining("give proto://HOST:PORT");
    assertThatThrownBy(
            () ->
                plan(
                    "--target", "rest-json=rest://a:8080",
                    "--target", "rest-json=rest://b:8080"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--target: rest-json is given twice");
    assertThatThrownBy(
            () -> plan("--target", "rest-json=rest://rest:8080", "--writer", "rest://rest:8080"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("writes through blaze://");
    assertThatThrownBy(() -> plan("--writer", "blaze://blaze:50051"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--writer is for servers given with --target");
  }

  @Test
  void aBadTargetExitsWithOneBeforeAnythingStarts() {
    CliRun run =
        CliRun.run("", "compare", "--target", "grpc-native=blaze-native://blaze", "--no-codec");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .contains("blazebench compare: --target 'grpc-native=blaze-native://blaze'")
        .doesNotContain("starting the reference server");
  }
}
