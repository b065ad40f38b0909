package dev.blazebench.load.engine;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * One asynchronous call to the system under test, started by the driver at the moment it takes its
 * send time. It must not block: it starts the request and returns a stage that completes when the
 * answer has been decoded and checked (or the call failed).
 */
@FunctionalInterface
public interface Call {

  /**
   * Starts the call.
   *
   * @param deadline how long the call may take from now; the client passes it on (a gRPC deadline,
   *     an HTTP timeout) so that a dead server fails calls instead of hanging them
   * @return the outcome; a stage that fails is classified by {@link Scenario#classify}
   */
  CompletionStage<OpOutcome> start(Duration deadline);
}
