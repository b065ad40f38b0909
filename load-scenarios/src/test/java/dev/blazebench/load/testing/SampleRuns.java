package dev.blazebench.load.testing;

import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.engine.RunRecording;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.results.Environment;
import dev.blazebench.load.results.LoadResults;
import dev.blazebench.load.results.ResultsAssembler;
import dev.blazebench.load.results.RunContext;
import java.time.Duration;

/** Deterministic runs on virtual time, for results tests. */
public final class SampleRuns {

  private static final long MS = 1_000_000L;

  /** An environment with every machine-specific field masked. */
  public static final Environment MASKED_ENVIRONMENT =
      new Environment(
          "0000000000000000000000000000000000000000",
          "JVM",
          "OS",
          "arch",
          2,
          "CPU",
          "host",
          Drivers.WALL_START.toString());

  private SampleRuns() {}

  /**
   * 20/s for 2 s after a 1 s warm-up; service time 1 + (i mod 7) ms; every 10th iteration fails
   * with status 14 and every 13th with a validation error.
   */
  public static RunRecording recording() {
    ManualClock clock = new ManualClock(1_000_000_000L);
    TestScenario scenario =
        new TestScenario(
            "query",
            iteration -> {
              long i = iteration.index();
              OpOutcome outcome =
                  i % 10 == 0
                      ? OpOutcome.status(14, "unavailable")
                      : i % 13 == 0
                          ? OpOutcome.checked(false, "expected 1000 records, got 999", 40, 900)
                          : OpOutcome.ok(40, 1000).withRecords(10);
              return new FakeServer(clock, (1 + i % 7) * MS).call(outcome);
            });
    DriverConfig config =
        new DriverConfig(
            LoadProfile.constantRate(20, Duration.ofSeconds(2)).withWarmup(Duration.ofSeconds(1)),
            8,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1));
    return Drivers.onManualClock(config, scenario, clock).run(clock.nanoTime());
  }

  public static LoadResults results() {
    return ResultsAssembler.fromRecording(
        recording(), new RunContext("blaze://127.0.0.1:50051", 4, null), MASKED_ENVIRONMENT);
  }
}
