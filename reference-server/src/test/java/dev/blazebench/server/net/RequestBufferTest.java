package dev.blazebench.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The byte count behind the REST listener's request buffer; the listener is held to it in {@code
 * ConnectionLimitsTest} (real sockets, bodies held and refused).
 */
class RequestBufferTest {

  @Test
  void reservesUpToTheLimitAndRefusesWhatWouldPassIt() {
    RequestBuffer buffer = new RequestBuffer("REST", 100);

    assertThat(buffer.tryReserve(60)).isTrue();
    assertThat(buffer.tryReserve(41)).isFalse();
    assertThat(buffer.tryReserve(40)).isTrue();
    assertThat(buffer.tryReserve(1)).isFalse();
    assertThat(buffer.reserved()).isEqualTo(100);
    assertThat(buffer.refused()).isEqualTo(2);

    buffer.release(60);
    assertThat(buffer.reserved()).isEqualTo(40);
    assertThat(buffer.tryReserve(0)).isTrue();
    assertThat(buffer.tryReserve(60)).isTrue();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new RequestBuffer("REST", 0))
        .hasMessage("limit must be at least 1, was 0");
    assertThatThrownBy(() -> new RequestBuffer("REST", 10).tryReserve(-1))
        .hasMessage("bytes must not be negative, was -1");
  }

  @Test
  void theDefaultHoldsTheDefaultLargestRequest() {
    assertThat(ConnectionLimits.defaultRequestBufferBytes())
        .isGreaterThanOrEqualTo(64L * 1024 * 1024)
        .isGreaterThanOrEqualTo(Runtime.getRuntime().maxMemory() / 16);
  }
}
