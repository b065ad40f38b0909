package dev.blazebench.load.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.OpOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The exactly-once, in-order checks of one subscriber's deliveries. */
class DeliveryTrackerTest {

  private final WriteMarker marker = new WriteMarker("t1");
  private final List<String> duplicates = new ArrayList<>();
  private final DeliveryTracker tracker = new DeliveryTracker(0, marker, duplicates::add);
  private long sequence = 100;

  private void receive(long... writes) {
    List<ObservedChange> changes = new ArrayList<>();
    for (long write : writes) {
      changes.add(
          new ObservedChange(
              ++sequence, ObservedChange.Kind.INSERT, UUID.randomUUID(), marker.title(write)));
    }
    tracker.onChanges(changes, 100L * writes.length);
  }

  @Test
  void everyWriteArrivingOnceInOrderIsDelivered() {
    CompletableFuture<OpOutcome> first = tracker.expect(0, 1_000);
    tracker.acknowledged(0, 2_000);
    CompletableFuture<OpOutcome> second = tracker.expect(1, 3_000);
    receive(0);
    tracker.acknowledged(1, 4_000);
    receive(1);

    assertThat(first.join().isOk()).isTrue();
    assertThat(first.join().payloadBytesReceived()).isEqualTo(100);
    assertThat(second.join().isOk()).isTrue();
    assertThat(tracker.pendingCount()).isZero();
    assertThat(duplicates).isEmpty();
  }

  @Test
  void aWriteSkippedByALaterOneIsMissing() {
    CompletableFuture<OpOutcome> w0 = tracker.expect(0, 1_000);
    tracker.acknowledged(0, 2_000);
    CompletableFuture<OpOutcome> w1 = tracker.expect(1, 3_000); // sent after w0's ack
    tracker.acknowledged(1, 4_000);
    CompletableFuture<OpOutcome> w2 = tracker.expect(2, 5_000);
    receive(1); // w0 never came: it committed before w1 was even sent

    OpOutcome missing = w0.join();
    assertThat(missing.errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(missing.detail())
        .isEqualTo(
            "subscriber 0 missed write 0: write 1, sent after it was acknowledged, arrived first");
    assertThat(w1.join().isOk()).isTrue();
    assertThat(w2).isNotDone();

    receive(0); // arriving late changes nothing: it was already counted as missing
    assertThat(duplicates).isEmpty();
  }

  @Test
  void writesInFlightTogetherMayArriveInEitherOrder() {
    CompletableFuture<OpOutcome> w0 = tracker.expect(0, 1_000);
    CompletableFuture<OpOutcome> w1 = tracker.expect(1, 1_500); // sent before w0's ack
    tracker.acknowledged(0, 2_000);
    tracker.acknowledged(1, 2_500);
    receive(1, 0);

    assertThat(w0.join().isOk()).isTrue();
    assertThat(w1.join().isOk()).isTrue();
  }

  @Test
  void aChangeReceivedTwiceIsADuplicate() {
    CompletableFuture<OpOutcome> w0 = tracker.expect(0, 1_000);
    receive(0);
    receive(0);

    assertThat(w0.join().isOk()).isTrue();
    assertThat(duplicates)
        .containsExactly("subscriber 0: change 102 (INSERT) of write 0 arrived twice");
  }

  @Test
  void aSequenceThatGoesBackIsReportedEvenForOtherWritersChanges() {
    tracker.onChanges(
        List.of(
            new ObservedChange(5, ObservedChange.Kind.UPDATE, UUID.randomUUID(), "someone"),
            new ObservedChange(5, ObservedChange.Kind.UPDATE, UUID.randomUUID(), "someone")),
        10);

    assertThat(duplicates).hasSize(1);
    assertThat(duplicates.get(0)).contains("change 5 (UPDATE) arrived after sequence 5");
  }

  @Test
  void aFailedWriteOrAnEndedSubscriptionFailsWhatIsOwed() {
    CompletableFuture<OpOutcome> w0 = tracker.expect(0, 1_000);
    tracker.writeFailed(0, OpOutcome.failed(ErrorClass.CONNECT, "write 0 failed"));
    assertThat(w0.join().errorClass()).isEqualTo(ErrorClass.CONNECT);

    CompletableFuture<OpOutcome> w1 = tracker.expect(1, 2_000);
    tracker.ended(OpOutcome.status(8, "too slow"));
    CompletableFuture<OpOutcome> w2 = tracker.expect(2, 3_000);

    assertThat(w1.join().statusCode()).isEqualTo(8);
    assertThat(w2.join().statusCode()).isEqualTo(8);
    assertThat(tracker.pendingCount()).isZero();
  }

  @Test
  void markersOfAnotherRunAreNotTheseWrites() {
    assertThat(marker.indexOf(marker.title(42))).isEqualTo(42);
    assertThat(marker.indexOf("rt t1p #3")).isEqualTo(-1);
    assertThat(marker.indexOf("rt t2 #3")).isEqualTo(-1);
    assertThat(marker.indexOf("rt t1 #x")).isEqualTo(-1);
    assertThat(marker.indexOf(null)).isEqualTo(-1);
  }
}
