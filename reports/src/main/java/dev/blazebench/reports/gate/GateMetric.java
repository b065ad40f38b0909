package dev.blazebench.reports.gate;

import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.TotalResult;
import java.util.function.Function;

/**
 * The figures the gate compares for every API × scenario × operation, each with the direction in
 * which it gets worse. Sampled metrics are taken per round ({@code results[].rounds[]}); exact ones
 * from the rounds added up ({@code results[].total}).
 */
public enum GateMetric {
  P50_MICROS("p50Micros", Direction.HIGHER_IS_WORSE, r -> (double) r.p50Micros(), null),
  P99_MICROS("p99Micros", Direction.HIGHER_IS_WORSE, r -> (double) r.p99Micros(), null),
  THROUGHPUT_PER_SEC(
      "throughputPerSec", Direction.LOWER_IS_WORSE, RoundResult::throughputPerSec, null),
  SERVER_CPU_MICROS_PER_OP(
      "serverCpuMicrosPerOp", Direction.HIGHER_IS_WORSE, RoundResult::serverCpuMicrosPerOp, null),
  CLIENT_CPU_MICROS_PER_OP(
      "clientCpuMicrosPerOp", Direction.HIGHER_IS_WORSE, RoundResult::clientCpuMicrosPerOp, null),
  PAYLOAD_SENT_PER_OP(
      "payloadSentPerOp", Direction.HIGHER_IS_WORSE, null, TotalResult::payloadSentPerOp),
  PAYLOAD_RECEIVED_PER_OP(
      "payloadReceivedPerOp", Direction.HIGHER_IS_WORSE, null, TotalResult::payloadReceivedPerOp),
  WIRE_SENT_PER_OP("wireSentPerOp", Direction.HIGHER_IS_WORSE, null, TotalResult::wireSentPerOp),
  WIRE_RECEIVED_PER_OP(
      "wireReceivedPerOp", Direction.HIGHER_IS_WORSE, null, TotalResult::wireReceivedPerOp);

  private final String fieldName;
  private final Direction direction;
  private final Function<RoundResult, Double> perRound;
  private final Function<TotalResult, Double> exact;

  GateMetric(
      String fieldName,
      Direction direction,
      Function<RoundResult, Double> perRound,
      Function<TotalResult, Double> exact) {
    this.fieldName = fieldName;
    this.direction = direction;
    this.perRound = perRound;
    this.exact = exact;
  }

  /** The field's name in {@code results.json}, which reports also use. */
  public String fieldName() {
    return fieldName;
  }

  public Direction direction() {
    return direction;
  }

  /** True for figures compared exactly, from the totals, without statistics. */
  public boolean isExact() {
    return exact != null;
  }

  /** This metric's value in one round; null when the round did not measure it. */
  Double valueOf(RoundResult round) {
    return perRound.apply(round);
  }

  /** This metric's exact value from the totals; null when not measured. */
  Double valueOf(TotalResult total) {
    return exact.apply(total);
  }
}
