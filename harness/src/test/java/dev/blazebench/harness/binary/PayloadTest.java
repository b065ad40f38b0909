package dev.blazebench.harness.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayloadTest {

  @Test
  void flagsChooseThePayload() {
    assertThat(Payload.fromFlags(false, false, null)).isEqualTo(Payload.RECORD);
    assertThat(Payload.fromFlags(true, false, null)).isEqualTo(Payload.OPERATION);
    assertThat(Payload.fromFlags(false, true, null)).isEqualTo(Payload.RECORD_SEQUENCE);
    assertThat(Payload.fromFlags(false, true, "records")).isEqualTo(Payload.RECORD_SEQUENCE);
    assertThat(Payload.fromFlags(false, true, "operations")).isEqualTo(Payload.OPERATION_SEQUENCE);
  }

  @Test
  void contradictoryFlagsAreNamed() {
    assertThatThrownBy(() -> Payload.fromFlags(true, true, null))
        .hasMessageStartingWith("--operation and --sequence exclude each other");
    assertThatThrownBy(() -> Payload.fromFlags(false, false, "operations"))
        .hasMessage("--of applies only with --sequence");
    assertThatThrownBy(() -> Payload.fromFlags(false, true, "ops"))
        .hasMessage("--of must be 'records' or 'operations', not 'ops'");
  }
}
