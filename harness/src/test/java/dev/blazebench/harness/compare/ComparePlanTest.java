package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order of a compare's runs: rounds interleave the APIs, A B C, A B C, ... */
class ComparePlanTest {

  static ComparePlan plan(int rounds, Map<String, List<String>> apisByScenario) {
    return new ComparePlan(
        "custom",
        rounds,
        Duration.ofMillis(500),
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        apisByScenario,
        false,
        "x",
        0,
        Path.of("/tmp/run"),
        false);
  }

  @Test
  void roundsRepeatEveryScenarioEachStartingOneApiFurtherAlong() {
    Map<String, List<String>> apis = new LinkedHashMap<>();
    apis.put("fetch-1000", List.of("A", "B", "C"));
    apis.put("insert-100", List.of("A", "C"));

    List<String> order =
        plan(4, apis).runs().stream()
            .map(r -> r.round() + " " + r.scenario() + " " + r.api())
            .toList();

    assertThat(order)
        .containsExactly(
            "1 fetch-1000 A",
            "1 fetch-1000 B",
            "1 fetch-1000 C",
            "1 insert-100 A",
            "1 insert-100 C",
            "2 fetch-1000 B",
            "2 fetch-1000 C",
            "2 fetch-1000 A",
            "2 insert-100 C",
            "2 insert-100 A",
            "3 fetch-1000 C",
            "3 fetch-1000 A",
            "3 fetch-1000 B",
            "3 insert-100 A",
            "3 insert-100 C",
            "4 fetch-1000 A",
            "4 fetch-1000 B",
            "4 fetch-1000 C",
            "4 insert-100 C",
            "4 insert-100 A");
  }

  @Test
  void serverForksSplitTheRoundsIntoBlocksEachAfterItsOwnWarmUpRound() {
    Map<String, List<String>> apis = new LinkedHashMap<>();
    apis.put("get-one", List.of("A", "B"));
    ComparePlan plan =
        new ComparePlan(
            "custom",
            5,
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            apis,
            false,
            "x",
            0,
            Path.of("/tmp/run"),
            false,
            null,
            2,
            null,
            null,
            null);

    List<String> order =
        plan.runsInOrder().stream()
            .map(r -> r.fork() + ":" + r.round() + " " + r.api() + " " + r.relativeFolder())
            .toList();

    assertThat(order)
        .containsExactly(
            "1:0 A warmup/A--get-one",
            "1:0 B warmup/B--get-one",
            "1:1 A rounds/r01/A--get-one",
            "1:1 B rounds/r01/B--get-one",
            "1:2 B rounds/r02/B--get-one",
            "1:2 A rounds/r02/A--get-one",
            "1:3 A rounds/r03/A--get-one",
            "1:3 B rounds/r03/B--get-one",
            "2:0 A warmup-fork2/A--get-one",
            "2:0 B warmup-fork2/B--get-one",
            "2:4 B rounds/r04/B--get-one",
            "2:4 A rounds/r04/A--get-one",
            "2:5 A rounds/r05/A--get-one",
            "2:5 B rounds/r05/B--get-one");
  }

  @Test
  void oneForkRunsTheWarmUpRoundThenEveryRound() {
    Map<String, List<String>> apis = new LinkedHashMap<>();
    apis.put("get-one", List.of("A"));
    ComparePlan plan = plan(3, apis);

    assertThat(plan.runsInOrder()).extracting(PlannedRun::round).containsExactly(0, 1, 2, 3);
    assertThat(plan.runsInOrder()).extracting(PlannedRun::fork).containsOnly(1);
  }

