package dev.blazebench.load.rest;

import dev.blazebench.load.api.CallDeadlines;
import dev.blazebench.load.api.TargetUnreachableException;
import dev.blazebench.load.wire.CountingVertxTransport;
import dev.blazebench.load.wire.WireCounter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Vert.x HTTP/1.1 client with a pool of at most N keep-alive connections to one server (no
 * pipelining: a connection carries one request at a time, as browsers and most HTTP clients do),
 * every byte counted at the socket ({@link CountingVertxTransport}). Requests beyond N wait in the
 * pool's queue; the driver's in-flight cap bounds them.
 */
public final class RestConnections implements AutoCloseable {

  /** A route no server answers 2xx to without data, used to open the connections. */
  private static final String PROBE_URI = "/v1/bugs/00000000-0000-0000-0000-000000000000";

  private final WireCounter wireCounter = new WireCounter(WireCounter.NETTY_SOCKET_HANDLER);
  private final CallDeadlines deadlines = new CallDeadlines("rest");
  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String host;
  private final int port;
  private final int connections;

  /**
   * @param gzip whether the client asks for gzip-compressed answers and decompresses them
   */
  public RestConnections(String host, int port, int connections, boolean gzip) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1, was " + connections);
    }
    this.host = host;
    this.port = port;
    this.connections = connections;
    // One event loop per connection at most, and no more than the machine's cores.
    int eventLoops = Math.min(connections, Runtime.getRuntime().availableProcessors());
    vertx =
        Vertx.builder()
            .with(
                new VertxOptions()
                    .setEventLoopPoolSize(eventLoops)
                    .setWorkerPoolSize(1)
                    .setInternalBlockingPoolSize(1)
                    // Decoding a large answer on the event loop is the client's real work here,
                    // not a blocked loop: no warnings for it.
                    .setMaxEventLoopExecuteTime(60)
                    .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS))
            .withTransport(new CountingVertxTransport(wireCounter))
            .build();
    client =
        vertx
            .httpClientBuilder()
            .with(
                new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setKeepAlive(true)
                    .setPipelining(false)
                    .setTcpNoDelay(true)
                    .setDecompressionSupported(gzip)
                    .setConnectTimeout(3_000)
                    .setDefaultHost(host)
                    .setDefaultPort(port))
            .with(
                new PoolOptions()
                    .setHttp1MaxSize(connections)
                    .setEventLoopSize(eventLoops)
                    .setMaxWaitQueueSize(-1))
            .build();
  }

  HttpClientAgent client() {
    return client;
  }

  /** The deadlines of calls on these connections. */
  CallDeadlines deadlines() {
    return deadlines;
  }

  public WireCounter wireCounter() {
    return wireCounter;
  }

  /** "host:port". */
  public String target() {
    return host + ":" + port;
  }

  /**
   * Opens every connection (one request on each at once: {@code GET} of a nil id, which any answer
   * but a refused connection satisfies) and waits for them.
   *
   * @throws TargetUnreachableException if that takes longer than {@code timeoutMillis}
   */
  public void awaitReady(long timeoutMillis) throws InterruptedException {
    List<CompletableFuture<Integer>> probes = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Future<Integer> status =
          client
              .request(new RequestOptions().setMethod(HttpMethod.GET).setURI(PROBE_URI))
              // The body is asked for inside send's own callback, on the connection's event loop,
              // never in a callback chained after it: there, from a thread outside Vert.x, the
              // response could end before body() was called, and Vert.x up to 5.0.10 then never
              // completed it (eclipse-vertx/vert.x#6038, fixed in 5.0.12, which we use). A loop
              // of three requests per fresh client, both cores busy, chained: 5.0.7 hung 3-5
              // times in 300 loops, 5.0.12 none in 700. Nested is safe on either.
              .compose(
                  request ->
                      request
                          .send()
                          .compose(
                              (HttpClientResponse response) ->
                                  response.body().map(body -> response.statusCode())));
      probes.add(status.toCompletionStage().toCompletableFuture());
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (CompletableFuture<Integer> probe : probes) {
      try {
        probe.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        String why =
            e instanceof TimeoutException ? "no answer" : String.valueOf(e.getCause().getMessage());
        throw new TargetUnreachableException(
            "cannot connect to "
                + target()
                + " within "
                + timeoutMillis
                + " ms ("
                + why
                + "): is the server's REST port there?");
      }
    }
  }

  @Override
  public void close() {
    deadlines.close();
    try {
      client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // closing anyway
    } finally {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // nothing more to do
      }
    }
  }
}
