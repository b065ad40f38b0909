package dev.blazebench.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The BlazeBench image under test, named by the system property {@code blazebench.image} (default
 * {@code blazebench:dev}, which {@code docker build -t blazebench:dev .} makes).
 *
 * <p>Tests call {@link #assumeAvailable()} first: without a Docker engine, or without the image,
 * they are skipped with the reason printed on stderr, so {@code ./mvnw verify} stays green on a
 * machine without Docker and still says what it did not test.
 */
final class BlazeBenchImage {

  static final String NAME = System.getProperty("blazebench.image", "").strip();

  /** The reference server's default gRPC port (every gRPC API, health, reflection). */
  static final int GRPC_PORT = 50051;

  /** The reference server's default HTTP port (REST/JSON, WebSocket). */
  static final int HTTP_PORT = 8080;

  /** Seeding, JIT and vfs copies on a loaded 2-core CI machine take their time. */
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private BlazeBenchImage() {}

  /** Why the image cannot be tested here; null when it can. Decided once per JVM. */
  private static String unavailableReason;

  private static boolean decided;

  /** Whether the image can be tested here: named, a Docker engine answers, and it has the image. */
  static synchronized boolean available() {
    if (!decided) {
      unavailableReason = findUnavailableReason();
      decided = true;
      if (unavailableReason != null) {
        // Assumption messages end up in the XML report only; this line reaches the console.
        System.err.println(
            "SKIPPED (Testcontainers tests of the BlazeBench image): " + unavailableReason);
      }
    }
    return unavailableReason == null;
  }

  /** Skips the calling test, saying why, unless {@link #available()}. */
  static void assumeAvailable() {
    assumeTrue(available(), () -> unavailableReason);
  }

  private static String findUnavailableReason() {
    // The name first: asking Testcontainers about Docker can already start containers (its
    // reaper, a gateway probe), which a plain `./mvnw verify` must not do.
    if (NAME.isEmpty()) {
      return "not asked for: pass -Dblazebench.image=blazebench:dev, with a Docker engine running"
          + " and the image built (docker build --network host -t blazebench:dev .)";
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return "no Docker engine answers (DOCKER_HOST, /var/run/docker.sock); "
          + "scripts/docker-smoke.sh starts one on Debian";
    }
    if (!imageExists(NAME)) {
      return "image "
          + NAME
          + " not found; build it with `docker build --network host -t "
          + NAME
          + " .`";
    }
    return null;
  }

  /**
   * The reference server in a container: {@code blazebench serve} on every API, listening on all
   * the container's addresses, {@code seedRecords} workload records seeded; started when the {@code
   * ready} line is printed.
   */
  @SuppressWarnings("resource") // the caller stops it
  static GenericContainer<?> server(String seedRecords) {
    return new GenericContainer<>(DockerImageName.parse(NAME))
        .withCommand("serve", "--host", "0.0.0.0", "--seed-records", seedRecords)
        .withExposedPorts(GRPC_PORT, HTTP_PORT)
        .waitingFor(
            Wait.forLogMessage(".*blazebench serve: ready .*\\n", 1)
                .withStartupTimeout(STARTUP_TIMEOUT));
  }

  private static boolean imageExists(String name) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
