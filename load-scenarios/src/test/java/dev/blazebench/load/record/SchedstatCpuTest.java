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
  void tellsTheJitCompilerThreadsApartByName() throws IOException {
    thread("100", "1000 0 1", "java");
    thread("101", "20000 0 1", "C2 CompilerThre");
    thread("102", "3000 0 1", "C1 CompilerThre");
    thread("103", "400 0 1", "grpc-default-wo");
    thread("104", "50 0 1"); // no name to read: an ordinary thread
    SchedstatCpu cpu = SchedstatCpu.of(proc).orElseThrow();

    SchedstatCpu.Split split = cpu.read();

    assertThat(split.allNanos()).isEqualTo(24_450);
    assertThat(split.jitCompilerNanos()).isEqualTo(23_000);
    assertThat(split.withoutJitNanos()).isEqualTo(1_450);
  }

  @Test
  void keepsTheRunTimeOfCompilerThreadsThatEndedAsCompilerTime() throws IOException {
    // HotSpot starts and stops compiler threads as its queue grows and shrinks.
    thread("100", "1000 0 1", "java");
    thread("101", "5000 0 1", "C2 CompilerThre");
    SchedstatCpu cpu = SchedstatCpu.of(proc).orElseThrow();
    assertThat(cpu.read()).isEqualTo(new SchedstatCpu.Split(6_000, 5_000));

    delete("101");
    thread("100", "1100 0 2", "java");
    thread("102", "700 0 1", "C2 CompilerThre");

    assertThat(cpu.read()).isEqualTo(new SchedstatCpu.Split(6_800, 5_700));
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
    SchedstatCpu.Split split = own.get().read();

    assertThat(first).isPositive();
    assertThat(second).isGreaterThanOrEqualTo(first);
    // This test JVM has compiled something by now, on its compiler threads.
    assertThat(split.jitCompilerNanos()).isPositive().isLessThan(split.allNanos());
    assertThat(ProcessCpu.jvm()).isInstanceOf(SchedstatCpu.class);
  }

  private void thread(String tid, String schedstat) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(tid));
    Files.writeString(dir.resolve("schedstat"), schedstat + "\n");
  }

  /** A thread whose name ({@code comm}, as the kernel cuts it to 15 characters) is {@code name}. */
  private void thread(String tid, String schedstat, String name) throws IOException {
    thread(tid, schedstat);
    Files.writeString(proc.resolve(tid).resolve("comm"), name + "\n");
  }

  private void delete(String tid) throws IOException {
    try (var files = Files.list(proc.resolve(tid))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(proc.resolve(tid));
  }
}
