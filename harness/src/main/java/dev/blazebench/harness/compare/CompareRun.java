package dev.blazebench.harness.compare;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.load.api.TargetUnreachableException;
import dev.blazebench.load.run.Target;
import dev.blazebench.reports.claims.ClaimCatalogue;
import dev.blazebench.reports.claims.ClaimCheck;
import dev.blazebench.reports.gate.InterleavedRuns;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.CodecResults;
import dev.blazebench.reports.model.NetworkLink;
import dev.blazebench.reports.model.Placement;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsWriter;
import dev.blazebench.reports.model.RunWarning;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One compare, start to end: place the processes, start the server, run the planned load runs in
 * their interleaved order, stop the server, run the codec benchmarks, write results.json (after
 * every round too, so a killed run leaves its rounds) and the report. A stop (Ctrl-C) ends the
 * current run early, drops it, and writes the rounds completed, marked with a {@code partial}
 * warning.
 */
final class CompareRun {

  /** How long the server may take to seed its store and listen. */
  static final Duration SERVER_READY_TIMEOUT = Duration.ofSeconds(120);

  /**
   * What the compare came to.
   *
   * @param resultsJson the results file written
   * @param indexHtml the report, or null if it could not be written
   * @param partial stopped before its end
   * @param failedCalls failed calls over every run
   * @param failedRuns runs that could not be made
   * @param elapsed wall time of the whole compare
   */
  record Outcome(
      Path resultsJson,
      Path indexHtml,
      boolean partial,
      long failedCalls,
      int failedRuns,
      Duration elapsed) {

    /** What stdout says at the end: where the report is. */
    String summaryLine() {
      return indexHtml != null ? indexHtml.toString() : resultsJson.toString();
    }
  }

  private final ComparePlan plan;
  private final PrintWriter console;
  private final Clock clock;
  private final List<CompletedRun> completed = new ArrayList<>();
  private final List<String> runFailures = new ArrayList<>();
  private long failedCalls;
  private NetworkLink linkUsed; // the shaped link the runs crossed, null over loopback

  CompareRun(ComparePlan plan, PrintWriter console, Clock clock) {
    this.plan = plan;
    this.console = console;
    this.clock = clock;
  }

  Outcome run() throws IOException, InterruptedException {
    if (plan.link() != null) {
      // Not root or no iproute2: said before the run folder or anything else is made.
      ShapedLink.requireTools(plan.link());
    }
    prepareOutDir(plan.outDir());
    long startNanos = System.nanoTime();
    Instant startedAt = clock.instant();
    Path checkout = CheckoutPaths.checkoutOrWorkingDir();
    MachineInfo machine = MachineInfo.detect(checkout);
    List<Integer> cpus = CpuPlacement.allowedCpus();
    // Servers compare did not start are not its to place: the driver keeps every CPU.
    CpuPlacement placement =
        plan.external() != null ? CpuPlacement.external() : CpuPlacement.pinThisProcess();
    // The unmeasured warm-up round first, then the measured rounds.
    List<PlannedRun> runs = plan.runsInOrder();
    TimeEstimate estimate = new TimeEstimate(plan);
    say(
        "%s; %s, then %d runs per round (%s); about %s",
        describePlan(),
        plan.serverForks() == 1
            ? "a warm-up round"
            : plan.serverForks() + " server forks, each started with a warm-up round",
        plan.runsPerRound(),
        describeRound(),
        TimeText.formatSeconds(estimate.secondsLeft(runs, 0) + 5));
    say("run folder %s", plan.outDir());
    say("%s", placement.note());

    boolean partial = false;
    String codecProblem = null;
    try (StopSignal stop = StopSignal.install()) {
      try {
        partial = runRounds(runs, placement, machine, estimate, stop);
      } finally {
        // The load is over (or stopped): the codec benchmarks get every CPU again.
        if (placement.pinned()) {
          CpuPlacement.unpinThisProcess(cpus);
        }
      }
      partial |= stop.requested();
      if (plan.codec() && !partial) {
        codecProblem = runCodec(stop);
        partial |= stop.requested();
      }
      Thread.interrupted(); // a stop's interrupt must not break the writing below
      RunResults results =
          assemble(machine, placement, startedAt, clock.instant(), partial, codecProblem);
      Path resultsJson = RunResultsWriter.writeToFolder(results, plan.outDir());
      Path index = ReportStep.write(plan.outDir(), console);
      // As Gatling closes with its assertions: the claim check's count, the report has each one.
      say(
          "claim check: %s",
          ClaimCheck.verdictLine(ClaimCheck.check(ClaimCatalogue.standard(), results)));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      say(
          "%s in %s: %d runs, %d failed calls, %d failed runs%s",
          partial ? "stopped" : "done",
          TimeText.format(elapsed),
          completed.size(),
          failedCalls,
          runFailures.size(),
          index != null ? "; report " + index : "; results " + resultsJson);
      return new Outcome(resultsJson, index, partial, failedCalls, runFailures.size(), elapsed);
    }
  }

