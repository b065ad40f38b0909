package dev.blazebench.harness.compare;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One load run of a compare: one API in one scenario in one round. Its folder, relative to the run
 * folder, is {@code rounds/r01/<api>--<scenario>}; the unmeasured warm-up round's is {@code
 * warmup/<api>--<scenario>}.
 *
 * @param round 1-based; 0 for the warm-up round
 * @param scenario the load driver's scenario name
 * @param api the load driver's API name
 */
record PlannedRun(int round, String scenario, String api) {

  /** The run's folder relative to the compare run folder. */
  Path relativeFolder() {
    return round == 0
        ? Path.of("warmup", api + "--" + scenario)
        : Path.of("rounds", roundFolderName(round), api + "--" + scenario);
  }

  static String roundFolderName(int round) {
    return String.format(Locale.ROOT, "r%02d", round);
  }

  @Override
  public String toString() {
    return (round == 0 ? "warm-up round " : "round " + round + " ") + scenario + " " + api;
  }
}
