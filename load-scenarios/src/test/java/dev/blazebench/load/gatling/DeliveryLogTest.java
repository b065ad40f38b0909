package dev.blazebench.load.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLogTest {

  private static final long FROM = 1_000_000_000L;
  private static final long UNTIL = FROM + 3_600_000_000L; // one hour measured

  @Test
  void recordsChangesCommittedInTheMeasuredPartAndCountsTheWarmUp() {
    DeliveryLog log = new DeliveryLog(FROM, UNTIL);
    ChangeBatch batch =
        new ChangeBatch(new long[] {1, 2, 3}, new long[] {FROM - 10, FROM, FROM + 500}, 3);

    log.record("websocket", batch, FROM + 2_000, 1_000);

    String summary = log.summary();
    // Two changes measured (2.0 ms and 1.5 ms late), one warm-up; 1,000 bytes in one hour.
    assertThat(summary)
        .containsPattern("websocket +2 +1\\.500 +2\\.000 .* +1 +1000 +0\\n")
        .contains("websocket: 1 warm-up changes excluded");
  }

  @Test
  void aReceiptStampBelowTheCommitCountsAsZero() {
    DeliveryLog log = new DeliveryLog(FROM, UNTIL);

    log.record("websocket", new ChangeBatch(new long[] {1}, new long[] {FROM + 900}, 1), FROM, 10);

    assertThat(log.summary()).containsPattern("websocket +1 +0\\.000 +0\\.000");
  }

  @Test
  void countsOutOfOrderChangesPerPath() {
    DeliveryLog log = new DeliveryLog(FROM, UNTIL);

    log.outOfOrder("poll 1s");
    log.outOfOrder("poll 1s");

    assertThat(log.outOfOrderTotal()).isEqualTo(2);
    assertThat(log.summary()).containsPattern("poll 1s .* 2\\n");
  }
}
