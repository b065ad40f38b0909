package dev.blazebench.load.run;

import dev.blazebench.load.api.TargetUnreachableException;
import dev.blazebench.load.engine.Driver;
import dev.blazebench.load.engine.RunRecording;
import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.record.HlogFiles;
import dev.blazebench.load.results.ConsoleSummary;
import dev.blazebench.load.results.Environment;
import dev.blazebench.load.results.LoadResults;
import dev.blazebench.load.results.OperationResult;
import dev.blazebench.load.results.RealtimeSetup;
import dev.blazebench.load.results.ResultsAssembler;
import dev.blazebench.load.results.ResultsJson;
import dev.blazebench.load.results.RunContext;
import dev.blazebench.load.results.ScenarioResult;
import dev.blazebench.load.scenario.Realtime;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code blazebench load}, end to end: connect (failing within seconds if the target is not there),
 * prepare the scenario, wait for {@code --start-at}, run the driver, write {@code results.json} and
 * the interval logs into the run folder, print the summary.
 */
public final class LoadRun {

  /** How long connecting may take before the target counts as unreachable. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** How far in the past {@code --start-at} may be (clock skew between drivers' machines). */
  private static final Duration START_AT_TOLERANCE = Duration.ofSeconds(1);

  private LoadRun() {}

  /**
   * What a run came to.
   *
   * @param results what was written to results.json
   * @param failedCalls failures of every class in the measured part (non-zero: the command fails)
   * @param interrupted the run was cut short
   */
  public record Outcome(LoadResults results, long failedCalls, boolean interrupted) {}

  /**
   * Runs {@code options}; progress goes to {@code progress}, the summary to {@code out}.
   *
   * @throws TargetUnreachableException if the target does not accept connections
   * @throws IllegalStateException if the scenario cannot be prepared
   */
  public static Outcome execute(LoadRunOptions options, PrintWriter progress, PrintWriter out)
      throws Exception {
    if (options.startAt() != null
        && options.startAt().isBefore(Instant.now().minus(START_AT_TOLERANCE))) {
      throw new IllegalArgumentException(
          "--start-at " + options.startAt() + " is in the past (now " + Instant.now() + ")");
    }
    Files.createDirectories(options.outDir());
    try (Catalogue.Opened opened = Catalogue.open(options)) {
      progress.printf(
          "blazebench load: connecting to %s (%s, %d connections)%n",
          options.target().text(), options.api(), options.connections());
      opened.awaitReady(CONNECT_TIMEOUT.toMillis());
      Scenario scenario = opened.scenario();
      progress.printf("blazebench load: preparing %s%n", scenario.name());
      try {
        scenario.prepare(
            options.driver().callDeadline(),
            line -> {
              progress.println("blazebench load:   " + line);
              progress.flush();
            });
      } catch (Exception e) {
        throw new IllegalStateException(
            "preparing scenario " + scenario.name() + " failed: " + e.getMessage(), e);
      }
      Driver driver =
          Driver.create(
              options.driver(),
              scenario,
              epochMillis ->
                  new HlogFiles(
                      options.outDir(),
                      scenario.api(),
                      scenario.name(),
                      scenario.operationNames(),
                      epochMillis));
      long startNanos = System.nanoTime();
      if (options.startAt() != null) {
        long waitNanos = Duration.between(Instant.now(), options.startAt()).toNanos();
        startNanos += Math.max(0, waitNanos);
        progress.printf("blazebench load: starting at %s%n", options.startAt());
      }
      progress.printf(
          "blazebench load: %s; results in %s%n",
          options.driver().profile().describe(), options.outDir());
      RunRecording recording = driver.run(startNanos);
      LoadResults results =
          ResultsAssembler.fromRecording(
              recording,
              new RunContext(
                  options.target().text(),
                  options.connections(),
                  options.startAt() == null ? null : options.startAt().toString(),
                  realtimeSetup(opened.realtime())),
              Environment.detect(
                  Path.of(""), Instant.ofEpochMilli(recording.measuredStartEpochMillis())));
      ResultsJson.write(results, options.outDir().resolve(ResultsJson.FILE_NAME));
      out.print(ConsoleSummary.render(results));
      if (!recording.firstErrors().isEmpty()) {
        out.println("first errors:");
        recording.firstErrors().forEach(e -> out.println("  " + e));
      }
      out.flush();
      long failed = 0;
      for (ScenarioResult s : results.results()) {
        for (OperationResult op : s.operations()) {
          failed += op.errorCount();
        }
      }
      return new Outcome(results, failed, recording.interrupted());
    }
  }

  private static RealtimeSetup realtimeSetup(Realtime realtime) {
    if (realtime == null) {
      return null;
    }
    Duration interval = realtime.pollInterval();
    return new RealtimeSetup(
        realtime.subscriberCount(),
        realtime.writerApi(),
        interval.isZero() ? null : interval.toNanos() / 1e9);
  }
}
