package dev.blazebench.harness.codec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code blazebench codec} run, resolved before anything starts.
 *
 * @param profile how long JMH measures
 * @param outDir the run folder: {@code jmh.json}, {@code jmh.log}, {@code sizes.json}, {@code
 *     sizes.md}, {@code codec.md}
 * @param benchmarksJar the JMH benchmarks jar to run
 * @param checkout the checkout to (re)build the jar in when it is stale, or null to run the jar as
 *     it is ({@code --jar})
 * @param include JMH's benchmark regex
 */
record CodecOptions(
    CodecProfile profile, Path outDir, Path benchmarksJar, Path checkout, String include) {

  /** Every codec benchmark. */
  static final String ALL_BENCHMARKS = "dev\\.blazebench\\.codec\\.";

  /** The JMH result file in {@link #outDir()}. */
  Path jmhJson() {
    return outDir.resolve("jmh.json");
  }

  Path sizesJson() {
    return outDir.resolve("sizes.json");
  }

  /**
   * JMH's own temporary folder: JMH takes a machine-wide lock file in {@code java.io.tmpdir}, so a
   * private one lets runs in other folders proceed side by side (they still share the cores).
   */
  Path tmpDir() {
    return outDir.resolve("tmp");
  }

  /** The command that runs the benchmarks, {@code java} being the JVM to run them with. */
  List<String> jmhCommand(Path java) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Djava.io.tmpdir=" + tmpDir());
    command.add("-jar");
    command.add(benchmarksJar.toString());
    command.addAll(profile.jmhArguments());
    // Allocation per op (gc.alloc.rate.norm) from JMH's GC profiler.
    command.addAll(List.of("-prof", "gc"));
    // A benchmark whose checksum fails must fail the run, not vanish from the table.
    command.addAll(List.of("-foe", "true"));
    command.addAll(List.of("-rf", "json", "-rff", jmhJson().toString()));
    command.add(include);
    return command;
  }

  /** The command that writes {@code sizes.json} and {@code sizes.md}. */
  List<String> sizesCommand(Path java) {
    return List.of(
        java.toString(),
        "-cp",
        benchmarksJar.toString(),
        "dev.blazebench.codec.SizeReport",
        outDir.toString());
  }
}
