package dev.blazebench.load.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedstatCpuTest {

  @TempDir Path proc;

  @Test
  void sumsTheRunTimeOfEveryThread() throws IOException {
    thread("100", "1500000 20000 7");
    thread("101", "2500 0 1");

    SchedstatCpu cpu = SchedstatCpu.of(proc).orElseThrow();

    assertThat(cpu.processCpuNanos()).isEqualTo(1_502_500);
  }

  @Test
  void keepsTheRunTimeOfThreadsThatEnded() throws IOException {
    thread("100", "1000 0 1");
    thread("101", "500 0 1");
    SchedstatCpu cpu = SchedstatCpu.of(proc).orElseThrow();
    assertThat(cpu.processCpuNanos()).isEqualTo(1_500);

    Files.delete(proc.resolve("101").resolve("schedstat"));
    Files.delete(proc.resolve("101"));
    thread("100", "1200 0 2");
    thread("102", "300 0 1");

    // 1,200 of the live thread, 300 of the new one, and the 500 the ended one had run.
    assertThat(cpu.processCpuNanos()).isEqualTo(2_000);
  }

  @Test
  void isAbsentWithoutSchedstatFiles() throws IOException {
    assertThat(SchedstatCpu.of(proc.resolve("no-such-process"))).isEmpty();
    Files.createDirectories(proc.resolve("100"));
    assertThat(SchedstatCpu.of(proc)).isEmpty();
  }

  @Test
  void saysMinusOneOnceTheProcessIsGone() throws IOException {
    thread("100", "1000 0 1");
    SchedstatCpu cpu = SchedstatCpu.of(proc).orElseThrow();

    Files.delete(proc.resolve("100").resolve("schedstat"));
    Files.delete(proc.resolve("100"));
    Files.delete(proc);

    assertThat(cpu.processCpuNanos()).isEqualTo(-1);
  }

  @Test
  void thisJvmOnLinuxCountsItsOwnThreadsWithoutGoingBack() {
    var own = SchedstatCpu.of(ProcessHandle.current().pid());
    org.junit.jupiter.api.Assumptions.assumeTrue(own.isPresent(), "no /proc/PID/task/*/schedstat");

    long first = own.get().processCpuNanos();
    long second = own.get().processCpuNanos();

    assertThat(first).isPositive();
    assertThat(second).isGreaterThanOrEqualTo(first);
    assertThat(ProcessCpu.jvm()).isInstanceOf(SchedstatCpu.class);
  }

  private void thread(String tid, String schedstat) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(tid));
    Files.writeString(dir.resolve("schedstat"), schedstat + "\n");
  }
}
