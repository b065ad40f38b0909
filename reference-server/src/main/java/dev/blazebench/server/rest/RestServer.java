package dev.blazebench.server.rest;

import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.net.ConnectionCap;
import dev.blazebench.server.net.ConnectionLimits;
import dev.blazebench.server.net.RequestBuffer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reference server's REST/JSON API on Vert.x: HTTP/1.1 with keep-alive, HTTP/2 over cleartext
 * (h2c, by upgrade or prior knowledge) on the same port, gzip when the client asks, request bodies
 * limited to {@link RestOptions#maxBodyBytes()}, NDJSON streaming with backpressure. It serves the
 * same {@link BlazeDatabase} as the gRPC adapters, with the same semantics and error codes. Routes
 * are listed in {@link RestRouter} and documented in reference-server/README.md.
 *
 * <p>Threads: {@link RestOptions#eventLoops()} event loops, each with its own HTTP server on the
 * shared port, do HTTP and compression; a pool of {@link RestOptions#workerThreads()} workers does
 * the JSON parsing, database calls and encoding ({@link WorkerCalls}). The server owns its Vert.x
 * instance; {@link #close()} stops it. It does not own the database.
 *
 * <pre>{@code
 * try (RestServer rest = RestServer.start(db, RestOptions.defaults().withPort(8080))) {
 *   System.out.println("REST on port " + rest.actualPort());
 *   ...
 * }
 * }</pre>
 */
public final class RestServer implements AutoCloseable {

  private static final long START_TIMEOUT_SECONDS = 30;
  private static final long CLOSE_TIMEOUT_SECONDS = 10;

  private final Vertx vertx;
  private final int actualPort;
  private final RestOptions options;
  private final RestMetrics metrics;
  private final List<RestVerticle> verticles;

  private RestServer(
      Vertx vertx,
      int actualPort,
      RestOptions options,
      RestMetrics metrics,
      List<RestVerticle> verticles) {
    this.vertx = vertx;
    this.verticles = verticles;
    this.actualPort = actualPort;
    this.options = options;
    this.metrics = metrics;
  }

  /**
   * Starts the server and returns once it listens.
   *
   * @throws IllegalStateException when it cannot listen (port taken, bad host), with the cause
   */
  public static RestServer start(BlazeDatabase db, RestOptions options) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(options, "options");
    ConnectionCap cap = new ConnectionCap("REST", options.connections().maxConnections());
    RequestBuffer bodies = new RequestBuffer("REST", options.connections().requestBufferBytes());
    RestMetrics metrics = new RestMetrics(cap, bodies);
    AcceptGate gate = new AcceptGate(cap, options.connections(), metrics);
    Vertx vertx =
        Vertx.builder()
            .with(
                new VertxOptions()
                    .setEventLoopPoolSize(options.eventLoops())
                    // Vert.x's own worker pool is unused (we run on ours); keep it small.
                    .setWorkerPoolSize(2))
            .withTransport(gate.transport())
            .build();
    try {
      WorkerExecutor worker =
          vertx.createSharedWorkerExecutor("blazebench-rest-worker", options.workerThreads());
      WorkerCalls calls = new WorkerCalls(worker);

      // One server per event loop, all on one port: Vert.x binds the socket once and hands new
      // connections to the servers in turn. A negative port is Vert.x's "any free port, shared by
      // every server asking for this same negative port"; 0 would give each its own port.
      int listenPort = options.port() == 0 ? -1 : options.port();
      List<RestVerticle> verticles = new CopyOnWriteArrayList<>();
      await(
          vertx.deployVerticle(
              () -> {
                RestVerticle verticle =
                    new RestVerticle(
                        serverOptions(options, listenPort),
                        v -> RestRouter.create(v, db, options, calls, metrics, bodies),
                        new WebSocketPush(db, pingInterval(options.connections())));
                verticles.add(verticle);
                return verticle;
              },
              new DeploymentOptions().setInstances(options.eventLoops())));
      int port = verticles.get(0).actualPort();
      return new RestServer(vertx, port, options, metrics, List.copyOf(verticles));
    } catch (RuntimeException e) {
      closeQuietly(vertx);
      throw e;
    }
  }

  static HttpServerOptions serverOptions(RestOptions options, int port) {
    ConnectionLimits limits = options.connections();
    return new HttpServerOptions()
        // Nothing read or written for this long: closed (0: never). Idle keep-alive
        // connections and half-sent requests alike; WebSockets get pings (pingInterval).
        .setIdleTimeout((int) limits.idleTimeout().toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setHost(options.host())
        .setPort(port)
        .setCompressionSupported(options.compression())
        // Request bodies sent gzipped are inflated before the body limit counts them.
        .setDecompressionSupported(true)
        // h2c: "Upgrade: h2c" on an HTTP/1.1 request, or the HTTP/2 preface straight away.
        .setHttp2ClearTextEnabled(true);
  }

  /**
   * How often a WebSocket subscriber is pinged: half the idle timeout, so that a quiet subscription
   * is not closed as idle; {@link Duration#ZERO} when idle connections are never closed.
   */
  static Duration pingInterval(ConnectionLimits limits) {
    return limits.closesIdle() ? limits.idleTimeout().dividedBy(2) : Duration.ZERO;
  }

  /** The port the server listens on (the chosen one when {@link RestOptions#port()} was 0). */
  public int actualPort() {
    return actualPort;
  }

  public RestOptions options() {
    return options;
  }

  /** Counters: connections, streamed queries, backpressure pauses. */
  public RestMetrics metrics() {
    return metrics;
  }

  /** Stops listening, closes open connections at once, then the worker pool. */
  @Override
  public void close() {
    closeQuietly(vertx);
  }

  /**
   * Stops gracefully: stops accepting connections, lets requests in progress be answered for up to
   * {@code grace} (WebSocket subscribers are told 1001, going away), then closes what is left and
   * the worker pool. A client whose request was accepted gets its answer instead of a reset.
   */
  public void close(Duration grace) {
    List<Future<Void>> shutdowns = verticles.stream().map(v -> v.shutdown(grace)).toList();
    try {
      Future.join(shutdowns)
          .toCompletionStage()
          .toCompletableFuture()
          .get(
              grace.toMillis() + TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS),
              TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // A connection that would not finish in time is closed below with everything else.
    }
    closeQuietly(vertx);
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx
          .close()
          .toCompletionStage()
          .toCompletableFuture()
          .get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Closing is best effort: the event loops are daemon threads and go with the process.
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the REST server", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot start the REST server: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the REST server did not start within " + START_TIMEOUT_SECONDS + " s", e);
    }
  }
}
