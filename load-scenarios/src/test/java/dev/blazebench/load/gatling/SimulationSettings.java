package dev.blazebench.load.gatling;

import java.time.Duration;

/**
 * The settings every simulation reads from system properties (given on the Maven command line:
 * {@code -Dbase.url=http://127.0.0.1:8080 -Drate=10 -Dduration=30 -Dwarmup=15}), with the same
 * meaning as {@code blazebench load}'s flags, so that a Gatling run and a driver run can be the
 * same run.
 *
 * @param baseUrl the REST server
 * @param collection the collection ({@code -Dcollection}, default {@code bugs}; the realtime
 *     simulation's default is its own collection, {@code realtime})
 * @param ratePerSec arrivals per second, open model ({@code -Drate}, default 10)
 * @param warmup arrivals before the measured part, reported under their own request name ({@code
 *     -Dwarmup} seconds, default 15)
 * @param duration the measured part ({@code -Dduration} seconds, default 30)
 * @param connections connections shared by all virtual users ({@code -Dconnections}, default 4, as
 *     the driver's {@code --connections})
 */
record SimulationSettings(
    String baseUrl,
    String collection,
    double ratePerSec,
    Duration warmup,
    Duration duration,
    int connections) {

  static SimulationSettings fromSystemProperties() {
    return fromSystemProperties("bugs");
  }

  static SimulationSettings fromSystemProperties(String defaultCollection) {
    return new SimulationSettings(
        System.getProperty("base.url", "http://127.0.0.1:8080"),
        System.getProperty("collection", defaultCollection),
        Double.parseDouble(System.getProperty("rate", "10")),
        Duration.ofSeconds(Long.getLong("warmup", 15)),
        Duration.ofSeconds(Long.getLong("duration", 30)),
        Integer.getInteger("connections", 4));
  }

  /** The WebSocket base URL of the same server: {@code http} becomes {@code ws}. */
  String wsBaseUrl() {
    if (baseUrl.startsWith("https://")) {
      return "wss://" + baseUrl.substring("https://".length());
    }
    if (baseUrl.startsWith("http://")) {
      return "ws://" + baseUrl.substring("http://".length());
    }
    throw new IllegalArgumentException(
        "base.url: expected http://HOST:PORT or https://HOST:PORT, was \"" + baseUrl + "\"");
  }
}
