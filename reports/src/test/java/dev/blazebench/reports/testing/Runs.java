package dev.blazebench.reports.testing;

import dev.blazebench.reports.model.Environment;
import dev.blazebench.reports.model.RunResults;
import java.time.Instant;

/** Variations of a run for tests. */
public final class Runs {

  private Runs() {}

  /** {@code run} as if it had started at {@code startedAt} on commit {@code gitSha}. */
  public static RunResults startedAt(RunResults run, Instant startedAt, String gitSha) {
    Environment e = run.environment();
    Environment moved =
        new Environment(
            gitSha,
            e.gitDirty(),
            e.jvm(),
            e.javaVersion(),
            e.os(),
            e.arch(),
            e.cores(),
            e.cpuModel(),
            e.memoryBytes(),
            e.hostName(),
            startedAt,
            startedAt.plusSeconds(150),
            e.placement(),
            null);
    return new RunResults(
        run.kind(),
        run.schemaVersion(),
        moved,
        run.settings(),
        run.warnings(),
        run.results(),
        run.codec());
  }
}