  /** Runs every planned run against the servers given with --target; true if stopped early. */
  private boolean runRoundsAgainstExternal(
      List<PlannedRun> runs,
      CpuPlacement placement,
      MachineInfo machine,
      TimeEstimate estimate,
      StopSignal stop)
      throws IOException, InterruptedException {
    say("servers given: %s", plan.external().describe());
    // No process to read: every run's server CPU is unknown (null in results.json).
    CpuSampler sampler = CpuSampler.of(List.of());
    ExternalTargets targets = plan.external();
    RelayProcess relay = null;
    try {
      if (plan.delay() != null) {
        linkUsed = new NetworkLink(null, 0, plan.delayMillis(), delayNote());
        Path log = plan.outDir().resolve("relay.log");
        say("starting the delay relay: %d ms each way (log: %s)", plan.delayMillis(), log);
        relay = RelayProcess.start(plan.delay(), targets.addresses(), log, RELAY_READY_TIMEOUT);
        RelayProcess through = relay;
        targets =
            targets.via(
                target ->
                    Target.parse(
                        target.scheme()
                            + "://"
                            + ServerProcess.LOOPBACK
                            + ":"
                            + through.listenPort(target.host(), target.port())));
        say("through the relay: %s", targets.describe());
      }
      LoadStep step = new LoadStep(plan, targets, sampler, machine.load().cores());
      return runEach(runs, 0, runs.size(), step, null, null, placement, machine, estimate, stop);
    } finally {
      if (relay != null) {
        relay.stop();
      }
    }
  }

  /**
   * Runs every planned run on servers compare starts: for each server fork, fresh servers (this
   * build's, and the baseline build's if any), that fork's warm-up round and rounds, then stops
   * them. True if stopped early.
   */
  private boolean runRounds(
      List<PlannedRun> runs,
      CpuPlacement placement,
      MachineInfo machine,
      TimeEstimate estimate,
      StopSignal stop)
      throws IOException, InterruptedException {
    if (plan.external() != null) {
      return runRoundsAgainstExternal(runs, placement, machine, estimate, stop);
    }
    if (plan.link() == null) {
      if (plan.delay() != null) {
        linkUsed = new NetworkLink(null, 0, plan.delayMillis(), delayNote());
      }
      return runForks(runs, placement, machine, estimate, stop, null);
    }
    // Closed (the namespace and veth removed) however the rounds end; a shutdown hook in the link
    // does it if the JVM ends first.
    try (ShapedLink link = ShapedLink.open(plan.link())) {
      NetworkLink made = link.describe();
      linkUsed =
          new NetworkLink(
              made.rate(),
              made.rateBitsPerSecond(),
              plan.delayMillis(),
              made.note()
                  + ". Offered rates capped so the largest call keeps the link at most half"
                  + " busy, each measured run at least "
                  + LoadStep.MIN_CALLS_OVER_LINK
                  + " calls long"
                  + (plan.delay() == null ? "" : "; " + delayNote()));
      say("shaped link: %s", made.note());
      try {
        return runForks(runs, placement, machine, estimate, stop, link);
      } finally {
        // A drop costs a call a retransmission timeout: the queue is sized so there are none.
        long dropped = link.droppedPackets();
        String drops =
            dropped < 0
                ? "tc did not say how many packets the token buckets dropped"
                : "the token buckets dropped " + dropped + " packets";
        linkUsed =
            new NetworkLink(
                linkUsed.rate(),
                linkUsed.rateBitsPerSecond(),
                linkUsed.oneWayDelayMillis(),
                linkUsed.note() + "; " + drops);
        say("%s", drops);
      }
    } finally {
      if (linkUsed != null) {
        say("shaped link removed");
      }
    }
  }

