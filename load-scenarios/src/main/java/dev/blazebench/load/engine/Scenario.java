package dev.blazebench.load.engine;

import dev.blazebench.load.wire.WireCounter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the driver runs against one API: a named sequence of calls per iteration, each call checked
 * for correctness. The driver decides when iterations start; the scenario decides what they do.
 *
 * <pre>{@code
 * public CompletionStage<?> runIteration(Iteration iteration) {
 *   return iteration.call("query", deadline -> client.queryOpen(1000, deadline)
 *       .thenApply(records -> OpOutcome.checked(records.count() == 1000, "...", sent, received)));
 * }
 * }</pre>
 */
public interface Scenario {

  /** The API the scenario talks to, as results name it: "grpc-blazebinary", "rest-json", ... */
  String api();

  /** The scenario's name: "fetch-1000", "insert-100", ... */
  String name();

  /** Every operation name {@link Iteration#call} may be given, in the order results list them. */
  List<String> operationNames();

  /**
   * Runs one iteration: makes its calls through {@code iteration} and returns a stage that
   * completes when the last one has. Must not block. The iteration keeps an in-flight slot until
   * the returned stage completes.
   */
  CompletionStage<?> runIteration(Iteration iteration);

  /**
   * Gets the target ready before the run (creates the data the scenario reads, computes the answer
   * every call is checked against). Called once, blocking, never measured.
   *
   * @param deadline the deadline of each setup call
   * @throws Exception if the target cannot be prepared; the run does not start
   */
  default void prepare(java.time.Duration deadline) throws Exception {}

  /**
   * {@link #prepare(java.time.Duration)}, telling {@code progress} how a long preparation goes
   * (inserting a million records takes a while). By default, the one-argument form.
   */
  default void prepare(java.time.Duration deadline, java.util.function.Consumer<String> progress)
      throws Exception {
    prepare(deadline);
  }

  /**
   * The failure a call's exception stands for. The default knows the JDK's exceptions; clients
   * override it for their transport's (gRPC statuses, HTTP errors).
   */
  default OpOutcome classify(Throwable error) {
    return Failures.classify(error);
  }

  /** The byte counter at the socket of this scenario's connections, if its client has one. */
  default Optional<WireCounter> wireCounter() {
    return Optional.empty();
  }
}
