package dev.blazebench.load.engine;

import dev.blazebench.load.profile.LoadModel;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.profile.Schedule;
import dev.blazebench.load.record.HeapGauge;
import dev.blazebench.load.record.InjectorInterval;
import dev.blazebench.load.record.InjectorMonitor;
import dev.blazebench.load.record.IntervalCount;
import dev.blazebench.load.record.IntervalSink;
import dev.blazebench.load.record.OperationRecorder;
import dev.blazebench.load.record.OperationTotals;
import dev.blazebench.load.record.ProcessCpu;
import dev.blazebench.load.time.NanoClock;
import dev.blazebench.load.time.ParkingWaiter;
import dev.blazebench.load.time.Waiter;
import dev.blazebench.load.wire.WireCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one scenario under one load profile and records it: the load driver's engine.
 *
 * <p>One thread (the caller of {@link #run}) dispatches every iteration at its intended start and
 * never blocks on a call: calls are asynchronous and complete on the transport's threads, where
 * they are recorded. The dispatcher sleeps until the next intended start, the next interval tick or
 * a freed in-flight slot, whichever comes first.
 *
 * <p><b>Open model</b> (wrk2's): iteration n is due at {@link Schedule#intendedStartNanos}(n). If
 * all {@code maxInFlight} slots are taken then, it waits for one and is counted as "delayed by the
 * in-flight cap"; its latency still counts from its intended start, so the wait shows. Operations
 * still waiting when the measured part ends are never sent and are counted as scheduled-not-sent.
 * <b>Closed model</b>: a new iteration starts whenever a slot is free, its intended start being
 * that moment; results say "closed model". There the thread that completes an iteration starts the
 * next one itself, as h2load and wrk do, instead of waking the dispatcher: a hand-off to another
 * thread per call would cost the injector more CPU than the call (the dispatcher still fills slots
 * nobody refilled, and keeps the time).
 *
 * <p>Iterations due in the warm-up are recorded apart. When the measured part ends, dispatch stops;
 * calls on the wire get the drain to finish, and those still unanswered then are DEADLINE failures.
 * The run then ends on time whatever the server does.
 *
 * <pre>{@code
 * Driver driver = Driver.create(config, scenario, sink);
 * RunRecording recording = driver.run(clock.nanoTime());
 * }</pre>
 */
public final class Driver {

  /** Opens the interval logs once the measured part's wall-clock start is known. */
  @FunctionalInterface
  public interface SinkFactory {
    IntervalSink open(long measuredStartEpochMillis) throws IOException;
  }

  private final DriverConfig config;
  private final Scenario scenario;
  private final NanoClock clock;
  private final Waiter waiter;
  private final Clock wallClock;
  private final SinkFactory sinkFactory;
  private final InjectorMonitor monitor;
  private final RunRecorders recorders;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong nextClosedIndex = new AtomicLong();
  private final int slots;
  private final boolean closedModel;

  /** Set on a thread while it dispatches: a call that completes inside must not dispatch again. */
  private static final ThreadLocal<boolean[]> DISPATCHING =
      ThreadLocal.withInitial(() -> new boolean[1]);

  /** Set while the dispatcher waits for a slot or for the drain: completions must wake it. */
  private volatile boolean wakeOnCompletion;

  private volatile boolean ended;

  // Written before the first dispatch, read by completing threads (closed model) after it.
  private volatile long measureStartNanos;
  private volatile long measureEndNanos;

  // Dispatcher-thread state.
  private boolean measuring;
  private long previousTickNanos;
  private long nextTickNanos;
  private IntervalSink sink = IntervalSink.NONE;
  private long measuredStartEpochMillis;
  private WireCounter.Snapshot wireAtStart;
  private final Map<String, List<IntervalCount>> intervals = new LinkedHashMap<>();
  private final List<InjectorInterval> injectorIntervals = new ArrayList<>();

  /**
   * A driver with every dependency given: tests pass a manual clock that is also the waiter.
   *
   * @param cores cores available to this process, for the CPU self-watch
   * @param heap this process's heap, for the self-watch
   */
  public Driver(
      DriverConfig config,
      Scenario scenario,
      NanoClock clock,
      Waiter waiter,
      Clock wallClock,
      ProcessCpu cpu,
      int cores,
      HeapGauge heap,
      SinkFactory sinkFactory) {
    this.config = config;
    this.scenario = scenario;
    this.clock = clock;
    this.waiter = waiter;
    this.wallClock = wallClock;
    this.sinkFactory = sinkFactory;
    this.monitor = new InjectorMonitor(cpu, cores, heap);
    this.recorders = new RunRecorders(scenario, clock);
    LoadProfile profile = config.profile();
    this.closedModel = profile.model() == LoadModel.CLOSED;
    this.slots = closedModel ? profile.closedInFlight() : config.maxInFlight();
    for (String name : scenario.operationNames()) {
      intervals.put(name, new ArrayList<>());
    }
  }

  /** A driver on {@link System#nanoTime()}, the system clock and this JVM's CPU time and heap. */
  public static Driver create(DriverConfig config, Scenario scenario, SinkFactory sinkFactory) {
    NanoClock clock = NanoClock.system();
    return new Driver(
        config,
        scenario,
        clock,
        new ParkingWaiter(clock),
        Clock.systemUTC(),
        ProcessCpu.jvm(),
        Runtime.getRuntime().availableProcessors(),
        HeapGauge.jvm(),
        sinkFactory);
  }

  /**
   * Runs the whole profile, warm-up first, starting at {@code startNanos} on the driver's clock
   * (waiting until then if it is in the future), and returns what was recorded. Interval logs are
   * written as the run goes.
   *
   * @throws UncheckedIOException if an interval log cannot be written
   */
  public RunRecording run(long startNanos) {
    LoadProfile profile = config.profile();
    measureStartNanos = startNanos + profile.warmupNanos();
    measureEndNanos = measureStartNanos + profile.measuredNanos();
    long scheduledNotSent = 0;
    boolean interrupted = false;
    try {
      awaitStart(startNanos);
      if (profile.model() == LoadModel.OPEN) {
        scheduledNotSent = dispatchOpen(startNanos, profile.schedule());
      } else {
        dispatchClosed();
      }
      drain();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      ended = true;
      wakeOnCompletion = false;
    }
    recorders.settleUnfinished();
    RunRecording recording = finish(scheduledNotSent, interrupted);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return recording;
  }

  private void awaitStart(long startNanos) throws InterruptedException {
    while (clock.nanoTime() < startNanos) {
      waiter.awaitUntil(startNanos);
    }
    if (measureStartNanos == startNanos) {
      beginMeasurement(); // no warm-up
    }
  }

  /** Returns the number of operations due in the measured part that were never sent. */
  private long dispatchOpen(long startNanos, Schedule schedule) throws InterruptedException {
    long n = 0;
    long next = due(startNanos, schedule, 0);
    boolean blockedByCap = false;
    while (true) {
      long now = clock.nanoTime();
      handleTimeEvents(now);
      if (now >= measureEndNanos) {
        break;
      }
      if (next >= measureEndNanos) {
        waiter.awaitUntil(nextEventNanos()); // nothing more to send: keep ticking until the end
        continue;
      }
      if (next > now) {
        blockedByCap = false;
        waiter.awaitUntil(Math.min(next, nextEventNanos()));
        continue;
      }
      if (tryAcquireSlot()) {
        // Due while every slot was taken: it waited for the cap, which is not the injector's lag.
        dispatch(n, next, blockedByCap, now);
        n++;
        next = due(startNanos, schedule, n);
        continue;
      }
      blockedByCap = true;
      awaitFreeSlot(nextEventNanos());
    }
    long notSent = 0;
    while (next < measureEndNanos) {
      notSent++;
      n++;
      next = due(startNanos, schedule, n);
    }
    return notSent;
  }

  private void dispatchClosed() throws InterruptedException {
    while (true) {
      long now = clock.nanoTime();
      handleTimeEvents(now);
      if (now >= measureEndNanos) {
        return;
      }
      if (tryAcquireSlot()) {
        dispatch(nextClosedIndex.getAndIncrement(), now, false, now);
      } else {
        awaitFreeSlot(nextEventNanos());
      }
    }
  }

  /** Takes an in-flight slot if one is free. */
  private boolean tryAcquireSlot() {
    while (true) {
      int taken = inFlight.get();
      if (taken >= slots) {
        return false;
      }
      if (inFlight.compareAndSet(taken, taken + 1)) {
        return true;
      }
    }
  }

  /** Waits until a slot frees or {@code untilNanos}. */
  private void awaitFreeSlot(long untilNanos) throws InterruptedException {
    wakeOnCompletion = true;
    // Re-check after publishing the flag: a completion between the caller's check and here would
    // otherwise not wake us.
    if (inFlight.get() >= slots) {
      waiter.awaitUntil(untilNanos);
    }
    wakeOnCompletion = false;
  }

  private void drain() throws InterruptedException {
    long drainEndNanos = Math.max(clock.nanoTime(), measureEndNanos) + config.drain().toNanos();
    wakeOnCompletion = true;
    while (inFlight.get() > 0) {
      long now = clock.nanoTime();
      handleTimeEvents(now);
      if (now >= drainEndNanos) {
        break;
      }
      waiter.awaitUntil(Math.min(nextTickNanos, drainEndNanos));
    }
    wakeOnCompletion = false;
  }

  private static long due(long startNanos, Schedule schedule, long n) {
    long offset = schedule.intendedStartNanos(n);
    return offset == Schedule.END ? Long.MAX_VALUE : startNanos + offset;
  }

  /** Starts iteration {@code index} in a slot the caller has taken. */
  private void dispatch(long index, long intendedNanos, boolean delayedByCap, long nowNanos) {
    boolean[] dispatching = DISPATCHING.get();
    boolean outer = !dispatching[0];
    dispatching[0] = true;
    try {
      startIteration(index, intendedNanos, delayedByCap, nowNanos);
    } finally {
      if (outer) {
        dispatching[0] = false;
      }
    }
  }

  private void startIteration(long index, long intendedNanos, boolean delayedByCap, long nowNanos) {
    boolean warmup = intendedNanos < measureStartNanos;
    if (!warmup && config.profile().model() == LoadModel.OPEN) {
      if (delayedByCap) {
        recorders.first(false).countDelayedByInFlightCap();
      } else {
        monitor.recordDispatchLag(nowNanos - intendedNanos);
      }
    } else if (warmup && delayedByCap) {
      recorders.first(true).countDelayedByInFlightCap();
    }
    IterationRun iteration = new IterationRun(this, index, intendedNanos, warmup);
    CompletionStage<?> done;
    try {
      done = scenario.runIteration(iteration);
    } catch (RuntimeException | Error e) {
      iterationFailed(iteration, e);
      release();
      return;
    }
    if (done == null) {
      iterationFailed(iteration, new IllegalStateException("runIteration returned no stage"));
      release();
      return;
    }
    done.whenComplete(
        (ignored, error) -> {
          if (error != null) {
            iterationFailed(iteration, error);
          }
          release();
        });
  }

  /** A scenario failure outside any call; calls that were made have recorded themselves. */
  private void iterationFailed(IterationRun iteration, Throwable error) {
    if (iteration.madeCalls() || ended) {
      return;
    }
    OpOutcome outcome = scenario.classify(error);
    OperationRecorder recorder = recorders.first(iteration.isWarmup());
    recorder.recordFailure(clock.nanoTime() - iteration.intendedNanos(), outcome);
    recorders.noteError(recorder, outcome);
  }

  private void release() {
    inFlight.decrementAndGet();
    if (closedModel && !ended && !DISPATCHING.get()[0]) {
      // Refill the slot from this thread (see the class comment). Not from inside a dispatch: a
      // call that failed at once would otherwise recurse; the dispatcher refills that slot.
      long now = clock.nanoTime();
      if (now < measureEndNanos && tryAcquireSlot()) {
        dispatch(nextClosedIndex.getAndIncrement(), now, false, now);
        return;
      }
    }
    if (wakeOnCompletion) {
      waiter.wakeUp();
    }
  }

  private long nextEventNanos() {
    return Math.min(measuring ? nextTickNanos : measureStartNanos, measureEndNanos);
  }

  private void handleTimeEvents(long nowNanos) {
    if (!measuring && nowNanos >= measureStartNanos) {
      beginMeasurement();
    }
    while (measuring && nowNanos >= nextTickNanos) {
      closeInterval(nextTickNanos);
    }
  }

  private void beginMeasurement() {
    measuring = true;
    measuredStartEpochMillis = wallClock.millis();
    monitor.start(measureStartNanos);
    wireAtStart = scenario.wireCounter().map(WireCounter::snapshot).orElse(null);
    previousTickNanos = measureStartNanos;
    nextTickNanos = measureStartNanos + config.interval().toNanos();
    try {
      sink = sinkFactory.open(measuredStartEpochMillis);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the interval logs: " + e.getMessage(), e);
    }
  }

  private void closeInterval(long endNanos) {
    double startSec = (previousTickNanos - measureStartNanos) / 1e9;
    double endSec = (endNanos - measureStartNanos) / 1e9;
    for (OperationRecorder recorder : recorders.measured().values()) {
      OperationRecorder.IntervalHistograms histograms = recorder.sampleInterval();
      intervals
          .get(recorder.operationName())
          .add(
              new IntervalCount(
                  startSec,
                  endSec,
                  histograms.corrected().getTotalCount(),
                  histograms.errors().getTotalCount()));
      try {
        sink.write(recorder.operationName(), startSec, endSec, histograms);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the interval log: " + e.getMessage(), e);
      }
    }
    InjectorMonitor.Interval self = monitor.sampleInterval(endNanos);
    injectorIntervals.add(
        new InjectorInterval(
            startSec, endSec, self.cpuFraction(), self.dispatchLag().getMaxValue()));
    previousTickNanos = endNanos;
    nextTickNanos = endNanos + config.interval().toNanos();
  }

  private RunRecording finish(long scheduledNotSent, boolean interrupted) {
    long endNanos = clock.nanoTime();
    if (!measuring) {
      beginMeasurement(); // interrupted during the warm-up: an empty measured part
    }
    if (endNanos > previousTickNanos) {
      closeInterval(endNanos);
    }
    try {
      sink.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the interval logs: " + e.getMessage(), e);
    }
    List<OperationTotals> measured = new ArrayList<>();
    for (OperationRecorder recorder : recorders.measured().values()) {
      measured.add(recorder.totals());
    }
    List<OperationTotals> warmup = new ArrayList<>();
    for (OperationRecorder recorder : recorders.warmup().values()) {
      recorder.sampleInterval();
      warmup.add(recorder.totals());
    }
    WireCounter.Snapshot wire = null;
    Optional<WireCounter> counter = scenario.wireCounter();
    if (counter.isPresent() && wireAtStart != null) {
      wire = counter.get().snapshot().minus(wireAtStart);
    }
    return new RunRecording(
        scenario.api(),
        scenario.name(),
        config,
        measuredStartEpochMillis,
        measureEndNanos - measureStartNanos,
        Math.max(0, endNanos - measureEndNanos),
        measured,
        warmup,
        new LinkedHashMap<>(intervals),
        List.copyOf(injectorIntervals),
        scheduledNotSent,
        monitor.finish(endNanos),
        wire,
        counter.map(WireCounter::method).orElse(null),
        recorders.firstErrors(),
        interrupted);
  }

  // For IterationRun.

  DriverConfig config() {
    return config;
  }

  Scenario scenario() {
    return scenario;
  }

  NanoClock clock() {
    return clock;
  }

  RunRecorders recorders() {
    return recorders;
  }

  boolean hasEnded() {
    return ended;
  }
}