  /** How compare --delay adds its delay, for results.json's link note. */
  private String delayNote() {
    return plan.delayMillis()
        + " ms added to each direction by blazebench relay, a user-space TCP relay in a process of"
        + " its own (not pinned to a CPU) between the driver and the servers (the byte stream is"
        + " delayed; TCP itself runs at loopback speed, so slow start over the delay is not"
        + " modelled); connections, in-flight caps and deadlines raised to match";
  }

  /** Runs every fork's rounds on fresh servers, behind {@code link} if not null. */
  private boolean runForks(
      List<PlannedRun> runs,
      CpuPlacement placement,
      MachineInfo machine,
      TimeEstimate estimate,
      StopSignal stop,
      ShapedLink link)
      throws IOException, InterruptedException {
    int from = 0;
    while (from < runs.size()) {
      int fork = runs.get(from).fork();
      int to = from;
      while (to < runs.size() && runs.get(to).fork() == fork) {
        to++;
      }
      if (runOnFreshServers(runs, from, to, fork, placement, machine, estimate, stop, link)) {
        return true;
      }
      from = to;
    }
    return false;
  }

  /**
   * Starts the server(s) of {@code fork}, runs {@code runs[from, to)}, stops them; true if stopped
   * early.
   */
  private boolean runOnFreshServers(
      List<PlannedRun> runs,
      int from,
      int to,
      int fork,
      CpuPlacement placement,
      MachineInfo machine,
      TimeEstimate estimate,
      StopSignal stop,
      ShapedLink link)
      throws IOException, InterruptedException {
    ServerStart start = ServerStart.of(placement, link);
    String logSuffix = fork == 1 ? ".log" : "-fork" + fork + ".log";
    Path dataDir = Files.createTempDirectory("blazebench-compare-");
    ServerProcess server = null;
    ServerProcess baseline = null;
    CpuSampler sampler = null;
    CpuSampler baselineSampler = null;
    RelayProcess relay = null;
    try {
      // With a baseline build, which server starts first alternates by fork (the baseline first in
      // even forks), so that whatever starting first does to a JVM is not always on one side.
      boolean baselineFirst = plan.baselineJar() != null && fork % 2 == 0;
      if (baselineFirst) {
        baseline = startBaseline(dataDir, logSuffix, start);
        if (baseline == null) {
          return true;
        }
      }
      server = startServer(dataDir, logSuffix, fork, start);
      if (server == null) {
        return true;
      }
      if (plan.baselineJar() != null && !baselineFirst) {
        baseline = startBaseline(dataDir, logSuffix, start);
        if (baseline == null) {
          return true;
        }
      }
      if (plan.delay() != null) {
        relay = startRelay(fork, logSuffix, server, baseline);
      }
      sampler = new CpuSampler(server::cpu, System::currentTimeMillis);
      ServerTargets currentTargets = targetsOf(server, relay);
      ApiTargets targets = currentTargets;
      if (baseline != null) {
        baselineSampler = new CpuSampler(baseline::cpu, System::currentTimeMillis);
        targets = new TwoBuildTargets(currentTargets, targetsOf(baseline, relay));
      }
      int serverCores = placement.pinned() ? 1 : machine.load().cores();
      LoadStep step = new LoadStep(plan, targets, sampler, baselineSampler, serverCores);
      return runEach(runs, from, to, step, server, baseline, placement, machine, estimate, stop);
    } finally {
      if (sampler != null) {
        sampler.close();
      }
      if (baselineSampler != null) {
        baselineSampler.close();
      }
      if (relay != null) {
        relay.stop();
      }
      stopServer(server, "server");
      stopServer(baseline, "baseline server");
      deleteTree(dataDir);
      deleteTree(dataDir.resolveSibling(dataDir.getFileName() + "-baseline"));
    }
  }

  /**
   * The relay that delays every call to {@code server} (and {@code baseline}, if not null) by the
   * plan's delay each way, started once the servers listen.
   */
  private RelayProcess startRelay(
      int fork, String logSuffix, ServerProcess server, ServerProcess baseline)
      throws IOException, InterruptedException {
    List<String> targets = new ArrayList<>();
    for (ServerProcess s : baseline == null ? List.of(server) : List.of(server, baseline)) {
      targets.add(s.host() + ":" + s.grpcPort());
      targets.add(s.host() + ":" + s.httpPort());
    }
    Path log = plan.outDir().resolve("relay" + logSuffix);
    say(
        "starting the delay relay%s: %d ms each way (log: %s)",
        plan.serverForks() == 1 ? "" : " for fork " + fork, plan.delayMillis(), log);
    return RelayProcess.start(plan.delay(), targets, log, RELAY_READY_TIMEOUT);
  }

