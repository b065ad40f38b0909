package dev.blazebench.load.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void theSchemeNamesTheApi() {
    assertThat(Target.parse("blaze://127.0.0.1:50051").api()).isEqualTo("grpc-blazebinary");
    assertThat(Target.parse("blaze-native://h:1").api()).isEqualTo("grpc-native");
    assertThat(Target.parse("proto://h:1").api()).isEqualTo("grpc-protobuf");
    assertThat(Target.parse("rest://h:8080").api()).isEqualTo("rest-json");
    assertThat(Target.parse("rest+gzip://h:8080").api()).isEqualTo("rest-json-gzip");
    assertThat(Target.parse("ws://h:8080").api()).isEqualTo("websocket-json");
    Target target = Target.parse("proto://10.0.0.7:9000");
    assertThat(target.host()).isEqualTo("10.0.0.7");
    assertThat(target.port()).isEqualTo(9000);
    assertThat(target.transport()).isEqualTo(Target.Transport.GRPC);
  }

  @Test
  void badTargetsAreErrorsSayingWhy() {
    assertThatThrownBy(() -> Target.parse("http://h:1"))
        .hasMessageContaining("unknown scheme 'http'")
        .hasMessageContaining(
            "blaze://, blaze-native://, proto://, rest://, rest+gzip://, ws://, rest-poll://");
    assertThatThrownBy(() -> Target.parse("blaze://h"))
        .hasMessageContaining("needs a host and a port");
    assertThatThrownBy(() -> Target.parse("rest://h:1/v1")).hasMessageContaining("no path");
    assertThatThrownBy(() -> Target.parse("blaze://h:1 x"))
        .hasMessageContaining("malformed target");
  }

  @Test
  void anApiMayBeSwappedOnlyForOneOverTheSameTransport() {
    Target blaze = Target.parse("blaze://h:1");
    assertThat(Catalogue.resolveApi(blaze, null)).isEqualTo("grpc-blazebinary");
    assertThat(Catalogue.resolveApi(blaze, "grpc-native")).isEqualTo("grpc-native");
    assertThat(Catalogue.resolveApi(blaze, "grpc-protobuf")).isEqualTo("grpc-protobuf");
    assertThatThrownBy(() -> Catalogue.resolveApi(Target.parse("proto://h:1"), "nope"))
        .hasMessageContaining("unknown api 'nope'");
    assertThat(Catalogue.resolveApi(Target.parse("ws://h:1"), null)).isEqualTo("websocket-json");
    assertThat(Catalogue.resolveApi(Target.parse("rest-poll://h:1"), "rest-poll-1s"))
        .isEqualTo("rest-poll-1s");
    assertThatThrownBy(() -> Catalogue.resolveApi(Target.parse("rest://h:1"), "rest-poll-1s"))
        .hasMessageContaining("api 'rest-poll-1s' does not run over rest://");
    assertThatThrownBy(() -> Catalogue.resolveApi(Target.parse("rest-poll://h:1"), "rest-poll-x"))
        .hasMessageContaining("'x' is not a poll interval");
  }
}
