package dev.blazebench.harness.compare;

import dev.blazebench.load.results.LatencyResult;
import dev.blazebench.load.results.OperationResult;
import java.util.List;
import java.util.Locale;

/**
 * One run's figures on one console line: rate (every operation), p50 and p99 (the first operation),
 * errors and server CPU per call.
 */
final class RunLine {

  private RunLine() {}

  static String describe(CompletedRun run, long failedCalls) {
    List<OperationResult> ops = ResultsAssembly.scenarioOf(run).operations();
    OperationResult op = ops.get(0);
    LatencyResult latency = op.latencyMicros().corrected();
    // Several operations share the server's CPU: per call of any of them.
    long calls = ops.stream().mapToLong(OperationResult::count).sum();
    Double serverCpu = ResultsAssembly.serverCpuMicrosPerOp(run.serverCpuWithoutJitNanos(), calls);
    Double serverJit = ResultsAssembly.serverCpuMicrosPerOp(run.serverJitCpuNanos(), calls);
    return String.format(
            Locale.US,
            "%6.1f/s  p50 %8.3f ms  p99 %8.3f ms  %s  server %s",
            op.achievedRps(),
            latency.p50() / 1000.0,
            latency.p99() / 1000.0,
            failedCalls == 0 ? "ok" : failedCalls + " failed",
            serverCpu == null
                ? "?"
                : String.format(Locale.US, "%.0f µs CPU/op", serverCpu)
                    + (serverJit == null
                        ? ""
                        : String.format(Locale.US, " (+%.0f JIT)", serverJit)))
        + ("ok".equals(run.results().injectorVerdict()) ? "" : "  [injector saturated]");
  }
}
