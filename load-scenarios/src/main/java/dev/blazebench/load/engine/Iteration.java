package dev.blazebench.load.engine;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * One scheduled run of a scenario, handed to {@link Scenario#runIteration}. Every call made through
 * {@link #call} is timed, checked and recorded under its operation's name.
 *
 * <p>The first call of an iteration is timed from the iteration's intended start (the schedule's,
 * not the moment it went out): that is the coordinated-omission correction. A later call in the
 * same iteration (fetch what was just inserted) is timed from its own start, since it could not
 * have started before the call it depends on finished.
 */
public interface Iteration {

  /**
   * The iteration's number in the run, from 0 (warm-up included); scenarios use it to pick data.
   */
  long index();

  /** True while the run warms up: the iteration's results are kept apart from the measured ones. */
  boolean isWarmup();

  /**
   * Starts {@code call} now and records it as operation {@code operationName} (one of the
   * scenario's {@link Scenario#operationNames}). The returned stage completes with the outcome
   * after it has been recorded, and never fails: a failed call completes with a failed outcome.
   */
  CompletionStage<OpOutcome> call(String operationName, Call call);

  /**
   * Starts {@code call} now for an effect of what this iteration did earlier (a subscriber
   * receiving the iteration's write), recorded as operation {@code operationName}: its corrected
   * latency counts from the iteration's intended start, its uncorrected latency from now, and it
   * may take {@code deadline} from now. Otherwise as {@link #call}.
   */
  CompletionStage<OpOutcome> awaitEffect(String operationName, Duration deadline, Call call);
}
