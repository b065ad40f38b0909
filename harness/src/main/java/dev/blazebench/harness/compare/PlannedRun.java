package dev.blazebench.harness.compare;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One load run of a compare: one API in one scenario in one round. Its folder, relative to the run
 * folder, is {@code rounds/r01/<api>--<scenario>}; the unmeasured warm-up round's is {@code
 * warmup/<api>--<scenario>} ({@code warmup-fork2/...} before the second server JVMs' rounds).
 *
 * @param round 1-based; 0 for a warm-up round
 * @param scenario the load driver's scenario name
 * @param api the load driver's API name
 * @param fork which server JVM (1-based) the run goes to ({@code compare --server-forks})
 */
record PlannedRun(int round, String scenario, String api, int fork) {

  /** A run on the first (or only) server JVM. */
  PlannedRun(int round, String scenario, String api) {
    this(round, scenario, api, 1);
  }

  /** The run's folder relative to the compare run folder. */
  Path relativeFolder() {
    if (round == 0) {
      return Path.of(fork == 1 ? "warmup" : "warmup-fork" + fork, api + "--" + scenario);
    }
    return Path.of("rounds", roundFolderName(round), api + "--" + scenario);
  }

  static String roundFolderName(int round) {
    return String.format(Locale.ROOT, "r%02d", round);
  }

  @Override
  public String toString() {
    return (round == 0
            ? "warm-up round " + (fork == 1 ? "" : "(server JVM " + fork + ") ")
            : "round " + round + " ")
        + scenario
        + " "
        + api;
  }
}
