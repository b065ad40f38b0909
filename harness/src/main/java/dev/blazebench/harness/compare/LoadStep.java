package dev.blazebench.harness.compare;

import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.results.LoadResults;
import dev.blazebench.load.results.ResultsJson;
import dev.blazebench.load.run.Catalogue;
import dev.blazebench.load.run.LoadRun;
import dev.blazebench.load.run.LoadRunOptions;
import dev.blazebench.load.run.Target;
import dev.blazebench.load.scenario.RealtimeOptions;
import dev.blazebench.load.scenario.ScenarioOptions;
import dev.blazebench.reports.gate.InterleavedRuns;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs one (round, API, scenario) of a compare with the load driver in this JVM ({@link LoadRun},
 * as {@code blazebench load} would), into {@code rounds/rNN/<api>--<scenario>/}: its results.json,
 * .hlog files and a {@code load.log} of what the driver printed. Reads the server's CPU over the
 * run's measured part from the {@link CpuSampler}.
 *
 * <p>In-process rather than one {@code blazebench load} child per run: the driver's JIT stays warm
 * from round to round (a fresh JVM per run would measure its own warm-up in every round), and no
 * JVM start is paid per run, which the 3-minute quick profile cannot afford.
 */
final class LoadStep {

  /** How long calls in flight may finish after the measured part. */
  static final Duration DRAIN = Duration.ofSeconds(2);

  private final ComparePlan plan;
  private final ApiTargets targets;
  private final CpuSampler serverCpu;
  private final CpuSampler baselineServerCpu;
  private final int serverCores;

  LoadStep(ComparePlan plan, ApiTargets targets, CpuSampler serverCpu, int serverCores) {
    this(plan, targets, serverCpu, null, serverCores);
  }

  /**
   * A step against two builds: {@code baselineServerCpu} reads the baseline build's server, whose
   * runs are named {@code API@baseline}.
   */
  LoadStep(
      ComparePlan plan,
      ApiTargets targets,
      CpuSampler serverCpu,
      CpuSampler baselineServerCpu,
      int serverCores) {
    this.plan = plan;
    this.targets = targets;
    this.serverCpu = serverCpu;
    this.baselineServerCpu = baselineServerCpu;
    this.serverCores = serverCores;
  }

  /** What one run came to: the run, or null if it was interrupted before its end. */
  record Result(CompletedRun run, long failedCalls, boolean interrupted) {}

  /**
   * Runs {@code planned}.
   *
   * @throws Exception what the load driver threw: the target unreachable, the scenario could not be
   *     prepared
   */
  Result run(PlannedRun planned) throws Exception {
    Path folder = plan.outDir().resolve(planned.relativeFolder());
    Files.createDirectories(folder);
    LoadRunOptions options = options(planned, folder);
    LoadRun.Outcome outcome;
    try (PrintWriter log =
        new PrintWriter(
            Files.newBufferedWriter(folder.resolve("load.log"), StandardCharsets.UTF_8), true)) {
      outcome = LoadRun.execute(options, log, log);
    }
    CpuSampler serverCpu =
        baselineServerCpu != null && InterleavedRuns.isBaseline(planned.api())
            ? baselineServerCpu
            : this.serverCpu;
    serverCpu.sample(); // the window's end is covered before it is read
    if (outcome.interrupted()) {
      return new Result(null, outcome.failedCalls(), true);
    }
    LoadResults results = outcome.results();
    Instant measuredStart = Instant.parse(results.drivers().get(0).environment().startTime());
    long measuredMillis = Math.round(results.run().durationSec() * 1000);
    long from = measuredStart.toEpochMilli();
    long cpu = serverCpu.cpuNanosBetween(from, from + measuredMillis);
    long jit = serverCpu.jitNanosBetween(from, from + measuredMillis);
    String relative =
        planned.relativeFolder().resolve(ResultsJson.FILE_NAME).toString().replace('\\', '/');
    return new Result(
        new CompletedRun(planned, relative, results, measuredStart, cpu, jit, serverCores),
        outcome.failedCalls(),
        false);
  }

