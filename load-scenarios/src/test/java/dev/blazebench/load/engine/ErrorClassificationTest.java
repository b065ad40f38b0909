package dev.blazebench.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.record.OperationTotals;
import dev.blazebench.load.testing.Drivers;
import dev.blazebench.load.testing.ManualClock;
import dev.blazebench.load.testing.TestScenario;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ErrorClassificationTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final ManualClock clock = new ManualClock(S);

  /** Iteration i answers after 2 ms with the i-th entry (cycling); successes are in between. */
  private RunRecording runCycling(List<Function<Long, Call>> answers, Duration deadline) {
    TestScenario scenario =
        new TestScenario(
            "op", iteration -> answers.get((int) (iteration.index() % answers.size())).apply(0L));
    DriverConfig config =
        new DriverConfig(
            LoadProfile.constantRate(100, Duration.ofSeconds(1)),
            32,
            deadline,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
    return Drivers.onManualClock(config, scenario, clock).run(clock.nanoTime());
  }

  private Function<Long, Call> after(long nanos, OpOutcome outcome) {
    return ignored ->
        deadline -> {
          CompletableFuture<OpOutcome> answer = new CompletableFuture<>();
          clock.schedule(clock.nanoTime() + nanos, () -> answer.complete(outcome));
          return answer;
        };
  }

  private Function<Long, Call> failingWith(Throwable error) {
    return ignored ->
        deadline -> {
          CompletableFuture<OpOutcome> answer = new CompletableFuture<>();
          clock.schedule(clock.nanoTime() + 2 * MS, () -> answer.completeExceptionally(error));
          return answer;
        };
  }

  @Test
  void everyClassIsCountedAndNoFailureEntersTheSuccessHistogram() {
    RunRecording run =
        runCycling(
            List.of(
                after(2 * MS, OpOutcome.ok(5, 7)),
                after(2 * MS, OpOutcome.status(14, "UNAVAILABLE-like status")),
                after(2 * MS, OpOutcome.status(404, "not found")),
                after(2 * MS, OpOutcome.failed(ErrorClass.DECODE, "truncated record")),
                after(2 * MS, OpOutcome.checked(false, "expected 1000 records, got 999", 5, 7)),
                failingWith(new ConnectException("Connection refused")),
                failingWith(new CompletionException(new TimeoutException("deadline"))),
                failingWith(new IllegalStateException("client bug")),
                failingWith(new IOException("Broken pipe")),
                after(2 * MS, OpOutcome.failed(ErrorClass.CONNECT, "reset"))),
            Duration.ofSeconds(1));

    OperationTotals op = run.operations().get(0);
    assertThat(op.successes()).isEqualTo(10);
    assertThat(op.corrected().getTotalCount()).isEqualTo(10);
    assertThat(op.uncorrected().getTotalCount()).isEqualTo(10);
    assertThat(op.errors().getTotalCount()).isEqualTo(90);
    assertThat(op.errorsByClass())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ErrorClass.CONNECT, 30L,
                ErrorClass.DEADLINE, 10L,
                ErrorClass.STATUS, 20L,
                ErrorClass.DECODE, 10L,
                ErrorClass.VALIDATION, 10L,
                ErrorClass.OTHER, 10L));
    assertThat(op.errorsByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(14, 10L, 404, 10L));
    // Payload bytes are those of successes only.
    assertThat(op.payloadBytesSent()).isEqualTo(50);
    assertThat(run.firstErrors()).hasSize(10).first().asString().startsWith("op: STATUS 14: ");
  }

  @Test
  void anAnswerAfterTheDeadlineIsADeadlineFailureNotASuccess() {
    RunRecording run =
        runCycling(
            List.of(after(2 * MS, OpOutcome.ok(1, 1)), after(80 * MS, OpOutcome.ok(1, 1))),
            Duration.ofMillis(50));

    OperationTotals op = run.operations().get(0);
    assertThat(op.successes()).isEqualTo(50);
    assertThat(op.lateSuccesses()).isEqualTo(50);
    assertThat(op.errorsByClass().get(ErrorClass.DEADLINE)).isEqualTo(50);
    assertThat(op.corrected().getMaxValue()).isLessThan(3_000);
  }

  @Test
  void aCallThatThrowsInsteadOfReturningAStageIsAFailure() {
    TestScenario scenario =
        new TestScenario(
            "op",
            iteration ->
                deadline -> {
                  throw new IllegalArgumentException("cannot encode");
                });
    DriverConfig config =
        DriverConfig.of(
            LoadProfile.constantRate(10, Duration.ofSeconds(1)), 4, Duration.ofSeconds(1));

    RunRecording run = Drivers.onManualClock(config, scenario, clock).run(clock.nanoTime());

    OperationTotals op = run.operations().get(0);
    assertThat(op.successes()).isZero();
    assertThat(op.errorsByClass().get(ErrorClass.OTHER)).isEqualTo(10);
    assertThat(run.firstErrors().get(0)).contains("IllegalArgumentException: cannot encode");
  }

  @Test
  void jdkExceptionsMapToTheirClasses() {
    assertThat(Failures.classify(new ConnectException("refused")).errorClass())
        .isEqualTo(ErrorClass.CONNECT);
    assertThat(Failures.classify(new CompletionException(new TimeoutException())).errorClass())
        .isEqualTo(ErrorClass.DEADLINE);
    assertThat(Failures.classify(new RuntimeException(new ConnectException())).errorClass())
        .isEqualTo(ErrorClass.CONNECT);
    assertThat(Failures.classify(new NullPointerException()).errorClass())
        .isEqualTo(ErrorClass.OTHER);
  }
}
