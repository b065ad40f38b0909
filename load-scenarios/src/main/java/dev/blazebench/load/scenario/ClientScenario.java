package dev.blazebench.load.scenario;

import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.wire.WireCounter;
import java.util.Optional;

/**
 * A scenario that makes its calls through one {@link LoadClient} on one collection: the API's name,
 * error classification and socket byte counter are the client's.
 */
abstract class ClientScenario implements Scenario {

  final LoadClient api;
  final String collection;

  ClientScenario(LoadClient api, String collection) {
    this.api = api;
    this.collection = collection;
  }

  @Override
  public final String api() {
    return api.name();
  }

  @Override
  public final OpOutcome classify(Throwable error) {
    return api.classify(error);
  }

  @Override
  public final Optional<WireCounter> wireCounter() {
    return Optional.of(api.wireCounter());
  }
}
