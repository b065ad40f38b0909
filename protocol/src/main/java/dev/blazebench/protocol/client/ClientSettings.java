package dev.blazebench.protocol.client;

import dev.blazebench.binary.FormatVersion;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;

/**
 * How a {@link BlazeClient} calls: resolved once, immutable.
 *
 * @param deadline how long each call (a stream: the whole stream) may take; null for no deadline
 * @param formatVersion the BlazeBinary version requests are written in (responses may be either)
 * @param maxInboundMessageBytes the largest response message accepted
 */
public record ClientSettings(
    Duration deadline, FormatVersion formatVersion, int maxInboundMessageBytes) {

  /** Default per-call deadline: 60 s, long enough to stream a large result on a slow machine. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  /** Default response limit: 64 MiB (gRPC's own default, 4 MiB, is below a 10,000-record page). */
  public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

  private static final ClientSettings DEFAULTS =
      new ClientSettings(DEFAULT_DEADLINE, FormatVersion.V1, DEFAULT_MAX_INBOUND_MESSAGE_BYTES);

  public ClientSettings {
    if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
    if (formatVersion == null) {
      throw new IllegalArgumentException("formatVersion must not be null");
    }
    if (maxInboundMessageBytes < 1) {
      throw new IllegalArgumentException(
          "maxInboundMessageBytes must be positive, was " + maxInboundMessageBytes);
    }
  }

  /** 60 s deadline, BlazeBinary v1, 64 MiB responses. */
  public static ClientSettings defaults() {
    return DEFAULTS;
  }

  public ClientSettings withDeadline(Duration newDeadline) {
    return new ClientSettings(newDeadline, formatVersion, maxInboundMessageBytes);
  }

  public ClientSettings withFormatVersion(FormatVersion version) {
    return new ClientSettings(deadline, version, maxInboundMessageBytes);
  }

  public ClientSettings withMaxInboundMessageBytes(int bytes) {
    return new ClientSettings(deadline, formatVersion, bytes);
  }

  /** A plaintext channel to {@code target} ({@code host:port}) that accepts these responses. */
  ManagedChannel plaintextChannel(String target) {
    return ManagedChannelBuilder.forTarget(target)
        .usePlaintext()
        .maxInboundMessageSize(maxInboundMessageBytes)
        .build();
  }
}
