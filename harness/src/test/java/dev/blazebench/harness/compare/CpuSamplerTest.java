package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.record.SchedstatCpu;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Reading a process's CPU over a window of wall-clock time from samples around it. */
class CpuSamplerTest {

  private static CpuSampler.Sample at(long epochMillis, long cpuMillis) {
    return new CpuSampler.Sample(epochMillis, cpuMillis * 1_000_000);
  }

  @Test
  void aWindowBetweenSamplesIsInterpolated() {
    CpuSampler sampler = CpuSampler.of(List.of(at(1000, 0), at(1100, 100), at(1200, 100)));

    // 1050..1150: half of the first 100 ms of CPU, then none.
    assertThat(sampler.cpuNanosBetween(1050, 1150)).isEqualTo(50_000_000);
    assertThat(sampler.cpuNanosBetween(1000, 1200)).isEqualTo(100_000_000);
    assertThat(sampler.cpuNanosBetween(1100, 1200)).isZero();
  }

  @Test
  void aWindowTheSamplesDoNotCoverIsUnknown() {
    CpuSampler sampler = CpuSampler.of(List.of(at(1000, 0), at(1100, 100)));

    assertThat(sampler.cpuNanosBetween(900, 1050)).isEqualTo(-1);
    assertThat(sampler.cpuNanosBetween(1050, 1101)).isEqualTo(-1);
    assertThat(CpuSampler.of(List.of()).cpuNanosBetween(0, 1)).isEqualTo(-1);
  }

  @Test
  void aProcessWhoseCpuIsUnknownGivesNoSamples() {
    AtomicLong now = new AtomicLong(1000);
    try (CpuSampler sampler = new CpuSampler(() -> null, now::get)) {
      now.set(2000);
      sampler.sample();

      assertThat(sampler.cpuNanosBetween(1000, 2000)).isEqualTo(-1);
    }
  }

  @Test
  void explicitSamplesCoverTheWindowTheyBracket() {
    AtomicLong now = new AtomicLong(1000);
    AtomicLong cpu = new AtomicLong(5_000_000);
    try (CpuSampler sampler =
        new CpuSampler(() -> SchedstatCpu.Split.allOnly(cpu.get()), now::get)) {
      // CPU first: a background sample taken in between then reads a consistent pair.
      cpu.set(25_000_000);
      now.set(3000);
      sampler.sample();

      assertThat(sampler.cpuNanosBetween(1000, 3000)).isEqualTo(20_000_000);
      assertThat(sampler.jitNanosBetween(1000, 3000)).isEqualTo(-1);
    }
  }

  @Test
  void theJitCompilersShareOfAWindowIsReadLikeTheWhole() {
    CpuSampler sampler =
        CpuSampler.of(
            List.of(
                new CpuSampler.Sample(1000, 0, 0),
                new CpuSampler.Sample(1100, 100_000_000, 60_000_000),
                new CpuSampler.Sample(1200, 150_000_000, 60_000_000)));

    assertThat(sampler.cpuNanosBetween(1050, 1200)).isEqualTo(100_000_000);
    assertThat(sampler.jitNanosBetween(1050, 1200)).isEqualTo(30_000_000);
    assertThat(sampler.jitNanosBetween(1100, 1200)).isZero();
    assertThat(sampler.jitNanosBetween(900, 1200)).isEqualTo(-1);
  }
}
