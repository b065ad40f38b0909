package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RunResults;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavedRunsTest {

  @Test
  void namesMapBothWays() {
    assertThat(InterleavedRuns.baselineNameOf("rest-json")).isEqualTo("rest-json@baseline");
    assertThat(InterleavedRuns.isBaseline("rest-json@baseline")).isTrue();
    assertThat(InterleavedRuns.isBaseline("rest-json")).isFalse();
    assertThat(InterleavedRuns.apiOf("rest-json@baseline")).isEqualTo("rest-json");
    assertThat(InterleavedRuns.apiOf("rest-json")).isEqualTo("rest-json");
  }

  @Test
  void splitGivesEachBuildItsResultsUnderThePlainNames() {
    RunResults run =
        interleaved(
            new GateRuns().rounds(16).seed(1).build(),
            new GateRuns().rounds(16).seed(2).latencyFactor(1.2).build());

    InterleavedRuns.Halves halves = InterleavedRuns.split(run, "run/results.json");

    assertThat(halves.baseline().settings().apis())
        .containsExactly("grpc-blazebinary", "rest-json");
    assertThat(halves.current().settings().apis()).containsExactly("grpc-blazebinary", "rest-json");
    assertThat(halves.baseline().results())
        .extracting(ApiScenarioResult::api)
        .doesNotContain("grpc-blazebinary@baseline");
    double baseP50 =
        halves.baseline().find("rest-json", "get-one").orElseThrow().total().latencyMicros().p50();
    double curP50 =
        halves.current().find("rest-json", "get-one").orElseThrow().total().latencyMicros().p50();
    assertThat(curP50 / baseP50).isBetween(1.1, 1.3);
  }

  @Test
  void aRunWithoutABaselineBuildIsRefusedNamingTheFile() {
    RunResults plain = new GateRuns().build();

    assertThatThrownBy(() -> InterleavedRuns.split(plain, "plain/results.json"))
        .isInstanceOf(IncomparableRunsException.class)
        .hasMessageStartingWith("plain/results.json: no API named API@baseline")
        .hasMessageContaining("compare --baseline-jar");
  }

  @Test
  void anApiOnOneBuildOnlyIsRefused() {
    RunResults run = interleaved(new GateRuns().build(), new GateRuns().build());
    List<String> apis = new ArrayList<>(run.settings().apis());
    apis.remove("rest-json");
    RunResults lopsided =
        RunResults.of(
            run.environment(),
            run.settings().withApis(apis, "rest-json"),
            run.warnings(),
            run.results(),
            null);

    assertThatThrownBy(() -> InterleavedRuns.split(lopsided, "x.json"))
        .isInstanceOf(IncomparableRunsException.class)
        .hasMessageContaining("every API must have run on both");
  }

  @Test
  void theInterleavedGatePassesTheSameBuildAndFailsASlowerOne() {
    RunResults same =
        interleaved(
            new GateRuns().rounds(16).seed(1).build(), new GateRuns().rounds(16).seed(2).build());
    RunResults slower =
        interleaved(
            new GateRuns().rounds(16).seed(1).build(),
            new GateRuns().rounds(16).seed(2).latencyFactor(1.2).build());

    GateReport pass = Gate.compareInterleaved(same, "same", GateSettings.defaults());
    GateReport fail = Gate.compareInterleaved(slower, "slower", GateSettings.defaults());

    assertThat(pass.hasRegression()).isFalse();
    assertThat(fail.regressions())
        .extracting(c -> c.id().name())
        .contains(
            "rest-json get-one fetch p50Micros", "grpc-blazebinary fetch-1000 query p50Micros");
    assertThat(fail.regressions())
        .allSatisfy(c -> assertThat(c.rankTest()).isInstanceOf(WilcoxonSignedRank.Result.class));
    assertThat(fail.baselineSource()).isEqualTo("slower (API@baseline)");
    assertThat(fail.pairedRounds()).isTrue();
    assertThat(GateMarkdown.render(fail))
        .contains("rounds are compared as pairs")
        .contains("Wilcoxon signed-rank test of the log ratios");
    assertThat(GateJUnitXml.render(fail)).contains("name=\"pairedRounds\" value=\"true\"");
  }

  @Test
  void combineIsTheInverseOfSplit() {
    RunResults baseline = new GateRuns().seed(1).build();
    RunResults current = new GateRuns().seed(2).build();

    InterleavedRuns.Halves halves =
        InterleavedRuns.split(InterleavedRuns.combine(baseline, current), "x");

    assertThat(halves.baseline().results()).isEqualTo(baseline.results());
    assertThat(halves.current().results()).isEqualTo(current.results());
    assertThat(halves.baseline().settings()).isEqualTo(baseline.settings());
  }

  private static RunResults interleaved(RunResults baseline, RunResults current) {
    return InterleavedRuns.combine(baseline, current);
  }
}
