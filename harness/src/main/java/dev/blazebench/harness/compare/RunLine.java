package dev.blazebench.harness.compare;

import dev.blazebench.load.results.LatencyResult;
import dev.blazebench.load.results.OperationResult;
import java.util.Locale;

/** One run's figures on one console line: rate, p50, p99, errors and server CPU per operation. */
final class RunLine {

  private RunLine() {}

  static String describe(CompletedRun run, long failedCalls) {
    OperationResult op = ResultsAssembly.scenarioOf(run).operations().get(0);
    LatencyResult latency = op.latencyMicros().corrected();
    Double serverCpu = ResultsAssembly.serverCpuMicrosPerOp(run.serverCpuNanos(), op.count());
    return String.format(
            Locale.US,
            "%6.1f/s  p50 %8.3f ms  p99 %8.3f ms  %s  server %s",
            op.achievedRps(),
            latency.p50() / 1000.0,
            latency.p99() / 1000.0,
            failedCalls == 0 ? "ok" : failedCalls + " failed",
            serverCpu == null ? "?" : String.format(Locale.US, "%.0f µs CPU/op", serverCpu))
        + ("ok".equals(run.results().injectorVerdict()) ? "" : "  [injector saturated]");
  }
}
