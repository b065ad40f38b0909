package dev.blazebench.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkLinkTest {

  @Test
  void readsRatesInTcsDecimalUnits() {
    assertThat(NetworkLink.parseRateBitsPerSecond("10mbit")).isEqualTo(10_000_000L);
    assertThat(NetworkLink.parseRateBitsPerSecond("512kbit")).isEqualTo(512_000L);
    assertThat(NetworkLink.parseRateBitsPerSecond("1gbit")).isEqualTo(1_000_000_000L);
    assertThat(NetworkLink.parseRateBitsPerSecond("2.5Mbit")).isEqualTo(2_500_000L);
  }

  @Test
  void refusesAnythingElseSayingWhatIsAccepted() {
    for (String text : new String[] {"10", "10mbps", "10 Mbps", "mbit", "-1mbit", "10mbit/s", ""}) {
      assertThatThrownBy(() -> NetworkLink.parseRateBitsPerSecond(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + text + "' is not a link rate")
          .hasMessageContaining("<number>mbit");
    }
  }

  @Test
  void describesARateADelayOrBoth() {
    assertThat(new NetworkLink("10mbit", 10_000_000L, "tbf").describe())
        .isEqualTo("shaped to 10mbit");
    assertThat(new NetworkLink(null, 0, 20, "relay").describe()).isEqualTo("20 ms added each way");
    assertThat(new NetworkLink("10mbit", 10_000_000L, 20, "tbf and relay").describe())
        .isEqualTo("shaped to 10mbit, 20 ms added each way");
    assertThat(new NetworkLink(null, 0, 20, "relay").shaped()).isFalse();
  }

  @Test
  void refusesALinkWithNeitherRateNorDelayOrWithInconsistentFields() {
    assertThatThrownBy(() -> new NetworkLink(null, 0, 0, "nothing"))
        .hasMessageContaining("has neither");
    assertThatThrownBy(() -> new NetworkLink(null, 10_000_000L, 5, "rate without its name"))
        .hasMessageContaining("0 without one, was 10000000");
    assertThatThrownBy(() -> new NetworkLink("10mbit", 0, 5, "name without rate"))
        .hasMessageContaining("must be positive with a rate");
    assertThatThrownBy(() -> new NetworkLink("10mbit", 10_000_000L, -1, "negative"))
        .hasMessageContaining("oneWayDelayMillis must not be negative, was -1");
  }

  @Test
  void refusesRatesTcCannotShapeTo() {
    assertThatThrownBy(() -> NetworkLink.parseRateBitsPerSecond("0kbit"))
        .hasMessageContaining("between 1kbit and 100gbit");
    assertThatThrownBy(() -> NetworkLink.parseRateBitsPerSecond("0.0001kbit"))
        .hasMessageContaining("between 1kbit and 100gbit");
  }
}
