package dev.blazebench.load.engine;

import dev.blazebench.load.record.OperationRecorder;
import dev.blazebench.load.time.NanoClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recorders of one run (per operation, for the warm-up and the measured part) and the calls
 * still on the wire. Settling a call, on whatever thread its answer arrives, happens here.
 */
final class RunRecorders {

  private static final int FIRST_ERRORS_KEPT = 10;

  private final Scenario scenario;
  private final NanoClock clock;
  private final Map<String, OperationRecorder> measured = new LinkedHashMap<>();
  private final Map<String, OperationRecorder> warmup = new LinkedHashMap<>();
  private final Set<PendingCall> pending = ConcurrentHashMap.newKeySet();
  private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

  RunRecorders(Scenario scenario, NanoClock clock) {
    this.scenario = scenario;
    this.clock = clock;
    List<String> names = scenario.operationNames();
    if (names.isEmpty()) {
      throw new IllegalArgumentException("scenario '" + scenario.name() + "' has no operations");
    }
    for (String name : names) {
      if (measured.put(name, new OperationRecorder(name)) != null) {
        throw new IllegalArgumentException(
            "scenario '" + scenario.name() + "' names operation '" + name + "' twice");
      }
      warmup.put(name, new OperationRecorder(name));
    }
  }

  OperationRecorder recorder(String operationName, boolean isWarmup) {
    OperationRecorder recorder = (isWarmup ? warmup : measured).get(operationName);
    if (recorder == null) {
      throw new IllegalArgumentException(
          "scenario '"
              + scenario.name()
              + "' called operation '"
              + operationName
              + "', which is not among its operationNames "
              + measured.keySet());
    }
    return recorder;
  }

  /** The recorder of the scenario's first operation (failures outside any call go there). */
  OperationRecorder first(boolean isWarmup) {
    return (isWarmup ? warmup : measured).values().iterator().next();
  }

  Map<String, OperationRecorder> measured() {
    return measured;
  }

  Map<String, OperationRecorder> warmup() {
    return warmup;
  }

  void track(PendingCall call) {
    pending.add(call);
  }

  /** Settles {@code call} with {@code outcome} unless the end of the run already did. */
  void settle(PendingCall call, OpOutcome outcome) {
    if (!call.claim()) {
      return; // answered after the run settled it as unfinished: already counted
    }
    long now = clock.nanoTime();
    pending.remove(call);
    long correctedNanos = now - call.intendedNanos;
    long uncorrectedNanos = now - call.sendNanos;
    OpOutcome recorded = outcome;
    if (outcome.isOk() && uncorrectedNanos > call.deadlineNanos) {
      String detail =
          "answered after " + uncorrectedNanos / 1_000_000 + " ms, past the call deadline";
      call.recorder.recordLateSuccess(correctedNanos, detail);
      recorded = OpOutcome.failed(ErrorClass.DEADLINE, detail);
    } else if (outcome.isOk()) {
      call.recorder.recordSuccess(correctedNanos, uncorrectedNanos, outcome);
    } else {
      call.recorder.recordFailure(correctedNanos, outcome);
    }
    if (!recorded.isOk()) {
      noteError(call.recorder, recorded);
    }
    call.result.complete(recorded);
  }

  /** Settles every call still on the wire as a DEADLINE failure; returns how many there were. */
  int settleUnfinished() {
    int count = 0;
    long now = clock.nanoTime();
    for (PendingCall call : List.copyOf(pending)) {
      if (call.claim()) {
        pending.remove(call);
        call.recorder.recordUnfinishedAtEnd(now - call.intendedNanos);
        count++;
        call.result.complete(OpOutcome.failed(ErrorClass.DEADLINE, "no answer when the run ended"));
      }
    }
    return count;
  }

  void noteError(OperationRecorder recorder, OpOutcome outcome) {
    if (firstErrors.size() < FIRST_ERRORS_KEPT) {
      String code = outcome.errorClass() == ErrorClass.STATUS ? " " + outcome.statusCode() : "";
      String phase = warmup.get(recorder.operationName()) == recorder ? " (warm-up)" : "";
      firstErrors.add(
          recorder.operationName()
              + phase
              + ": "
              + outcome.errorClass()
              + code
              + ": "
              + outcome.detail());
    }
  }

  List<String> firstErrors() {
    synchronized (firstErrors) {
      return List.copyOf(firstErrors.subList(0, Math.min(firstErrors.size(), FIRST_ERRORS_KEPT)));
    }
  }
}
