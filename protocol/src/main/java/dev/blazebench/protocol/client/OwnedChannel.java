package dev.blazebench.protocol.client;

import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/** Shuts down a channel a client created itself; callers' channels are never touched. */
final class OwnedChannel {

  private static final long SHUTDOWN_GRACE_MILLIS = 5_000;

  private OwnedChannel() {}

  static void close(ManagedChannel channel) {
    if (channel == null) {
      return;
    }
    channel.shutdown();
    try {
      if (!channel.awaitTermination(SHUTDOWN_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
