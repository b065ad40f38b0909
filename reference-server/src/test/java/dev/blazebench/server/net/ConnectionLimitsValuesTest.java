package dev.blazebench.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionLimitsValuesTest {

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    ConnectionLimits limits = ConnectionLimits.defaults();

    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(limits.maxConnections()).isEqualTo(10_000);
    assertThat(limits.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.withHeaderTimeout(Duration.ZERO).headerTimeout()).isZero();
  }

  @Test
  void timeoutsOutsideWhatNettyTakesAreRefusedByName() {
    ConnectionLimits limits = ConnectionLimits.defaults();

    assertThatThrownBy(() -> limits.withHeaderTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("headerTimeout must not be negative, was PT-1S");
    assertThatThrownBy(() -> limits.withHeaderTimeout(Duration.ofNanos(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("headerTimeout must be 0 (none) or at least 1 ms, was PT0.00000001S");
    assertThatThrownBy(() -> limits.withIdleTimeout(Duration.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idleTimeout must be at most 2147483647 ms, was PT720H");
    assertThatThrownBy(() -> limits.withHeaderTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("headerTimeout");
  }
}
