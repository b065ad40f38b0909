package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How compare tells, from its exit code, why a server it started has gone. */
class ServerProcessTest {

  @TempDir Path tmp;

  /** A stand-in for {@code serve}: prints the ready line, then exits with {@code code}. */
  private ServerProcess exitingWith(int code) throws Exception {
    ServerProcess server =
        ServerProcess.start(
            List.of(
                "bash",
                "-c",
                "echo 'blazebench serve: ready grpc=127.0.0.1:1 http=127.0.0.1:2'; exit " + code),
            tmp.resolve("server-" + code + ".log"),
            Duration.ofSeconds(30));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (server.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return server;
  }

  @Test
  void aServerWhoseStoreFailedIsNamedSo() throws Exception {
    assertThat(exitingWith(4).exitDescription()).isEqualTo("exit 4: its store failed");
    assertThat(exitingWith(3).exitDescription()).isEqualTo("exit 3");
  }
}
