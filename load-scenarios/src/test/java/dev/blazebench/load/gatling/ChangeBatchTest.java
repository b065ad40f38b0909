package dev.blazebench.load.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChangeBatchTest {

  @Test
  void readsTheSequencesAndCommitTimesOfAWebSocketMessage() {
    ChangeBatch batch =
        ChangeBatch.parse(
            "{\"changes\":[{\"sequence\":3,\"commitTime\":\"2026-11-27T17:39:27.724149Z\","
                + "\"commitTimeMicros\":1795801167724149,\"type\":\"update\",\"id\":\"x\","
                + "\"changes\":{}},{\"sequence\":4,\"commitTimeMicros\":1795801167870566,"
                + "\"type\":\"delete\",\"id\":\"x\",\"changes\":{}}],\"lastSequence\":4}");

    assertThat(batch.sequences()).containsExactly(3, 4);
    assertThat(batch.commitTimesMicros()).containsExactly(1795801167724149L, 1795801167870566L);
    assertThat(batch.lastSequence()).isEqualTo(4);
  }

  @Test
  void readsAnEmptyPollingAnswer() {
    ChangeBatch batch = ChangeBatch.parse("{\"changes\":[],\"lastSequence\":7,\"hasMore\":false}");

    assertThat(batch.size()).isZero();
    assertThat(batch.lastSequence()).isEqualTo(7);
  }

  @Test
  void namesWhatIsMissing() {
    assertThatThrownBy(() -> ChangeBatch.parse("{\"error\":\"FAILED_PRECONDITION\"}"))
        .hasMessageContaining("expected {\"changes\": [...], \"lastSequence\": N}");
    assertThatThrownBy(
            () -> ChangeBatch.parse("{\"changes\":[{\"sequence\":1}],\"lastSequence\":1}"))
        .hasMessageContaining("changes[0] lacks sequence or commitTimeMicros");
    assertThatThrownBy(() -> ChangeBatch.parse("{\"changes\":")).hasMessageContaining("not JSON");
  }
}
