package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where compare puts the server and the driver, and why it says so when it cannot separate them.
 */
class CpuPlacementTest {

  @Test
  void withTwoCpusTheServerGetsTheFirstAndTheDriverTheRest() {
    CpuPlacement placement = CpuPlacement.decide(List.of(0, 1), "/usr/bin/taskset");

    assertThat(placement.pinned()).isTrue();
    assertThat(placement.serverCpus()).isEqualTo("0");
    assertThat(placement.driverCpus()).isEqualTo("1");
    assertThat(placement.serverCommandPrefix()).containsExactly("/usr/bin/taskset", "-c", "0");
    assertThat(placement.note())
        .isEqualTo("server pinned to CPU 0 and driver to CPU 1 with taskset");
  }

  @Test
  void aRestrictedCpuSetIsRespected() {
    CpuPlacement placement = CpuPlacement.decide(List.of(2, 3, 4, 7), "taskset");

    assertThat(placement.serverCpus()).isEqualTo("2");
    assertThat(placement.driverCpus()).isEqualTo("3-4,7");
  }

  @Test
  void withoutTasksetOrWithOneCpuTheySayTheyShare() {
    CpuPlacement noTaskset = CpuPlacement.decide(List.of(0, 1), null);
    CpuPlacement oneCpu = CpuPlacement.decide(List.of(0), "taskset");

    assertThat(noTaskset.pinned()).isFalse();
    assertThat(noTaskset.serverCommandPrefix()).isEmpty();
    assertThat(noTaskset.note()).contains("share CPUs 0-1").contains("taskset was not found");
    assertThat(oneCpu.pinned()).isFalse();
    assertThat(oneCpu.note()).contains("may use only one CPU");
  }

  @Test
  void cpuListsReadAndWriteTasksetSyntax() {
    assertThat(CpuPlacement.parseCpuList("0-2,5, 7-8")).containsExactly(0, 1, 2, 5, 7, 8);
    assertThat(CpuPlacement.formatCpuList(List.of(0, 1, 2, 5, 7, 8))).isEqualTo("0-2,5,7-8");
    assertThat(CpuPlacement.formatCpuList(List.of(3))).isEqualTo("3");
  }

  @Test
  void theUnpinnedPlacementBecomesACoresSharedWarning() {
    RunWarnings warnings = new RunWarnings();

    warnings.placement(CpuPlacement.decide(List.of(0), "taskset"));

    assertThat(warnings.list())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("cores-shared");
              assertThat(w.message()).contains("share CPU 0");
            });
  }
}
