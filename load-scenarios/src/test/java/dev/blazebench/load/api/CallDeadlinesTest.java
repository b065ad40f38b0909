package dev.blazebench.load.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallDeadlinesTest {

  @Test
  void anUnansweredCallFailsWithATimeoutAndIsCancelledOnTheWire() throws Exception {
    try (CallDeadlines deadlines = new CallDeadlines("test")) {
      CountDownLatch cancelled = new CountDownLatch(1);
      CompletableFuture<String> call =
          deadlines.track(new CompletableFuture<>(), Duration.ofMillis(30), cancelled::countDown);

      Throwable failure = null;
      try {
        call.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      assertThat(failure)
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("no answer within the call deadline of PT0.03S");
      assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(deadlines.watched()).isZero();
    }
  }

  @Test
  void anAnsweredCallIsLeftAloneAndACancelledOneIsCancelledOnTheWire() throws Exception {
    try (CallDeadlines deadlines = new CallDeadlines("test")) {
      AtomicInteger wireCancels = new AtomicInteger();
      CompletableFuture<String> answered =
          deadlines.track(
              new CompletableFuture<>(), Duration.ofMillis(50), wireCancels::incrementAndGet);
      answered.complete("ok");
      CompletableFuture<String> abandoned =
          deadlines.track(
              new CompletableFuture<>(), Duration.ofSeconds(60), wireCancels::incrementAndGet);
      abandoned.cancel(false);

      // Well past the first call's deadline: its answer stands, nothing more was cancelled.
      Thread.sleep(200);
      assertThat(answered.get()).isEqualTo("ok");
      assertThat(wireCancels.get()).isEqualTo(1);
      assertThat(deadlines.watched()).isZero();
    }
  }
}
