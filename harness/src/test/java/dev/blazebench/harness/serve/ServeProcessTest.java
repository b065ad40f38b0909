package dev.blazebench.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.Main;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.RestJsonClient;
import dev.blazebench.protocol.query.Query;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blazebench serve} as a user runs it: in its own JVM, with a temporary store; the ready
 * line names the port, the seeded data is served, health says SERVING, and SIGTERM stops it
 * gracefully and deletes the temporary directory.
 */
class ServeProcessTest {

  @TempDir Path logDir;

  @Test
  void serveRunsUntilSigtermThenStopsGracefullyAndCleansUp() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = logDir.resolve("serve.log");
    Process serve =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--grpc-port",
                "0",
                "--http-port",
                "0",
                "--seed-records",
                "1500")
            .redirectError(log.toFile())
            .start();
    try {
      BufferedReader stdout =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String ready = stdout.readLine();
      assertThat(ready)
          .as(Files.readString(log))
          .startsWith("blazebench serve: ready grpc=127.0.0.1:");
      Matcher listeners = Pattern.compile("ready grpc=(\\S+) http=(\\S+)$").matcher(ready);
      assertThat(listeners.find()).as(ready).isTrue();
      String target = listeners.group(1);

      try (BlazeGrpcClient client = BlazeGrpcClient.forTarget(target)) {
        assertThat(client.query("bugs", Query.all())).hasSize(1_500);
      }
      try (RestJsonClient rest = RestJsonClient.forTarget(listeners.group(2))) {
        assertThat(rest.query("bugs", Query.builder().limit(10).build())).hasSize(10);
      }
      ManagedChannel channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
      try {
        assertThat(
                HealthGrpc.newBlockingStub(channel)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus())
            .isEqualTo(ServingStatus.SERVING);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }

      serve.destroy(); // SIGTERM
      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(serve.exitValue()).isEqualTo(143);
    } finally {
      serve.destroyForcibly();
    }
    String stderr = Files.readString(log);
    System.out.println("---- blazebench serve's log ----\n" + stderr);
    assertThat(stderr).contains("gRPC BlazeBinary (wrapped+native), Protobuf on 127.0.0.1:");
    assertThat(stderr).contains("REST/JSON on 127.0.0.1:");
    assertThat(stderr).contains("stopped; store closed");
    Matcher store = Pattern.compile("store (\\S+)/blazebench\\.mv\\.db").matcher(stderr);
    assertThat(store.find()).isTrue();
    assertThat(Path.of(store.group(1))).as("the temporary data directory").doesNotExist();
  }
}
