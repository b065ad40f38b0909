package dev.blazebench.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidTextTest {

  @Test
  void readsTheCanonicalFormInEitherCase() {
    UUID id = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
    assertThat(UuidText.parseOrNull("550e8400-e29b-41d4-a716-446655440000")).isEqualTo(id);
    assertThat(UuidText.parseOrNull("550E8400-E29B-41D4-A716-446655440000")).isEqualTo(id);
    assertThat(UuidText.parseOrNull("ffffffff-ffff-ffff-ffff-ffffffffffff"))
        .isEqualTo(new UUID(-1, -1));
  }

  @Test
  void refusesWhatSwiftRefuses() {
    assertThat(UuidText.parseOrNull("1-1-1-1-1")).isNull(); // UUID.fromString accepts this
    assertThat(UuidText.parseOrNull("550e8400e29b41d4a716446655440000")).isNull();
    assertThat(UuidText.parseOrNull("550e8400-e29b-41d4-a716-44665544000g")).isNull();
    assertThat(UuidText.parseOrNull("550e8400-e29b-41d4-a716_446655440000")).isNull();
    assertThat(UuidText.parseOrNull("550e8400-e29b-41d4-a716-４46655440000")).isNull();
    assertThat(UuidText.parseOrNull("")).isNull();
  }
}
