package dev.blazebench.load.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrudMixRatiosTest {

  @Test
  void theDefaultMixIsTheIssuesExample() {
    assertThat(CrudMix.Ratios.DEFAULT.describe()).isEqualTo("read=80,insert=10,update=5,delete=5");
  }

  @Test
  void operationsFollowTheWeightsOverAnyLongStretchAndAreTheSameEveryRun() {
    CrudMix.Ratios ratios = CrudMix.Ratios.parse("read=80, insert=10, update=5, delete=5");
    Map<String, Integer> counts = new HashMap<>();
    for (long i = 1_000_000; i < 1_100_000; i++) {
      counts.merge(ratios.operationFor(i), 1, Integer::sum);
    }
    assertThat(counts.get("read")).isBetween(79_000, 81_000);
    assertThat(counts.get("insert")).isBetween(9_500, 10_500);
    assertThat(counts.get("update")).isBetween(4_600, 5_400);
    assertThat(counts.get("delete")).isBetween(4_600, 5_400);
    assertThat(ratios.operationFor(12345)).isEqualTo(ratios.operationFor(12345));
    CrudMix.Ratios readsOnly = CrudMix.Ratios.parse("read=1");
    assertThat(readsOnly.operationFor(7)).isEqualTo("read");
    assertThat(readsOnly.describe()).isEqualTo("read=1,insert=0,update=0,delete=0");
  }

  @Test
  void badMixesAreErrorsNamingTheFlagAndThePart() {
    assertThatThrownBy(() -> CrudMix.Ratios.parse("read=80,write=20"))
        .hasMessageContaining("--mix: unknown operation 'write'");
    assertThatThrownBy(() -> CrudMix.Ratios.parse("read=eighty"))
        .hasMessageContaining("weight 'eighty' of read is not a whole number");
    assertThatThrownBy(() -> CrudMix.Ratios.parse("read"))
        .hasMessageContaining("'read' is not op=weight");
    assertThatThrownBy(() -> CrudMix.Ratios.parse("read=1,read=2"))
        .hasMessageContaining("read is given twice");
    assertThatThrownBy(() -> CrudMix.Ratios.parse("read=0")).hasMessageContaining("add up to 0");
    assertThatThrownBy(() -> CrudMix.Ratios.parse("read=-1,insert=5"))
        .hasMessageContaining("must not be negative");
  }

  @Test
  void optionsThatDoNotApplyToTheScenarioAreErrors() {
    ScenarioOptions mix = new ScenarioOptions(null, CrudMix.Ratios.DEFAULT, 0, 0);
    assertThatThrownBy(() -> mix.checkAppliesTo("fetch-1000"))
        .hasMessage("--mix applies to crud-mix only");
    assertThatThrownBy(() -> new ScenarioOptions(null, null, 10, 0).checkAppliesTo("get-one"))
        .hasMessage("--records applies to stream-1m only");
    new ScenarioOptions("other", null, 10, 100).checkAppliesTo("stream-1m");
  }
}
