package dev.blazebench.load.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void ratesTakeSuffixesAndUnits() {
    assertThat(Rates.parsePerSecond("200/s")).isEqualTo(200.0);
    assertThat(Rates.parsePerSecond("200")).isEqualTo(200.0);
    assertThat(Rates.parsePerSecond("1k/s")).isEqualTo(1000.0);
    assertThat(Rates.parsePerSecond("1.5k/s")).isEqualTo(1500.0);
    assertThat(Rates.parsePerSecond("2M/s")).isEqualTo(2_000_000.0);
    assertThat(Rates.parsePerSecond("600/m")).isEqualTo(10.0);
  }

  @Test
  void malformedRatesSayWhatIsWrong() {
    assertThatThrownBy(() -> Rates.parsePerSecond("fast"))
        .hasMessageContaining("malformed rate 'fast': not a number");
    assertThatThrownBy(() -> Rates.parsePerSecond("10/d"))
        .hasMessageContaining("unknown unit '/d'");
    assertThatThrownBy(() -> Rates.parsePerSecond("0/s")).hasMessageContaining("must be positive");
  }

  @Test
  void durationsNeedAUnit() {
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
    assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Durations.parse("30")).hasMessageContaining("missing unit");
    assertThatThrownBy(() -> Durations.parse("3 days")).hasMessageContaining("unknown unit");
    assertThatThrownBy(() -> Durations.parse("s")).hasMessageContaining("not a number");
  }

  @Test
  void formattingIsLocaleIndependentAndExact() {
    assertThat(Rates.format(200)).isEqualTo("200/s");
    assertThat(Rates.format(12.5)).isEqualTo("12.5/s");
    assertThat(Durations.format(30_000_000_000L)).isEqualTo("30s");
    assertThat(Durations.format(120_000_000_000L)).isEqualTo("2m");
    assertThat(Durations.format(500_000_000L)).isEqualTo("500ms");
    assertThat(Durations.format(2_500_000_000L)).isEqualTo("2.5s");
  }
}
