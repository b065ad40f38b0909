package dev.blazebench.load.testing;

import dev.blazebench.load.engine.Call;
import dev.blazebench.load.engine.Iteration;
import dev.blazebench.load.engine.Scenario;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A one-operation scenario whose call for each iteration a test chooses. */
public final class TestScenario implements Scenario {

  private final String operation;
  private final Function<Iteration, Call> calls;

  public TestScenario(String operation, Function<Iteration, Call> calls) {
    this.operation = operation;
    this.calls = calls;
  }

  @Override
  public String api() {
    return "test-api";
  }

  @Override
  public String name() {
    return "test-scenario";
  }

  @Override
  public List<String> operationNames() {
    return List.of(operation);
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    return iteration.call(operation, calls.apply(iteration));
  }
}
