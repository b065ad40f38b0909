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
  void refusesRatesTcCannotShapeTo() {
    assertThatThrownBy(() -> NetworkLink.parseRateBitsPerSecond("0kbit"))
        .hasMessageContaining("between 1kbit and 100gbit");
    assertThatThrownBy(() -> NetworkLink.parseRateBitsPerSecond("0.0001kbit"))
        .hasMessageContaining("between 1kbit and 100gbit");
  }
}