  /** How long the relay may take to print its routes. */
  private static final Duration RELAY_READY_TIMEOUT = Duration.ofSeconds(30);

  /** Where the driver reaches {@code server}: straight, or through {@code relay} if not null. */
  private static ServerTargets targetsOf(ServerProcess server, RelayProcess relay) {
    if (relay == null) {
      return new ServerTargets(server.host(), server.grpcPort(), server.httpPort());
    }
    return new ServerTargets(
        ServerProcess.LOOPBACK,
        relay.listenPort(server.host(), server.grpcPort()),
        relay.listenPort(server.host(), server.httpPort()));
  }

  /** This build's server for {@code fork}, ready; null when interrupted while it started. */
  private ServerProcess startServer(Path dataDir, String logSuffix, int fork, ServerStart start)
      throws IOException {
    Path serverLog = plan.outDir().resolve("server" + logSuffix);
    say(
        "starting the reference server%s (log: %s)",
        plan.serverForks() == 1 ? "" : " for rounds of fork " + fork + " of " + plan.serverForks(),
        serverLog);
    return startAndAnnounce(
        "server", dataDir, System.getProperty("java.class.path"), serverLog, start);
  }

  /** The baseline build's server, ready, with a store of its own; null when interrupted. */
  private ServerProcess startBaseline(Path dataDir, String logSuffix, ServerStart start)
      throws IOException {
    Path baselineLog = plan.outDir().resolve("server-baseline" + logSuffix);
    say(
        "starting the baseline build's reference server from %s (log: %s)",
        plan.baselineJar(), baselineLog);
    return startAndAnnounce(
        "baseline server",
        Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-baseline")),
        plan.baselineJar().toString(),
        baselineLog,
        start);
  }

  /**
   * Starts a reference server from {@code classPath} over {@code dataDir}, waits for its ready line
   * and says where it listens; null when interrupted while it started.
   */
  private ServerProcess startAndAnnounce(
      String name, Path dataDir, String classPath, Path log, ServerStart start) throws IOException {
    ServerProcess server;
    try {
      server =
          ServerProcess.start(
              ServerProcess.command(start.prefix(), dataDir, classPath, start.host()),
              log,
              SERVER_READY_TIMEOUT);
    } catch (InterruptedException e) {
      return null;
    }
    say(
        "%s ready: gRPC %s:%d, HTTP %s:%d (pid %d)",
        name, server.host(), server.grpcPort(), server.host(), server.httpPort(), server.pid());
    return server;
  }

