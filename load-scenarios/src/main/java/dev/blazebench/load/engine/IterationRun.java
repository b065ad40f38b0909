package dev.blazebench.load.engine;

import dev.blazebench.load.record.OperationRecorder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/** The driver's {@link Iteration}: times each call, tracks it until settled, records it. */
final class IterationRun implements Iteration {

  private final Driver driver;
  private final long index;
  private final long intendedNanos;
  private final boolean warmup;
  private final AtomicBoolean firstCall = new AtomicBoolean(true);

  IterationRun(Driver driver, long index, long intendedNanos, boolean warmup) {
    this.driver = driver;
    this.index = index;
    this.intendedNanos = intendedNanos;
    this.warmup = warmup;
  }

  @Override
  public long index() {
    return index;
  }

  @Override
  public boolean isWarmup() {
    return warmup;
  }

  /** Whether any call was made (a failure outside every call is then recorded by the driver). */
  boolean madeCalls() {
    return !firstCall.get();
  }

  long intendedNanos() {
    return intendedNanos;
  }

  @Override
  public CompletionStage<OpOutcome> call(String operationName, Call call) {
    return start(operationName, false, driver.config().callDeadline(), call);
  }

  @Override
  public CompletionStage<OpOutcome> awaitEffect(
      String operationName, Duration deadline, Call call) {
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
    return start(operationName, true, deadline, call);
  }

  private CompletionStage<OpOutcome> start(
      String operationName, boolean fromIntendedStart, Duration deadline, Call call) {
    OperationRecorder recorder = driver.recorders().recorder(operationName, warmup);
    if (driver.hasEnded()) {
      // A later step of an iteration the end of the run cut short: not started, not recorded.
      return CompletableFuture.completedFuture(
          OpOutcome.failed(ErrorClass.OTHER, "not started: the run had ended"));
    }
    long sendNanos = driver.clock().nanoTime();
    // The first call counts from the schedule's intended start, later ones from their own send:
    // they could not start before the call they depend on had finished. An awaited effect counts
    // from the intended start of what caused it.
    boolean first = firstCall.getAndSet(false);
    long intended = first || fromIntendedStart ? intendedNanos : sendNanos;
    PendingCall pending = new PendingCall(recorder, intended, sendNanos, deadline.toNanos());
    RunRecorders recorders = driver.recorders();
    recorders.track(pending);
    CompletionStage<OpOutcome> stage;
    try {
      stage = call.start(deadline);
    } catch (RuntimeException | Error e) {
      recorders.settle(pending, driver.scenario().classify(e));
      return pending.result;
    }
    if (stage == null) {
      recorders.settle(
          pending, OpOutcome.failed(ErrorClass.OTHER, "the call returned no stage (a bug)"));
      return pending.result;
    }
    stage.whenComplete(
        (outcome, error) -> {
          OpOutcome settled;
          if (error != null) {
            settled = driver.scenario().classify(error);
          } else if (outcome == null) {
            settled = OpOutcome.failed(ErrorClass.OTHER, "the call completed with no outcome");
          } else {
            settled = outcome;
          }
          recorders.settle(pending, settled);
        });
    return pending.result;
  }
}
