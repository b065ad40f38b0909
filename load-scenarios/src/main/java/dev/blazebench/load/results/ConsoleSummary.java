package dev.blazebench.load.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table a run prints when it ends: per operation, throughput, errors and the corrected latency
 * spectrum in milliseconds, the uncorrected p99 beside it, bytes and CPU per call; then the
 * warm-up, the errors by class and the injector's verdict. Numbers in {@link Locale#US}.
 */
public final class ConsoleSummary {

  private static final String[] HEADERS = {
    "api",
    "scenario",
    "op",
    "ok",
    "errors",
    "rate/s",
    "p50",
    "p90",
    "p99",
    "p99.9",
    "p99.99",
    "max",
    "p99 uncorr",
    "payload B",
    "wire B",
    "cpu us"
  };

  private ConsoleSummary() {}

  public static String render(LoadResults results) {
    StringBuilder out = new StringBuilder();
    RunSettings run = results.run();
    out.append(
        String.format(
            Locale.US,
            "%s against %s: %s%s%n",
            run.modelLabel(),
            run.target(),
            run.profile(),
            run.drivers() > 1 ? ", " + run.drivers() + " drivers merged" : ""));
    out.append("latency in ms, corrected (from intended start) unless marked uncorr%n".formatted());
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    for (ScenarioResult scenario : results.results()) {
      for (OperationResult op : scenario.operations()) {
        LatencyResult c = op.latencyMicros().corrected();
        rows.add(
            new String[] {
              scenario.api(),
              scenario.scenario(),
              op.operation(),
              Long.toString(op.count()),
              Long.toString(op.errorCount()),
              String.format(Locale.US, "%.1f", op.achievedRps()),
              millis(c.p50()),
              millis(c.p90()),
              millis(c.p99()),
              millis(c.p99_9()),
              millis(c.p99_99()),
              millis(c.max()),
              millis(op.latencyMicros().uncorrected().p99()),
              bytes(op.bytes().payloadSentPerOp(), op.bytes().payloadReceivedPerOp()),
              bytes(op.bytes().wireSentPerCall(), op.bytes().wireReceivedPerCall()),
              op.clientCpuMicrosPerCall() == null
                  ? "-"
                  : String.format(Locale.US, "%.1f", op.clientCpuMicrosPerCall())
            });
      }
    }
    appendTable(out, rows);
    for (ScenarioResult scenario : results.results()) {
      for (OperationResult op : scenario.operations()) {
        String prefix = scenario.api() + " " + scenario.scenario() + " " + op.operation() + ": ";
        if (op.errorCount() > 0) {
          StringBuilder classes = new StringBuilder();
          for (Map.Entry<String, Long> e : op.errors().entrySet()) {
            if (e.getValue() > 0) {
              classes.append(classes.length() == 0 ? "" : ", ").append(e.getKey());
              if (e.getKey().equals("STATUS")) {
                classes.append(' ').append(op.errorsByStatus());
              }
              classes.append(' ').append(e.getValue());
            }
          }
          out.append(prefix).append("errors: ").append(classes).append('\n');
        }
        if (op.recordsReceived() > 0 && op.recordsPerSec() != null) {
          out.append(
              String.format(
                  Locale.US,
                  "%s%d records received, %.0f records/s%n",
                  prefix,
                  op.recordsReceived(),
                  op.recordsPerSec()));
        }
        if (op.delayedByInFlightCap() > 0) {
          out.append(
              String.format(
                  Locale.US,
                  "%s%d operations waited for the in-flight cap (%d); their wait is in the"
                      + " corrected latency%n",
                  prefix,
                  op.delayedByInFlightCap(),
                  run.maxInFlight()));
        }
      }
      RealtimeResult realtime = scenario.realtime();
      if (realtime != null) {
        out.append(
            String.format(
                Locale.US,
                "%s %s: %d subscriber(s)%s, writes through %s; per subscriber-hour: %s received,"
                    + " %s sent at the socket%n",
                scenario.api(),
                scenario.scenario(),
                realtime.subscribers(),
                realtime.pollIntervalSec() == null
                    ? ""
                    : " polling every " + trim(realtime.pollIntervalSec()) + " s",
                realtime.writerApi(),
                perHour(realtime.wireReceivedPerSubscriberPerHour()),
                perHour(realtime.wireSentPerSubscriberPerHour())));
      }
      if (scenario.scheduledNotSent() > 0) {
        out.append(
            String.format(
                Locale.US,
                "%s %s: %d scheduled operations were never sent (the run ended while they waited"
                    + " for the in-flight cap)%n",
                scenario.api(),
                scenario.scenario(),
                scenario.scheduledNotSent()));
      }
    }
    long warmupCount = 0;
    for (ScenarioResult scenario : results.results()) {
      for (OperationResult op : scenario.operations()) {
        warmupCount += op.warmup().count() + op.warmup().errorCount();
      }
    }
    out.append(
        String.format(
            Locale.US, "warm-up: %s s, %d calls, excluded%n", trim(run.warmupSec()), warmupCount));
    for (DriverInfo driver : results.drivers()) {
      InjectorResult injector = driver.injector();
      out.append(
          String.format(
              Locale.US,
              "injector: %s (CPU %s of %d cores, dispatch lag p99 %s ms)%s%n",
              injector.verdict(),
              injector.cpuUtilization() == null
                  ? "unknown"
                  : String.format(Locale.US, "%.0f%%", injector.cpuUtilization() * 100),
              injector.cores(),
              millis(injector.dispatchLagMicros().p99()),
              injector.reasons().isEmpty() ? "" : ": " + String.join("; ", injector.reasons())));
      if (injector.heapPeakUsedBytes() >= 0) {
        out.append(
            String.format(
                Locale.US,
                "injector heap: peak %s used, %s after a collection, limit %s%n",
                mebibytes(injector.heapPeakUsedBytes()),
                mebibytes(injector.heapPeakAfterGcBytes()),
                mebibytes(injector.heapMaxBytes())));
      }
    }
    return out.toString();
  }

  private static String millis(long micros) {
    return String.format(Locale.US, "%.3f", micros / 1000.0);
  }

  private static String perHour(Double bytes) {
    if (bytes == null) {
      return "unknown";
    }
    return bytes >= 1_000_000
        ? String.format(Locale.US, "%.2f MB", bytes / 1e6)
        : String.format(Locale.US, "%.1f KB", bytes / 1e3);
  }

  private static String mebibytes(long bytes) {
    return bytes < 0 ? "unknown" : String.format(Locale.US, "%.1f MiB", bytes / 1048576.0);
  }

  private static String bytes(Double sent, Double received) {
    if (sent == null || received == null) {
      return "-";
    }
    return String.format(Locale.US, "%.0f/%.0f", sent, received);
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.US, "%.3f", value);
  }

  private static void appendTable(StringBuilder out, List<String[]> rows) {
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        // Text columns to the left, numbers to the right.
        String cell = i < 3 ? padRight(row[i], widths[i]) : padLeft(row[i], widths[i]);
        line.append(i == 0 ? "" : "  ").append(cell);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String padRight(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return " ".repeat(width - s.length()) + s;
  }
}
