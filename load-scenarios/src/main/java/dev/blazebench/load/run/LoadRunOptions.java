package dev.blazebench.load.run;

import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.scenario.Realtime;
import dev.blazebench.load.scenario.RealtimeOptions;
import dev.blazebench.load.scenario.ScenarioOptions;
import dev.blazebench.load.scenario.SyncScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One {@code blazebench load} run, resolved and checked before anything connects.
 *
 * @param target where the load goes
 * @param api which API's client to use; null for the target scheme's (for {@code rest-poll://}, the
 *     poll interval names it: {@code rest-poll-1s})
 * @param scenario which scenario to run
 * @param scenarioOptions the scenario's choices (collection, mix, records, batch size)
 * @param driver the load profile, in-flight cap, deadline, drain and interval
 * @param connections TCP connections the client opens
 * @param outDir the run folder
 * @param startAt when to start (several drivers together), or null for now
 * @param realtime the realtime scenario's choices (subscribers, poll interval, writer); with the
 *     poll interval resolved for {@code rest-poll://} targets
 */
public record LoadRunOptions(
    Target target,
    String api,
    String scenario,
    ScenarioOptions scenarioOptions,
    DriverConfig driver,
    int connections,
    Path outDir,
    Instant startAt,
    RealtimeOptions realtime) {

  /** The reference server's default poll interval for {@code rest-poll://}: the seed's 5 s. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

  public LoadRunOptions {
    if (realtime == null) {
      realtime = RealtimeOptions.DEFAULTS;
    }
    Catalogue.checkScenario(scenario);
    boolean isRealtime = scenario.equals(Realtime.NAME);
    boolean isSync = scenario.equals(SyncScenario.NAME);
    if (isSync && (realtime.pollInterval() != null || realtime.writer() != null)) {
      throw new IllegalArgumentException(
          "--poll-interval and --writer apply to realtime only (sync takes --subscribers: its"
              + " receivers)");
    }
    if (!isRealtime && !isSync && !realtime.isDefault()) {
      throw new IllegalArgumentException(
          "--subscribers, --poll-interval and --writer apply to realtime (and --subscribers to"
              + " sync) only");
    }
    if (target.transport() == Target.Transport.POLLING) {
      Duration interval = realtime.pollInterval();
      if (api != null && api.startsWith(Target.POLL_API_PREFIX)) {
        Duration named = Catalogue.pollIntervalOf(api);
        if (interval != null && !interval.equals(named)) {
          throw new IllegalArgumentException(
              "--api " + api + " and --poll-interval " + interval + " disagree");
        }
        interval = named;
      }
      if (interval == null) {
        interval = DEFAULT_POLL_INTERVAL;
      }
      api = Target.pollingApi(interval);
      realtime = new RealtimeOptions(realtime.subscribers(), interval, realtime.writer());
    } else if (realtime.pollInterval() != null) {
      throw new IllegalArgumentException(
          "--poll-interval applies to rest-poll:// targets only (" + target.text() + " pushes)");
    }
    api = Catalogue.resolveApi(target, api);
    Catalogue.checkScenarioOverApi(scenario, api, target);
    if (scenarioOptions == null) {
      scenarioOptions = ScenarioOptions.DEFAULTS;
    }
    scenarioOptions.checkAppliesTo(scenario);
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1, was " + connections);
    }
    if (isRealtime && realtime.pollInterval() != null) {
      Duration needed = realtime.pollInterval().plusSeconds(1);
      if (driver.drain().compareTo(needed) < 0) {
        throw new IllegalArgumentException(
            "--drain "
                + driver.drain().toMillis()
                + "ms is too short for polling every "
                + realtime.pollInterval().toMillis()
                + "ms: the last writes' deliveries could not arrive in it (give --drain of at"
                + " least the poll interval + 1s, e.g. "
                + needed.toSeconds()
                + "s)");
      }
    }
  }

  /** A run of a request/response scenario (the realtime options at their defaults). */
  public LoadRunOptions(
      Target target,
      String api,
      String scenario,
      ScenarioOptions scenarioOptions,
      DriverConfig driver,
      int connections,
      Path outDir,
      Instant startAt) {
    this(
        target,
        api,
        scenario,
        scenarioOptions,
        driver,
        connections,
        outDir,
        startAt,
        RealtimeOptions.DEFAULTS);
  }
}
