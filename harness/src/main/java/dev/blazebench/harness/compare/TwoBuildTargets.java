package dev.blazebench.harness.compare;

import dev.blazebench.load.run.Target;
import dev.blazebench.reports.gate.InterleavedRuns;

/**
 * The targets of a compare against two builds ({@code --baseline-jar}): {@code API@baseline} on the
 * baseline build's reference server, {@code API} on this build's. Each realtime run's writer writes
 * to the server its subscribers follow.
 *
 * @param current this build's server
 * @param baseline the baseline build's server
 */
record TwoBuildTargets(ServerTargets current, ServerTargets baseline) implements ApiTargets {

  @Override
  public Target targetFor(String api) {
    return InterleavedRuns.isBaseline(api)
        ? baseline.targetFor(InterleavedRuns.apiOf(api))
        : current.targetFor(api);
  }

  @Override
  public Target writer() {
    return current.writer();
  }

  @Override
  public Target writerFor(String api) {
    return InterleavedRuns.isBaseline(api) ? baseline.writer() : current.writer();
  }
}
