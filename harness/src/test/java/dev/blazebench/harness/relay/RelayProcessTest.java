package dev.blazebench.harness.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blazebench relay} as a user runs it: in its own JVM, it prints a route line per target and
 * the ready line, relays with the delay, and stops on SIGTERM.
 */
class RelayProcessTest {

  @TempDir Path logDir;

  @Test
  void relayPrintsRoutesAndReadyThenRelaysUntilSigterm() throws Exception {
    try (BlockingServer first = BlockingServer.echo();
        BlockingServer second = BlockingServer.echo()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Path log = logDir.resolve("relay.log");
      Process relay =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "relay",
                  "--delay",
                  "20ms",
                  "--to",
                  "127.0.0.1:" + first.address().getPort(),
                  "--to",
                  "127.0.0.1:" + second.address().getPort())
              .redirectError(log.toFile())
              .start();
      try {
        BufferedReader stdout =
            new BufferedReader(
                new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
        Pattern route = Pattern.compile("blazebench relay: 127\\.0\\.0\\.1:(\\d+) -> (\\S+)");
        Matcher firstRoute = route.matcher(String.valueOf(stdout.readLine()));
        assertThat(firstRoute.matches()).as(Files.readString(log)).isTrue();
        assertThat(firstRoute.group(2)).isEqualTo("127.0.0.1:" + first.address().getPort());
        Matcher secondRoute = route.matcher(String.valueOf(stdout.readLine()));
        assertThat(secondRoute.matches()).isTrue();
        assertThat(secondRoute.group(2)).isEqualTo("127.0.0.1:" + second.address().getPort());
        assertThat(stdout.readLine()).isEqualTo("blazebench relay: ready (20 ms each way)");

        try (Socket client = new Socket("127.0.0.1", Integer.parseInt(secondRoute.group(1)))) {
          client.setSoTimeout(10_000);
          long startNanos = System.nanoTime();
          client.getOutputStream().write(9);
          assertThat(client.getInputStream().read()).isEqualTo(9);
          assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))
              .isGreaterThanOrEqualTo(40);
        }

        relay.destroy(); // SIGTERM
        assertThat(relay.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(relay.exitValue()).isEqualTo(143);
      } finally {
        relay.destroyForcibly();
      }
    }
  }
}