  @Test
  void theWarmUpRoundRunsEveryRequestScenarioOnceButNotRealtime() {
    Map<String, List<String>> apis = new LinkedHashMap<>();
    apis.put("fetch-1000", List.of("A", "B"));
    apis.put("realtime", List.of("websocket-json"));
    apis.put("insert-100", List.of("B"));

    List<PlannedRun> warmup = plan(3, apis).warmupRuns(1);

    assertThat(warmup)
        .extracting(PlannedRun::toString)
        .containsExactly(
            "warm-up round fetch-1000 A",
            "warm-up round fetch-1000 B",
            "warm-up round insert-100 B");
    assertThat(warmup.get(0).relativeFolder()).isEqualTo(Path.of("warmup", "A--fetch-1000"));
    assertThat(LoadStep.measuredDuration(plan(3, apis), warmup.get(0)))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void apisAreListedOnceInFirstRunOrder() {
    Map<String, List<String>> apis = new LinkedHashMap<>();
    apis.put("fetch-1000", List.of("grpc-native", "rest-json"));
    apis.put("realtime", List.of("websocket-json", "grpc-native"));

    ComparePlan plan = plan(1, apis);

    assertThat(plan.apis()).containsExactly("grpc-native", "rest-json", "websocket-json");
    assertThat(plan.runsPerRound()).isEqualTo(4);
    assertThat(plan.referenceApi()).isEqualTo("rest-json");
  }

  @Test
  void withoutRestJsonTheFirstApiIsTheReference() {
    ComparePlan plan = plan(1, Map.of("fetch-1000", List.of("grpc-protobuf", "grpc-native")));

    assertThat(plan.referenceApi()).isEqualTo("grpc-protobuf");
  }

  @Test
  void eachRunHasItsOwnFolderUnderItsRound() {
    PlannedRun run = new PlannedRun(3, "fetch-1000", "grpc-blazebinary");

    assertThat(run.relativeFolder())
        .isEqualTo(Path.of("rounds", "r03", "grpc-blazebinary--fetch-1000"));
  }

  @Test
  void aPlanNeedsRoundsAndApis() {
    assertThatThrownBy(() -> plan(0, Map.of("fetch-1000", List.of("A"))))
        .hasMessageContaining("rounds must be at least 1");
    assertThatThrownBy(() -> plan(1, Map.of("fetch-1000", List.of())))
        .hasMessageContaining("scenario fetch-1000 has no API to run");
  }

  @Test
  void overATenMbitLinkFetchIsOfferedWhatTheLinkCarriesForTenCallsAtLeast() {
    ComparePlan loopback = plan(1, Map.of("fetch-1000", List.of("rest-json")));
    ComparePlan linked =
        new ComparePlan(
            "custom",
            1,
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Map.of("fetch-1000", List.of("rest-json"), "insert-100", List.of("rest-json")),
            false,
            "x",
            0,
            Path.of("/tmp/run"),
            false,
            null,
            1,
            null,
            "10mbit",
            null);
    PlannedRun fetch = new PlannedRun(1, "fetch-1000", "rest-json");
    PlannedRun insert = new PlannedRun(1, "insert-100", "rest-json");

    // 500 KB at 10 Mbit/s is 0.4 s: half the link is 1.25 calls a second, 10 calls take 8 s.
    ScenarioLoad fetchLoad = Scenarios.load("fetch-1000", linked.linkBitsPerSecond());
    assertThat(fetchLoad.targetRps()).isEqualTo(1.25);
    assertThat(fetchLoad.callDeadline()).isEqualTo(Duration.ofSeconds(5));
    assertThat(LoadStep.measuredDuration(linked, fetch)).isEqualTo(Duration.ofSeconds(8));
    assertThat(LoadStep.measuredDuration(loopback, fetch)).isEqualTo(Duration.ofSeconds(1));
    // 45 KB: 36 ms a call, 13.9 calls a second; 10 calls fit in the plan's 1 s.
    assertThat(Scenarios.load("insert-100", linked.linkBitsPerSecond()).targetRps())
        .isCloseTo(13.89, org.assertj.core.data.Offset.offset(0.01));
    assertThat(LoadStep.measuredDuration(linked, insert)).isEqualTo(Duration.ofSeconds(1));
    // Small calls keep their rate; a slow link stretches the deadline to 4 transfers.
    assertThat(Scenarios.load("realtime", 10_000_000).targetRps()).isEqualTo(10);
    assertThat(Scenarios.load("fetch-1000", 1_000_000).callDeadline())
        .isEqualTo(Duration.ofSeconds(16));
    assertThat(Scenarios.load("fetch-1000", 0)).isEqualTo(Scenarios.load("fetch-1000"));
  }

  @Test
  void aLinkNeedsCompareOwnServersAndARate() {
    ExternalTargets targets =
        ExternalTargets.parse(List.of("grpc-blazebinary=blaze://127.0.0.1:1"), null);
    assertThatThrownBy(
            () ->
                new ComparePlan(
                    "custom",
                    1,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Map.of("fetch-1000", List.of("grpc-blazebinary")),
                    false,
                    "x",
                    0,
                    Path.of("/tmp/run"),
                    false,
                    targets,
                    1,
                    null,
                    "10mbit",
                    null))
        .hasMessageContaining("a shaped link needs compare's own servers");
  }

  @Test
  void pollingIsMeasuredForTwoIntervalsOnlyWhenThePlanAsksForIt() {
    PlannedRun poll5 = new PlannedRun(1, "realtime", "rest-poll-5s");
    PlannedRun push = new PlannedRun(1, "realtime", "websocket-json");
    ComparePlan quick = plan(1, Map.of("realtime", List.of("rest-poll-5s")));
    ComparePlan full =
        new ComparePlan(
            "full",
            1,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Map.of("realtime", List.of("rest-poll-5s")),
            false,
            "x",
            0,
            Path.of("/tmp/run"),
            true);

    assertThat(LoadStep.measuredDuration(quick, poll5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(LoadStep.measuredDuration(full, poll5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(LoadStep.measuredDuration(full, push)).isEqualTo(Duration.ofSeconds(3));
    assertThat(LoadStep.pollIntervalOf(poll5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(LoadStep.pollIntervalOf(push)).isNull();
  }
}
