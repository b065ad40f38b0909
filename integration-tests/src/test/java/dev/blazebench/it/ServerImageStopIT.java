package dev.blazebench.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * {@code docker stop} reaches the server in the image: the entry point execs the JVM, so SIGTERM
 * goes to {@code blazebench serve}, which stops gracefully and closes its store, instead of being
 * killed when the stop timeout runs out.
 */
class ServerImageStopIT {

  @Test
  void dockerStopShutsTheServerDownGracefully() {
    BlazeBenchImage.assumeAvailable();
    try (GenericContainer<?> server = BlazeBenchImage.server("100")) {
      server.start();
      DockerClient docker = DockerClientFactory.instance().client();
      // A server that never saw SIGTERM would be killed when the 60 s run out (exit 137) and
      // never log its store closing; one that saw it exits as the JVM does after its shutdown
      // hooks ran (143 = 128 + SIGTERM).
      docker.stopContainerCmd(server.getContainerId()).withTimeout(60).exec();
      Long exitCode =
          docker.inspectContainerCmd(server.getContainerId()).exec().getState().getExitCodeLong();
      String logs = server.getLogs();
      assertThat(logs).contains("shutdown requested").contains("stopped; store closed");
      assertThat(exitCode).as("exit code; logs:%n%s", logs).isIn(0L, 143L);
    }
  }
}
