package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.load.run.Catalogue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code blazebench compare}'s options: what they resolve to, and clear refusals of bad ones. */
class CompareCommandTest {

  @TempDir Path tmp;

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T19:30:00Z"), ZoneOffset.UTC);

  private ComparePlan plan(String... args) {
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
  void everyApiGetsABaselineTwinRightBeforeIt() throws Exception {
    ComparePlan plan =
        plan(
            "--apis", "grpc-blazebinary,rest-json",
            "--scenarios", "fetch-1000",
            "--baseline-jar", CompareBaselineBuildTest.blazebenchJarIn(tmp).toString());

    assertThat(plan.apisByScenario().get("fetch-1000"))
        .containsExactly(
            "grpc-blazebinary@baseline", "grpc-blazebinary", "rest-json@baseline", "rest-json");
    assertThat(plan.baselineJar()).isAbsolute();
    assertThat(plan.profile()).isEqualTo("custom");
  }

  @Test
  void serverForksMustFitTheRoundsAndNotTargets() {
    assertThat(plan("--rounds", "6", "--server-forks", "3").serverForks()).isEqualTo(3);
    assertThat(plan().serverForks()).isEqualTo(1);

    CliRun zero = CliRun.run("", "compare", "--no-codec", "--server-forks", "0");
    CliRun tooMany =
        CliRun.run("", "compare", "--no-codec", "--rounds", "2", "--server-forks", "3");
    CliRun withTarget =
        CliRun.run(
            "",
            "compare",
            "--no-codec",
            "--rounds",
            "2",
            "--server-forks",
            "2",
            "--target",
            "grpc-blazebinary=blaze://127.0.0.1:1");

    assertThat(zero.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(zero.stderr())
        .contains("--server-forks must be between 1 and the rounds (2), was 0");
    assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(tooMany.stderr()).contains("was 3");
    assertThat(withTarget.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(withTarget.stderr()).contains("servers given with --target are not compare's");
  }

  @Test
  void linkTakesARateTcKnowsAndRefusesTargetsAndOtherWords() {
    ComparePlan linked = plan("--quick", "--link", "10mbit");
    assertThat(linked.link()).isEqualTo("10mbit");
    assertThat(linked.linkBitsPerSecond()).isEqualTo(10_000_000L);
    assertThat(linked.profile()).isEqualTo("custom"); // capped rates, longer runs
    assertThat(plan().link()).isNull();
    assertThat(plan().linkBitsPerSecond()).isZero();

    assertThatThrownBy(() -> plan("--link", "10Mbps"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--link '10Mbps' is not a link rate")
        .hasMessageContaining("<number>kbit, <number>mbit or <number>gbit");
    CliRun withTarget =
        CliRun.run(
            "",
            "compare",
            "--no-codec",
            "--link",
            "10mbit",
            "--target",
            "grpc-blazebinary=blaze://127.0.0.1:1");
    assertThat(withTarget.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(withTarget.stderr())
        .contains("--link cannot be combined with --target")
        .contains("a link compare does not own");
  }

  @Test
  void delayTakesADurationWithALinkTargetsOrNeitherAndRefusesZeroAndTooLong() {
    ComparePlan delayed = plan("--quick", "--delay", "20ms");
    assertThat(delayed.delay()).isEqualTo(Duration.ofMillis(20));
    assertThat(delayed.delayMillis()).isEqualTo(20);
    assertThat(delayed.link()).isNull();
    assertThat(delayed.profile()).isEqualTo("custom");
    ComparePlan both = plan("--quick", "--link", "10mbit", "--delay", "0.5s");
    assertThat(both.delay()).isEqualTo(Duration.ofMillis(500));
    assertThat(both.link()).isEqualTo("10mbit");
    assertThat(plan().delay()).isNull();
    assertThat(plan().delayMillis()).isZero();

    assertThatThrownBy(() -> plan("--delay", "20"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--delay: ")
        .hasMessageContaining("missing unit");
    assertThatThrownBy(() -> plan("--delay", "0ms"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--delay must be between 1ms and 5s, was 0ms");
    assertThatThrownBy(() -> plan("--delay", "500us"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--delay must be between 1ms and 5s, was 500us");
    assertThatThrownBy(() -> plan("--delay", "6s"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--delay must be between 1ms and 5s, was 6s");
    ComparePlan withTarget =
        plan("--no-codec", "--delay", "20ms", "--target", "grpc-blazebinary=blaze://srv:50051");
    assertThat(withTarget.delay()).isEqualTo(Duration.ofMillis(20));
    assertThat(withTarget.external().addresses()).containsExactly("srv:50051");
  }

  @Test
  void aDelayRaisesDeadlinesInFlightCapsAndConnectionsButNotTheRate() {
    ComparePlan delayed = plan("--quick", "--delay", "50ms");
    ScenarioLoad plain = plan("--quick").scenarioLoad("get-one");
    ScenarioLoad load = delayed.scenarioLoad("get-one");

    assertThat(load.targetRps()).isEqualTo(plain.targetRps());
    // 200/s x 0.1 s round trip x 2 = 40 calls held: 40 more in flight, 40 connections at least
    // (one HTTP/1.1 call per connection at a time); 40 x 50 ms = 2 s more deadline.
    assertThat(load.connections()).isEqualTo(40);
    assertThat(load.maxInFlight()).isEqualTo(plain.maxInFlight() + 40);
    assertThat(load.callDeadline()).isEqualTo(plain.callDeadline().plusSeconds(2));
    assertThat(plain.withDelay(null)).isSameAs(plain);
    assertThat(plain.withDelay(Duration.ZERO)).isSameAs(plain);
  }

  @Test
  void quickIsTheDefaultProfileWithTheSeedsThreeTests() {
    ComparePlan plan = plan();

    assertThat(plan.profile()).isEqualTo("quick");
    assertThat(plan.rounds()).isEqualTo(2);
    assertThat(plan.warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plan.codec()).isTrue();
    assertThat(plan.scenarios()).startsWith("insert-100", "fetch-1000");
    assertThat(plan.apisByScenario().get("fetch-1000"))
        .containsExactly(
            "grpc-blazebinary", "grpc-native", "grpc-protobuf", "rest-json", "rest-json-gzip");
    if (Catalogue.SCENARIOS.contains("realtime")) {
      assertThat(plan.scenarios()).containsExactly("insert-100", "fetch-1000", "realtime");
      assertThat(plan.apisByScenario().get("realtime"))
          .containsExactly("grpc-blazebinary", "websocket-json", "rest-poll-1s", "rest-poll-5s");
    }
    assertThat(plan.referenceApi()).isEqualTo("rest-json");
    assertThat(plan.outDir().toString())
        .endsWith(Path.of("reports", "out", "20261127T193000Z").toString());
  }

  @Test
  void fullAddsGetOneAggregateAndSyncAndFiveRounds() {
    ComparePlan plan = plan("--full");

    assertThat(plan.profile()).isEqualTo("full");
    assertThat(plan.rounds()).isEqualTo(5);
    assertThat(plan.scenarios()).contains("get-one", "aggregate", "sync");
    // Only the BlazeBinary-in-protobuf API serves Sync.
    assertThat(plan.apisByScenario().get("sync")).containsExactly("grpc-blazebinary");
    assertThat(plan.wholePollIntervals()).isTrue();
  }

  @Test
  void apisAreKeptWhereTheyApplyAndTheProfileBecomesCustom() {
    ComparePlan plan =
        plan("--apis", "rest-json,grpc-blazebinary", "--rounds", "2", "--out", tmp.toString());

    assertThat(plan.profile()).isEqualTo("custom");
    assertThat(plan.rounds()).isEqualTo(2);
    // The order of --apis is the order within a round.
    assertThat(plan.apisByScenario().get("insert-100"))
        .containsExactly("rest-json", "grpc-blazebinary");
    if (Catalogue.SCENARIOS.contains("realtime")) {
      // rest-json has no push: realtime runs with the one of the two that can follow changes.
      assertThat(plan.apisByScenario().get("realtime")).containsExactly("grpc-blazebinary");
    }
    assertThat(plan.outDir().toString()).isEqualTo(tmp.toAbsolutePath().toString());
  }

  @Test
  void scenariosAndTimesCanBeChosen() {
    ComparePlan plan =
        plan("--scenarios", "fetch-1000", "--duration", "1s", "--warmup", "0s", "--no-codec");

    assertThat(plan.apisByScenario()).containsOnlyKeys("fetch-1000");
    assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plan.warmup()).isZero();
    assertThat(plan.codec()).isFalse();
    assertThat(plan.profile()).isEqualTo("custom");
  }

  @Test
  void theWarmUpRoundCanBeLengthenedAndMakesTheProfileCustom() {
    assertThat(plan("--full").warmupRound()).isEqualTo(Duration.ofSeconds(1));

    ComparePlan plan = plan("--full", "--warmup-round", "30s");

    assertThat(plan.warmupRound()).isEqualTo(Duration.ofSeconds(30));
    assertThat(plan.profile()).isEqualTo("custom");
  }

  @Test
  void anUnknownApiIsBadInputNamingItAndTheAvailableOnes() {
    CliRun run = CliRun.run("", "compare", "--apis", "grpc-blazebinary,grpc-fastest", "--no-codec");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .contains("blazebench compare: --apis: unknown API 'grpc-fastest'")
        .contains("available: grpc-blazebinary, grpc-native");
  }

  @Test
  void quickAndFullExcludeEachOther() {
    CliRun run = CliRun.run("", "compare", "--quick", "--full");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("--quick and --full exclude each other");
  }

  @Test
  void badValuesAreRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> plan("--rounds", "0"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--rounds must be at least 1");
    assertThatThrownBy(() -> plan("--duration", "0s"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--duration must be positive");
    assertThatThrownBy(() -> plan("--warmup", "soon"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--warmup: ");
    assertThatThrownBy(() -> plan("--warmup-round", "0s"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--warmup-round must be positive");
    assertThatThrownBy(() -> plan("--scenarios", "fetch-9999"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("'fetch-9999': unknown scenario (available: ");
    assertThatThrownBy(() -> plan("--scenarios", "stream-1m"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("stream-1m is not part of compare");
    assertThatThrownBy(() -> plan("--apis", "rest-json", "--scenarios", "insert-100,realtime"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("scenario realtime: none of --apis [rest-json] applies to it");
    assertThatThrownBy(() -> plan("--apis", ""))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--apis: empty name");
  }

  @Test
  void aRunFolderThatIsNotEmptyIsRefused() throws Exception {
    Files.writeString(tmp.resolve("results.json"), "{}");

    CliRun run = CliRun.run("", "compare", "--no-codec", "--out", tmp.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("the folder exists and is not empty; give a new one");
    assertThat(Files.readString(tmp.resolve("results.json"))).isEqualTo("{}");
  }

  @Test
  void helpListsTheOptions() {
    CliRun run = CliRun.run("", "compare", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .contains("--quick", "--full", "--apis", "--scenarios", "--rounds", "--out", "--no-codec");
  }

  @Test
  void everyDefaultApiIsOneTheCommandAccepts() {
    for (String scenario : List.of("insert-100", "fetch-1000", "get-one", "aggregate")) {
      assertThat(Scenarios.knownApis()).containsAll(Scenarios.defaultApis(scenario));
    }
  }
}
