package dev.blazebench.reports.claims;

import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.TotalResult;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The figures a metric may name, read the same way from a run's total and from one round. Names are
 * the schema's round field names; {@code cpuMicrosPerOp} is client plus server CPU.
 */
public enum ResultField {
  COUNT("count", t -> (double) t.count(), r -> (double) r.count(), false),
  ERROR_COUNT("errorCount", t -> (double) t.errorCount(), r -> (double) r.errorCount(), false),
  THROUGHPUT_PER_SEC(
      "throughputPerSec", TotalResult::throughputPerSec, RoundResult::throughputPerSec, false),
  MEAN_MICROS("meanMicros", t -> t.latencyMicros().mean(), RoundResult::meanMicros, true),
  P50_MICROS("p50Micros", t -> (double) t.latencyMicros().p50(), r -> (double) r.p50Micros(), true),
  P90_MICROS("p90Micros", t -> (double) t.latencyMicros().p90(), r -> (double) r.p90Micros(), true),
  P99_MICROS("p99Micros", t -> (double) t.latencyMicros().p99(), r -> (double) r.p99Micros(), true),
  P999_MICROS(
      "p999Micros", t -> (double) t.latencyMicros().p99_9(), r -> (double) r.p999Micros(), true),
  MAX_MICROS("maxMicros", t -> (double) t.latencyMicros().max(), r -> (double) r.maxMicros(), true),
  PAYLOAD_SENT_PER_OP(
      "payloadSentPerOp", TotalResult::payloadSentPerOp, RoundResult::payloadSentPerOp, true),
  PAYLOAD_RECEIVED_PER_OP(
      "payloadReceivedPerOp",
      TotalResult::payloadReceivedPerOp,
      RoundResult::payloadReceivedPerOp,
      true),
  WIRE_SENT_PER_OP("wireSentPerOp", TotalResult::wireSentPerOp, RoundResult::wireSentPerOp, true),
  WIRE_RECEIVED_PER_OP(
      "wireReceivedPerOp", TotalResult::wireReceivedPerOp, RoundResult::wireReceivedPerOp, true),
  CLIENT_CPU_MICROS_PER_OP(
      "clientCpuMicrosPerOp",
      TotalResult::clientCpuMicrosPerOp,
      RoundResult::clientCpuMicrosPerOp,
      true),
  SERVER_CPU_MICROS_PER_OP(
      "serverCpuMicrosPerOp",
      TotalResult::serverCpuMicrosPerOp,
      RoundResult::serverCpuMicrosPerOp,
      true),
  CPU_MICROS_PER_OP(
      "cpuMicrosPerOp",
      t -> sum(t.clientCpuMicrosPerOp(), t.serverCpuMicrosPerOp()),
      r -> sum(r.clientCpuMicrosPerOp(), r.serverCpuMicrosPerOp()),
      true),
  RECORDS_PER_SEC("recordsPerSec", TotalResult::recordsPerSec, r -> null, false),
  BYTES_PER_HOUR("bytesPerHour", TotalResult::bytesPerHour, r -> null, false);

  private final String fieldName;
  private final Function<TotalResult, Double> ofTotal;
  private final Function<RoundResult, Double> ofRound;
  private final boolean perSuccess;

  ResultField(
      String fieldName,
      Function<TotalResult, Double> ofTotal,
      Function<RoundResult, Double> ofRound,
      boolean perSuccess) {
    this.fieldName = fieldName;
    this.ofTotal = ofTotal;
    this.ofRound = ofRound;
    this.perSuccess = perSuccess;
  }

  /** The field called {@code name}, as the schema spells it. */
  public static ResultField named(String name) {
    for (ResultField field : values()) {
      if (field.fieldName.equals(name)) {
        return field;
      }
    }
    throw new IllegalArgumentException(
        "unknown field \""
            + name
            + "\" (one of "
            + Arrays.stream(values()).map(f -> f.fieldName).toList()
            + ")");
  }

  public String fieldName() {
    return fieldName;
  }

  /**
   * True for figures that describe successful calls (latencies, bytes and CPU per operation), which
   * mean nothing when no call succeeded.
   */
  public boolean perSuccess() {
    return perSuccess;
  }

  /**
   * True for figures a shaped link changes: latencies and rates, and CPU per operation. Over a link
   * compare caps each scenario's rate to what the link carries (fetch-1000 at 10 mbit: 1.25 calls/s
   * against 20 on loopback), so its code runs barely warmed and a second's fixed costs fall on one
   * or two calls: fetch-1000 over gRPC/BlazeBinary cost its client 55 ms of CPU per call over such
   * a link, 4.5 ms on loopback. Bytes per operation are the same over any link.
   */
  public boolean dependsOnTheLink() {
    return switch (this) {
      case CLIENT_CPU_MICROS_PER_OP, SERVER_CPU_MICROS_PER_OP, CPU_MICROS_PER_OP -> true;
      case THROUGHPUT_PER_SEC,
          MEAN_MICROS,
          P50_MICROS,
          P90_MICROS,
          P99_MICROS,
          P999_MICROS,
          MAX_MICROS,
          RECORDS_PER_SEC ->
          true;
      default -> false;
    };
  }

  /**
   * True for counts, whose total is the sum of the rounds' and so no round's figure estimates it;
   * every other figure is one each round measures again (a latency, a rate, bytes per operation).
   */
  public boolean isSumOverRounds() {
    return this == COUNT || this == ERROR_COUNT;
  }

  /** The figure in {@code total}, null if not measured. */
  public Double of(TotalResult total) {
    return ofTotal.apply(total);
  }

  /** The figure in {@code round}, null if not measured or not kept per round. */
  public Double of(RoundResult round) {
    return ofRound.apply(round);
  }

  private static Double sum(Double a, Double b) {
    return a == null || b == null ? null : a + b;
  }
}
