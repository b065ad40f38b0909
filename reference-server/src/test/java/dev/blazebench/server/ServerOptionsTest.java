package dev.blazebench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsServeEveryApiOnLoopback() {
    ServerOptions defaults = ServerOptions.defaults();
    assertThat(defaults.apis()).containsExactly(ServerApi.BLAZE, ServerApi.PROTO, ServerApi.REST);
    assertThat(defaults.host()).isEqualTo("127.0.0.1");
    assertThat(defaults.grpcPort()).isEqualTo(50051);
    assertThat(defaults.httpPort()).isEqualTo(8080);
    assertThat(defaults.dataDir()).isNull();
    assertThat(defaults.seedRecords()).isEqualTo(10_000);
    assertThat(defaults.maxMessageBytes()).isEqualTo(64 * 1024 * 1024);
    assertThat(defaults.servesGrpc()).isTrue();
  }

  @Test
  void apiListsParseCaseInsensitivelyAndNameTheUnknown() {
    assertThat(ServerApi.parseList("blaze, PROTO,rest,blaze"))
        .isEqualTo(EnumSet.allOf(ServerApi.class));
    assertThat(ServerApi.parseList("rest")).containsExactly(ServerApi.REST);
    assertThatThrownBy(() -> ServerApi.parseList("blaze,grpc"))
        .hasMessage("unknown API \"grpc\" (expected blaze, proto or rest)");
    assertThatThrownBy(() -> ServerApi.parseList("blaze,"))
        .hasMessageStartingWith("empty API name");
  }

  @Test
  void badValuesAreRefusedNamingTheParameter() {
    ServerOptions defaults = ServerOptions.defaults();
    assertThatThrownBy(() -> defaults.withApis(Set.of()))
        .hasMessage("apis must name at least one API");
    assertThatThrownBy(() -> defaults.withGrpcPort(70_000))
        .hasMessage("grpcPort must be between 0 and 65535, was 70000");
    assertThatThrownBy(() -> defaults.withSeedRecords(-1))
        .hasMessage("seedRecords must not be negative, was -1");
    assertThatThrownBy(() -> defaults.withMaxMessageBytes(0))
        .hasMessage("maxMessageBytes must be at least 1, was 0");
    // A request of the largest size must fit in the buffer shared by all requests.
    assertThatThrownBy(
            () ->
                defaults
                    .withMaxMessageBytes(2_000_000)
                    .withConnections(defaults.connections().withRequestBufferBytes(1_000_000)))
        .hasMessage(
            "requestBufferBytes must be at least maxMessageBytes (2000000), or the largest request"
                + " could never be held; was 1000000");
    assertThat(defaults.withApis(EnumSet.of(ServerApi.REST)).servesGrpc()).isFalse();
  }
}
