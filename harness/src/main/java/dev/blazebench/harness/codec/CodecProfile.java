package dev.blazebench.harness.codec;

import java.util.List;
import java.util.Locale;

/**
 * How long JMH measures each benchmark. Forks, iterations and times are JMH's own {@code -f},
 * {@code -wi}/{@code -w} and {@code -i}/{@code -r}.
 */
enum CodecProfile {
  /** About 6 s per benchmark, 5 minutes for all 44: orientation, not a claim. */
  QUICK(1, 2, "1s", 3, "1s"),
  /** About 22 s per benchmark, 17 minutes for all 44: the numbers to report. */
  FULL(1, 5, "2s", 5, "2s");

  private final int forks;
  private final int warmupIterations;
  private final String warmupTime;
  private final int measurementIterations;
  private final String measurementTime;

  CodecProfile(
      int forks,
      int warmupIterations,
      String warmupTime,
      int measurementIterations,
      String measurementTime) {
    this.forks = forks;
    this.warmupIterations = warmupIterations;
    this.warmupTime = warmupTime;
    this.measurementIterations = measurementIterations;
    this.measurementTime = measurementTime;
  }

  /** The JMH options that set this profile. */
  List<String> jmhArguments() {
    return List.of(
        "-f",
        Integer.toString(forks),
        "-wi",
        Integer.toString(warmupIterations),
        "-w",
        warmupTime,
        "-i",
        Integer.toString(measurementIterations),
        "-r",
        measurementTime);
  }

  /** For the help text and the run summary. */
  String describe() {
    return String.format(
        Locale.US,
        "%d fork, %d warmup x %s, %d measurement x %s",
        forks,
        warmupIterations,
        warmupTime,
        measurementIterations,
        measurementTime);
  }
}
