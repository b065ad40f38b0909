package dev.blazebench.harness.compare;

import dev.blazebench.load.results.LoadResults;
import java.time.Instant;

/**
 * One load run that finished: its plan, the results its {@code results.json} holds, and the
 * server's CPU over its measured part.
 *
 * @param planned which round, scenario and API
 * @param loadResultsPath its results.json relative to the run folder, with forward slashes
 * @param results what the load driver wrote
 * @param measuredStart when its measured part started
 * @param serverCpuNanos the server process's CPU time over the measured part, every thread, -1 if
 *     unknown
 * @param serverJitCpuNanos of that, its JIT compiler threads', -1 if unknown
 * @param serverCores the CPUs the server could use (to tell a saturated server)
 */
record CompletedRun(
    PlannedRun planned,
    String loadResultsPath,
    LoadResults results,
    Instant measuredStart,
    long serverCpuNanos,
    long serverJitCpuNanos,
    int serverCores) {

  /**
   * The server's CPU over the measured part without its JIT compiler threads (what serving the
   * calls cost once compiled); every thread when the JIT's share is unknown; -1 if unknown.
   */
  long serverCpuWithoutJitNanos() {
    return serverCpuNanos < 0 || serverJitCpuNanos < 0
        ? serverCpuNanos
        : serverCpuNanos - serverJitCpuNanos;
  }
}
