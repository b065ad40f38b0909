package dev.blazebench.load.realtime;

import dev.blazebench.load.api.TargetUnreachableException;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/** Waits for a gRPC channel to connect, for the streaming clients' {@code awaitReady}. */
final class GrpcReadiness {

  private GrpcReadiness() {}

  /**
   * Returns once {@code channel} is READY.
   *
   * @throws TargetUnreachableException naming {@code host:port} and the last state, if it is not
   *     within {@code timeoutMillis}
   */
  static void await(ManagedChannel channel, String host, int port, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    ConnectivityState state;
    while ((state = channel.getState(true)) != ConnectivityState.READY) {
      if (System.nanoTime() - deadline >= 0) {
        throw new TargetUnreachableException(
            "cannot connect to "
                + host
                + ":"
                + port
                + " within "
                + timeoutMillis
                + " ms (connection state "
                + state
                + "): is the server's gRPC port there?");
      }
      Thread.sleep(10);
    }
  }
}
