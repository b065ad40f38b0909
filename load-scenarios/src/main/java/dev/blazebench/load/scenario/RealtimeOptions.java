package dev.blazebench.load.scenario;

import dev.blazebench.load.run.Target;
import java.time.Duration;

/**
 * The {@code realtime} scenario's choices, resolved before anything connects.
 *
 * @param subscribers subscribers on the API under test, each on its own connection (default 1)
 * @param pollInterval how often REST polling subscribers poll; null for push APIs
 * @param writer where the writer writes, always through {@code blaze://} (gRPC, BlazeBinary in
 *     protobuf); null for the default (the target's host and port for a gRPC target, the target's
 *     host and port {@value #DEFAULT_WRITER_PORT} otherwise)
 */
public record RealtimeOptions(int subscribers, Duration pollInterval, Target writer) {

  /** The reference server's gRPC port, where the writer goes when the target is its HTTP port. */
  public static final int DEFAULT_WRITER_PORT = 50051;

  /** One subscriber, push, the default writer. */
  public static final RealtimeOptions DEFAULTS = new RealtimeOptions(1, null, null);

  public RealtimeOptions {
    if (subscribers < 1) {
      throw new IllegalArgumentException("--subscribers must be at least 1, was " + subscribers);
    }
    if (pollInterval != null && pollInterval.toMillis() < 1) {
      throw new IllegalArgumentException(
          "--poll-interval must be at least 1ms, was " + pollInterval);
    }
    if (writer != null && !writer.scheme().equals("blaze")) {
      throw new IllegalArgumentException(
          "--writer '"
              + writer.text()
              + "': the realtime writer writes through blaze:// (gRPC, BlazeBinary in protobuf),"
              + " e.g. blaze://127.0.0.1:50051");
    }
  }

  /** Whether anything but the defaults was asked for. */
  public boolean isDefault() {
    return equals(DEFAULTS);
  }

  /** The writer's target for a run against {@code target}. */
  public Target writerFor(Target target) {
    if (writer != null) {
      return writer;
    }
    int port = target.transport() == Target.Transport.GRPC ? target.port() : DEFAULT_WRITER_PORT;
    return Target.parse("blaze://" + hostText(target.host()) + ":" + port);
  }

  private static String hostText(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
