package dev.blazebench.load.testing;

import dev.blazebench.load.engine.Driver;
import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.record.HeapGauge;
import dev.blazebench.load.record.IntervalSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Drivers on virtual time, for tests. */
public final class Drivers {

  /** The wall-clock instant tests' runs start at. */
  public static final Instant WALL_START = Instant.parse("2025-06-01T12:00:00Z");

  private Drivers() {}

  /** A driver on {@code clock}, using no CPU, writing no logs. */
  public static Driver onManualClock(DriverConfig config, Scenario scenario, ManualClock clock) {
    return onManualClock(config, scenario, clock, epochMillis -> IntervalSink.NONE);
  }

  public static Driver onManualClock(
      DriverConfig config, Scenario scenario, ManualClock clock, Driver.SinkFactory sinks) {
    return new Driver(
        config,
        scenario,
        clock,
        clock,
        Clock.fixed(WALL_START, ZoneOffset.UTC),
        () -> 0L,
        2,
        HeapGauge.NONE,
        sinks);
  }
}