  /** The load driver's options for {@code planned}: the scenario's load, the plan's times. */
  LoadRunOptions options(PlannedRun planned, Path folder) {
    ScenarioLoad load = plan.scenarioLoad(planned.scenario());
    Duration pollInterval = pollIntervalOf(planned);
    LoadProfile profile =
        LoadProfile.constantRate(load.targetRps(), measuredDuration(plan, planned))
            // The warm-up round is all warm-up: its runs need no warm-up of their own.
            .withWarmup(planned.round() == 0 ? Duration.ZERO : plan.warmup());
    // A polled change arrives with the next poll: the drain waits one interval more for the last.
    Duration drain = pollInterval == null ? DRAIN : pollInterval.plusSeconds(1);
    // A polled change is in flight until the next poll: at the scenario's rate, up to a poll
    // interval's worth of deliveries wait at once, and the cap must not hold back the writes.
    int maxInFlight =
        pollInterval == null
            ? load.maxInFlight()
            : Math.max(
                load.maxInFlight(),
                (int) Math.ceil(load.targetRps() * (pollInterval.toMillis() + 1000) / 1000.0) + 16);
    DriverConfig driver =
        new DriverConfig(
            profile, maxInFlight, load.callDeadline(), drain, DriverConfig.DEFAULT_INTERVAL);
    boolean realtime = planned.scenario().equals(Scenarios.REALTIME);
    return new LoadRunOptions(
        targets.targetFor(planned.api()),
        // The driver knows the API by its own name; the baseline build's runs only differ in the
        // server they go to (the folder and results.json keep the planned name).
        InterleavedRuns.apiOf(planned.api()),
        planned.scenario(),
        new ScenarioOptions(load.collection(), null, 0, 0),
        driver,
        load.connections(),
        folder,
        null,
        realtime
            ? new RealtimeOptions(1, pollInterval, targets.writerFor(planned.api()))
            : RealtimeOptions.DEFAULTS);
  }

  /**
   * The measured part of {@code planned}: the plan's, but where the plan asks for it, at least two
   * poll intervals for a polling API, so that its latency and bytes per hour cover whole polls.
   */
  static Duration measuredDuration(ComparePlan plan, PlannedRun planned) {
    if (planned.round() == 0) {
      return plan.warmupRound();
    }
    Duration measured = plan.duration();
    if (plan.linkBitsPerSecond() > 0) {
      // Over a shaped link the rate is capped to what the link carries (fetch-1000 at 10 mbit:
      // 1.25/s), so a run lasts long enough for its median to rest on more than a call or two.
      double rps = Scenarios.load(planned.scenario(), plan.linkBitsPerSecond()).targetRps();
      Duration enough = Duration.ofMillis((long) Math.ceil(MIN_CALLS_OVER_LINK / rps * 1000));
      measured = enough.compareTo(measured) > 0 ? enough : measured;
    }
    Duration interval = pollIntervalOf(planned);
    if (interval == null || !plan.wholePollIntervals()) {
      return measured;
    }
    Duration twoPolls = interval.multipliedBy(2);
    return twoPolls.compareTo(measured) > 0 ? twoPolls : measured;
  }

  /** The fewest calls a measured run over a shaped link is planned for. */
  static final int MIN_CALLS_OVER_LINK = 10;

  /** The poll interval of a realtime run over REST polling, else null. */
  static Duration pollIntervalOf(PlannedRun planned) {
    String api = InterleavedRuns.apiOf(planned.api());
    if (!planned.scenario().equals(Scenarios.REALTIME) || !api.startsWith(Target.POLL_API_PREFIX)) {
      return null;
    }
    return Catalogue.pollIntervalOf(api);
  }
}
