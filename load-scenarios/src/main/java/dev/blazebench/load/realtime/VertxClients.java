package dev.blazebench.load.realtime;

import dev.blazebench.load.wire.CountingVertxTransport;
import dev.blazebench.load.wire.WireCounter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The Vert.x instance of the WebSocket and polling subscribers: counting sockets, few threads. */
public final class VertxClients {

  private VertxClients() {}

  /** A Vert.x whose client sockets count their bytes into {@code counter}. */
  public static Vertx counting(WireCounter counter) {
    return Vertx.builder()
        .with(
            new VertxOptions()
                .setEventLoopPoolSize(Math.min(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1))
        .withTransport(new CountingVertxTransport(counter))
        .build();
  }

  /** Closes {@code vertx}, waiting up to 5 s. */
  public static void close(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // nothing more to do
    }
  }
}
