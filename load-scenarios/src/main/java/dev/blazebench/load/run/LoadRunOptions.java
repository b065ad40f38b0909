package dev.blazebench.load.run;

import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.scenario.ScenarioOptions;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One {@code blazebench load} run, resolved and checked before anything connects.
 *
 * @param target where the load goes
 * @param api which API's client to use; null for the target scheme's
 * @param scenario which scenario to run
 * @param scenarioOptions the scenario's choices (collection, mix, records, batch size)
 * @param driver the load profile, in-flight cap, deadline, drain and interval
 * @param connections TCP connections the client opens
 * @param outDir the run folder
 * @param startAt when to start (several drivers together), or null for now
 */
public record LoadRunOptions(
    Target target,
    String api,
    String scenario,
    ScenarioOptions scenarioOptions,
    DriverConfig driver,
    int connections,
    Path outDir,
    Instant startAt) {

  public LoadRunOptions {
    api = Catalogue.resolveApi(target, api);
    Catalogue.checkScenario(scenario);
    if (scenarioOptions == null) {
      scenarioOptions = ScenarioOptions.DEFAULTS;
    }
    scenarioOptions.checkAppliesTo(scenario);
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1, was " + connections);
    }
  }
}