  /** Stops {@code server} if it was started, even while a stop (Ctrl-C) is under way. */
  private void stopServer(ServerProcess server, String name) throws InterruptedException {
    if (server == null) {
      return;
    }
    boolean interrupted = Thread.interrupted(); // stopping must not be cut short by a stop
    int exit = server.stop(Duration.ofSeconds(10));
    say("%s stopped%s", name, exit == -1 ? " (killed: no graceful stop within 10 s)" : "");
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs {@code runs[from, to)} in order with {@code step} (the whole list is for the time left);
   * true if stopped early. {@code server} is the server compare started, or null for servers given
   * with --target; {@code baseline} the baseline build's, or null.
   */
  private boolean runEach(
      List<PlannedRun> runs,
      int from,
      int to,
      LoadStep step,
      ServerProcess server,
      ServerProcess baseline,
      CpuPlacement placement,
      MachineInfo machine,
      TimeEstimate estimate,
      StopSignal stop)
      throws IOException {
    // The progress lines' API column fits the longest name (grpc-blazebinary@baseline too).
    int apiColumnWidth = 17;
    for (String api : plan.apis()) {
      apiColumnWidth = Math.max(apiColumnWidth, api.length());
    }
    for (int i = from; i < to; i++) {
      if (stop.requested()) {
        return true;
      }
      PlannedRun run = runs.get(i);
      console.printf(
          Locale.US,
          "blazebench compare: %-13s %-10s %-" + apiColumnWidth + "s ",
          run.round() == 0
              ? (plan.serverForks() == 1 ? "[warm-up]" : "[warm-up " + run.fork() + "]")
              : "[round " + run.round() + "/" + plan.rounds() + "]",
          run.scenario(),
          run.api());
      console.flush();
      long runStart = System.nanoTime();
      try {
        ServerProcess runServer =
            baseline != null && InterleavedRuns.isBaseline(run.api()) ? baseline : server;
        LoadStep.Result result = runWithConnectRetries(step, run, runServer);
        if (result.interrupted()) {
          console.println("stopped");
          return true;
        }
        estimate.observed(run, (System.nanoTime() - runStart) / 1e9);
        if (run.round() > 0) {
          completed.add(result.run());
          failedCalls += result.failedCalls();
        }
        console.println(
            RunLine.describe(result.run(), result.failedCalls())
                + (run.round() == 0 ? "  (unmeasured)" : "")
                + "  ("
                + TimeText.formatSeconds(estimate.secondsLeft(runs, i + 1))
                + " left)");
      } catch (InterruptedException e) {
        console.println("stopped");
        return true;
      } catch (Exception e) {
        if (stop.requested()) {
          console.println("stopped");
          return true;
        }
        console.println("FAILED: " + e.getMessage());
        if (run.round() > 0) {
          runFailures.add(run + ": " + e.getMessage());
        }
        for (ServerProcess started : new ServerProcess[] {server, baseline}) {
          if (started != null && !started.isAlive()) {
            String how = started.exitDescription();
            runFailures.add(
                "the server exited (" + how + ") during " + run + "; see " + started.log());
            say("the server exited (%s); see %s", how, started.log());
            return false;
          }
        }
      }
      boolean roundDone = i + 1 == runs.size() || runs.get(i + 1).round() != run.round();
      if (roundDone && run.round() > 0 && i + 1 < runs.size()) {
        // After every round, so a run killed outright still leaves the rounds it completed.
        RunResultsWriter.writeToFolder(
            assemble(machine, placement, clock.instant(), clock.instant(), true, null),
            plan.outDir());
      }
    }
    return false;
  }

  /**
   * Runs {@code run}, trying again up to twice when the driver could not connect within its 3 s
   * although the server is up: the first connection of each client type loads and JIT-compiles its
   * stack in this JVM, which on a loaded single driver CPU can take longer than that.
   */
  private static LoadStep.Result runWithConnectRetries(
      LoadStep step, PlannedRun run, ServerProcess server) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return step.run(run);
      } catch (TargetUnreachableException e) {
        if (attempt >= 3 || (server != null && !server.isAlive())) {
          throw e;
        }
      }
    }
  }

  /** Runs the codec benchmarks; null if they ran, else what went wrong. */
  private String runCodec(StopSignal stop) throws IOException {
    Path codecDir = plan.outDir().resolve("codec");
    say(
        "codec benchmarks: %d JMH benchmarks, quick profile (about %s); log %s",
        plan.codecBenchmarks(),
        TimeText.formatSeconds(new TimeEstimate(plan).codecSeconds()),
        codecDir.resolve("console.log"));
    int[] seen = {0};
    int exit =
        CodecStep.run(
            codecDir,
            plan.codecInclude(),
            name -> {
              seen[0]++;
              double left =
                  TimeEstimate.CODEC_SECONDS_PER_BENCHMARK
                      * Math.max(0, plan.codecBenchmarks() - seen[0] + 1);
              say(
                  "codec %d/%d %s  (%s left)",
                  seen[0],
                  plan.codecBenchmarks(),
                  name.replace("dev.blazebench.codec.", ""),
                  TimeText.formatSeconds(left));
            });
    if (exit == ExitCodes.OK) {
      return null;
    }
    if (stop.requested()) {
      return "stopped";
    }
    String problem =
        "the codec benchmarks failed (blazebench codec exit "
            + exit
            + "); see "
            + codecDir.resolve("console.log");
    say("%s", problem);
    return problem;
  }

  /** results.json from what has been measured so far. */
  RunResults assemble(
      MachineInfo machine,
      CpuPlacement placement,
      Instant startedAt,
      Instant finishedAt,
      boolean partial,
      String codecProblem) {
    List<ApiScenarioResult> results = ResultsAssembly.results(plan, completed, plan.outDir());
    RunWarnings warnings = new RunWarnings();
    if (plan.external() != null) {
      warnings.add("servers-external", placement.note() + ": " + plan.external().describe());
    } else {
      warnings.placement(placement);
    }
    if (plan.serverForks() > 1) {
      List<String> blocks = new ArrayList<>();
      for (int fork = 1; fork <= plan.serverForks(); fork++) {
        int first = -1;
        int last = -1;
        for (int round = 1; round <= plan.rounds(); round++) {
          if (plan.forkOf(round) == fork) {
            first = first < 0 ? round : first;
            last = round;
          }
        }
        blocks.add("rounds " + first + "-" + last);
      }
      warnings.add(
          "server-forks",
          "the server"
              + (plan.baselineJar() != null ? "s were" : " was")
              + " started afresh "
              + plan.serverForks()
              + " times, each with its own warm-up round: "
              + String.join(", ", blocks)
              + " (--server-forks)");
    }
    if (plan.baselineJar() != null) {
      warnings.add(
          "baseline-build",
          "two builds in one run: the APIs named API"
              + InterleavedRuns.BASELINE_SUFFIX
              + " ran on the reference server of "
              + plan.baselineJar()
              + ", the others on this build's, back to back in every round (the order"
              + " alternating; with --server-forks, which server starts first alternates too);"
              + " the load driver is this build's for both. Gate them with"
              + " blazebench gate --interleaved "
              + plan.outDir());
    }
    if (machine.loadAverage() >= 0) {
      warnings.machineLoad(machine.loadAverage(), machine.load().cores());
    }
    warnings.runs(completed);
    warnings.results(results);
    for (String failure : runFailures) {
      warnings.add("run-failed", failure);
    }
    if (codecProblem != null && !codecProblem.equals("stopped")) {
      warnings.add("codec-failed", codecProblem);
    }
    if (partial) {
      warnings.add(
          "partial",
          "the compare was stopped before its end: "
              + completed.size()
              + " of "
              + plan.runs().size()
              + " runs completed; the results hold those");
    }
    CodecResults codec =
        plan.codec() && codecProblem == null
            ? CodecFiles.read(plan.outDir().resolve("codec"), "quick")
            : null;
    List<RunWarning> list = warnings.list();
    return RunResults.of(
        machine
            .environment(
                startedAt,
                finishedAt,
                new Placement(
                    placement.pinned(),
                    placement.serverCpus(),
                    placement.driverCpus(),
                    placement.note()))
            .withLink(linkUsed),
        ResultsAssembly.settings(plan),
        list,
        results,
        codec);
  }

  private String describePlan() {
    return String.format(
        Locale.US,
        "%s profile, %d round%s, each run %s warm-up + %s measured%s",
        plan.profile(),
        plan.rounds(),
        plan.rounds() == 1 ? "" : "s",
        TimeText.format(plan.warmup()),
        TimeText.format(plan.duration()),
        (plan.link() == null
                ? ""
                : " (at least "
                    + LoadStep.MIN_CALLS_OVER_LINK
                    + " calls) over a shaped "
                    + plan.link()
                    + " link")
            + (plan.delay() == null ? "" : ", " + plan.delayMillis() + " ms added each way"));
  }

  private String describeRound() {
    List<String> parts = new ArrayList<>();
    plan.apisByScenario()
        .forEach((scenario, apis) -> parts.add(scenario + " x " + String.join(" ", apis)));
    return String.join("; ", parts);
  }

  private void say(String format, Object... args) {
    console.println("blazebench compare: " + String.format(Locale.US, format, args));
    console.flush();
  }

  /** The run folder must be new or empty: a compare never mixes its files with another's. */
  static void prepareOutDir(Path outDir) throws IOException {
    if (Files.isDirectory(outDir)) {
      try (Stream<Path> entries = Files.list(outDir)) {
        if (entries.findAny().isPresent()) {
          throw new BadInputException(
              "--out " + outDir + ": the folder exists and is not empty; give a new one");
        }
      }
    } else if (Files.exists(outDir)) {
      throw new BadInputException("--out " + outDir + ": exists and is not a folder");
    }
    Files.createDirectories(outDir);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // A temporary store left behind is the OS's to clean; the results are what matter.
    }
  }

  /**
   * How the servers start: the command prefix (into the link's namespace, then onto the server's
   * CPU) and the address they listen on.
   */
  private record ServerStart(List<String> prefix, String host) {

    static ServerStart of(CpuPlacement placement, ShapedLink link) {
      if (link == null) {
        return new ServerStart(placement.serverCommandPrefix(), ServerProcess.LOOPBACK);
      }
      List<String> prefix = new ArrayList<>(link.serverCommandPrefix());
      prefix.addAll(placement.serverCommandPrefix());
      return new ServerStart(List.copyOf(prefix), link.serverAddress());
    }
  }
}
