package dev.blazebench.server;

import dev.blazebench.protocol.ParseFailures;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.grpc.GrpcApis;
import dev.blazebench.server.grpc.GrpcListener;
import dev.blazebench.server.grpc.GrpcRequestGate;
import dev.blazebench.server.net.ConnectionCap;
import dev.blazebench.server.net.RequestBuffer;
import dev.blazebench.server.rest.RestOptions;
import dev.blazebench.server.rest.RestServer;
import dev.blazebench.server.store.BlazeStore;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The reference server: one {@link BlazeStore} and one {@link BlazeDatabase} behind every API asked
 * for — gRPC BlazeBinary (wrapped and native) and gRPC Protobuf on one gRPC port, REST/JSON on an
 * HTTP port — plus the gRPC health service and server reflection, so that {@code grpcurl list} and
 * health probes work.
 *
 * <p>{@link #start} opens the store (a temporary directory when none is given), seeds the canonical
 * workload into collection {@value ServerOptions#SEED_COLLECTION} when that is empty, starts the
 * listeners and logs one line per listener. {@link #close()} stops gracefully: health turns
 * NOT_SERVING, the servers stop accepting calls, running calls get {@link
 * ServerOptions#shutdownGrace()} to finish before they are cancelled, then the store is closed
 * (every acknowledged write is already in its file, so a {@code kill -9} instead loses nothing
 * acknowledged either). {@link #installShutdownHook()} makes SIGTERM and Ctrl-C do that.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults().withGrpcPort(0))) {
 *   BlazeClient client = BlazeGrpcClient.forTarget("127.0.0.1:" + server.grpcPort());
 *   ...
 * }
 * }</pre>
 */
public final class ReferenceServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ReferenceServer.class.getName());

  /** Records per insertMany while seeding: one commit each, about 0.4 MB. */
  private static final int SEED_BATCH_RECORDS = 1000;

  /** How long cancelled calls get to unwind after the grace period, before the store closes. */
  private static final long CANCEL_WAIT_MILLIS = 2_000;

  /**
   * Calls one gRPC connection may have open at once (its SETTINGS_MAX_CONCURRENT_STREAMS); a client
   * past it waits (grpc-java queues the call) or has the stream refused.
   */
  static final int MAX_CALLS_PER_CONNECTION = 1_000;

  /**
   * Streams one gRPC connection may reset within {@link #RESET_WINDOW_SECONDS} before the server
   * closes it (GOAWAY ENHANCE_YOUR_CALM). The REST listener's Vert.x closes at 200 in 30 s.
   */
  static final int MAX_RESETS_PER_WINDOW = 1_000;

  static final int RESET_WINDOW_SECONDS = 10;

  private final ServerOptions options;
  private final Path dataDir;
  private final boolean temporaryDataDir;
  private final BlazeStore store;
  private final BlazeDatabase database;
  private final HealthStatusManager health;
  private GrpcListener grpcListener;
  private RequestBuffer grpcRequests;
  private Server grpcServer;
  private RestServer restServer;
  private boolean closed;
  private volatile boolean logToStderr;
  private volatile boolean stoppedByStoreFailure;
  private final CountDownLatch terminated = new CountDownLatch(1);

  private ReferenceServer(
      ServerOptions options, Path dataDir, boolean temporaryDataDir, BlazeStore store) {
    this.options = options;
    this.dataDir = dataDir;
    this.temporaryDataDir = temporaryDataDir;
    this.store = store;
    this.database = new BlazeDatabase(store);
    this.health = new HealthStatusManager();
  }

  /**
   * Opens the store, seeds it if needed, starts every listener and returns once they all listen. If
   * anything fails, what was started is stopped again and the store closed.
   *
   * @throws IOException when a port cannot be bound or the temporary directory cannot be made
   * @throws dev.blazebench.server.store.StoreException when the store cannot be opened (for example
   *     another server holds the directory)
   */
  public static ReferenceServer start(ServerOptions options) throws IOException {
    boolean temporary = options.dataDir() == null;
    Path dir = temporary ? Files.createTempDirectory("blazebench-serve-") : options.dataDir();
    BlazeStore store;
    try {
      store = BlazeStore.open(dir, options.store());
    } catch (RuntimeException e) {
      if (temporary) {
        deleteRecursively(dir);
      }
      throw e;
    }
    ReferenceServer server = new ReferenceServer(options, dir, temporary, store);
    try {
      server.seedIfEmpty();
      server.startListeners();
    } catch (IOException | RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void seedIfEmpty() {
    String collection = ServerOptions.SEED_COLLECTION;
    int records = options.seedRecords();
    if (records == 0 || store.scan(collection).hasNext()) {
      LOG.info(
          () ->
              String.format(
                  Locale.ROOT,
                  "store %s (seeding skipped: %s)",
                  store.dataFile(),
                  records == 0 ? "--seed-records 0" : "\"" + collection + "\" is not empty"));
      return;
    }
    long startNanos = System.nanoTime();
    for (int from = 0; from < records; from += SEED_BATCH_RECORDS) {
      int count = Math.min(SEED_BATCH_RECORDS, records - from);
      database.insertMany(collection, BugWorkload.bugs(options.workloadSeed(), from, count));
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    LOG.info(
        () ->
            String.format(
                Locale.ROOT,
                "store %s: seeded %,d workload records (seed %d) into \"%s\" in %,d ms",
                store.dataFile(),
                records,
                options.workloadSeed(),
                collection,
                millis));
  }

  private void startListeners() throws IOException {
    if (options.servesGrpc()) {
      grpcListener =
          GrpcListener.create(new ConnectionCap("gRPC", options.connections().maxConnections()));
      grpcRequests = new RequestBuffer("gRPC", options.connections().requestBufferBytes());
      NettyServerBuilder builder =
          grpcListener
              .configure(
                  NettyServerBuilder.forAddress(
                      new InetSocketAddress(options.host(), options.grpcPort())))
              .maxInboundMessageSize(options.maxMessageBytes())
              // grpc-java sets neither by default. Without them one connection may hold any
              // number of calls open, and open and cancel streams as fast as it can send
              // (HTTP/2 "rapid reset", CVE-2023-44487). Both are far above what a benchmark
              // client needs: the load driver keeps at most --max-in-flight (64) calls in flight
              // across its connections, and cancels only calls past their deadline.
              .maxConcurrentCallsPerConnection(MAX_CALLS_PER_CONNECTION)
              .maxRstFramesPerWindow(MAX_RESETS_PER_WINDOW, RESET_WINDOW_SECONDS);
      if (options.connections().closesIdle()) {
        // A connection with no call open for this long gets GOAWAY; a grpc-java client opens a
        // new one for its next call. Calls in progress, a subscription's stream included, keep it.
        builder.maxConnectionIdle(
            options.connections().idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
      List<String> served = new ArrayList<>();
      for (ServerServiceDefinition service : grpcServices()) {
        builder.addService(service);
        String name = service.getServiceDescriptor().getName();
        served.add(name);
        health.setStatus(name, ServingStatus.SERVING);
      }
      health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
      // A store that failed (an I/O error, out of memory while committing) takes no more writes
      // until the server is restarted (reopening recovers every acknowledged write): say so.
      store.whenFailed(
          () -> {
            health.enterTerminalState();
            LOG.severe("the store failed: health is NOT_SERVING until the server is restarted");
          });
      // grpc-java's own services answer a request they cannot parse UNKNOWN and log it SEVERE
      // with a stack trace; wrapped as the APIs are, they answer INVALID_ARGUMENT.
      builder.addService(
          ParseFailures.reportAsInvalidArgument(health.getHealthService().bindService()));
      builder.addService(
          ParseFailures.reportAsInvalidArgument(
              ProtoReflectionServiceV1.newInstance().bindService()));
      grpcServer = builder.build().start();
      LOG.info(
          () ->
              String.format(
                  Locale.ROOT,
                  "%s on %s (services %s; health, reflection)",
                  grpcDescription(),
                  grpcAddress(),
                  String.join(", ", served)));
    }
    if (options.serves(ServerApi.REST)) {
      restServer =
          RestServer.start(
              database,
              RestOptions.defaults()
                  .withHost(options.host())
                  .withPort(options.httpPort())
                  .withMaxBodyBytes(options.maxMessageBytes())
                  .withConnections(options.connections()));
      LOG.info(() -> "REST/JSON on " + httpAddress());
    }
  }

  private List<ServerServiceDefinition> grpcServices() {
    GrpcRequestGate gate = new GrpcRequestGate(grpcRequests, options.maxMessageBytes());
    List<ServerServiceDefinition> services = new ArrayList<>();
    if (options.serves(ServerApi.BLAZE)) {
      services.add(GrpcApis.blazeWrapped(database, gate));
      services.add(GrpcApis.blazeNative(database, gate));
    }
    if (options.serves(ServerApi.PROTO)) {
      services.add(GrpcApis.protobuf(database, gate));
    }
    return services;
  }

  private String grpcDescription() {
    List<String> parts = new ArrayList<>();
    if (options.serves(ServerApi.BLAZE)) {
      parts.add("BlazeBinary (wrapped+native)");
    }
    if (options.serves(ServerApi.PROTO)) {
      parts.add("Protobuf");
    }
    return "gRPC " + String.join(", ", parts);
  }

  public ServerOptions options() {
    return options;
  }

  /** The database every API serves. */
  public BlazeDatabase database() {
    return database;
  }

  /** The store's directory (a temporary one when none was given). */
  public Path dataDir() {
    return dataDir;
  }

  /** The bytes of gRPC requests held now and their limit, or null without gRPC. */
  public RequestBuffer grpcRequests() {
    return grpcRequests;
  }

  /** The gRPC listener's connection count and cap, or null without gRPC. */
  public ConnectionCap grpcConnections() {
    return grpcListener == null ? null : grpcListener.connections();
  }

  /** The gRPC port actually bound (the chosen one when asked for 0), or -1 without gRPC. */
  public int grpcPort() {
    if (grpcServer == null) {
      return -1;
    }
    for (SocketAddress address : grpcServer.getListenSockets()) {
      if (address instanceof InetSocketAddress inet) {
        return inet.getPort();
      }
    }
    return grpcServer.getPort();
  }

  /** The HTTP port actually bound, or -1 without REST. */
  public int httpPort() {
    return restServer == null ? -1 : restServer.actualPort();
  }

  /** {@code host:port} of the gRPC listener, or null without gRPC. */
  public String grpcAddress() {
    return grpcServer == null ? null : hostPort(options.host(), grpcPort());
  }

  /** {@code host:port} of the HTTP listener, or null without REST. */
  public String httpAddress() {
    return restServer == null ? null : hostPort(options.host(), httpPort());
  }

  /**
   * The listeners as {@code grpc=HOST:PORT http=HOST:PORT} (each only when served): what a ready
   * line prints, so scripts can find the ports when they were chosen by the system.
   */
  public String listeners() {
    List<String> parts = new ArrayList<>();
    if (grpcServer != null) {
      parts.add("grpc=" + grpcAddress());
    }
    if (restServer != null) {
      parts.add("http=" + httpAddress());
    }
    return String.join(" ", parts);
  }

  /**
   * From now on, a failure of the store (an I/O error, out of memory while committing) stops this
   * server as {@link #close()} does, instead of leaving it up answering NOT_SERVING, and {@link
   * #stoppedByStoreFailure()} then says so: for a process under a supervisor (systemd's {@code
   * Restart=on-failure}, Docker's {@code --restart on-failure}), which starts it again, and the
   * store reopens with every write it acknowledged. A failure before this call stops it at once.
   */
  public void stopWhenStoreFails() {
    store.whenFailed(
        () -> {
          stoppedByStoreFailure = true;
          log("the store failed: stopping (start the server again to reopen the store)");
          // Not on the thread that reports the failure: that is the store's own writer, which
          // closing the store waits for.
          new Thread(this::close, "blazebench-server-store-failed").start();
        });
  }

  /** Whether {@link #stopWhenStoreFails()} stopped (or is stopping) this server. */
  public boolean stoppedByStoreFailure() {
    return stoppedByStoreFailure;
  }

  /** Blocks until {@link #close()} has finished (every listener stopped, the store closed). */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  /** Whether {@link #close()} has finished. */
  public boolean isTerminated() {
    return terminated.getCount() == 0;
  }

  /**
   * Closes this server when the JVM is asked to stop (SIGTERM, SIGINT/Ctrl-C, {@code System.exit});
   * returns the hook thread. A {@code kill -9} runs no hook, and needs none: every acknowledged
   * write is already in the store's file.
   */
  public Thread installShutdownHook() {
    Thread hook =
        new Thread(
            () -> {
              // java.util.logging resets its handlers in a shutdown hook of its own, which may run
              // first and silence LOG; what the stop does is written to stderr instead.
              logToStderr = true;
              if (!stoppedByStoreFailure) { // else already stopping, and said why
                log("shutdown requested (SIGTERM, Ctrl-C or exit); stopping gracefully");
              }
              close();
            },
            "blazebench-server-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /**
   * Stops gracefully: health NOT_SERVING, no new calls, running calls get the grace period, then
   * are cancelled; the REST server answers the requests it accepted (same grace) and stops; the
   * store closes; a temporary directory is deleted. Closing again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      health.enterTerminalState();
      if (grpcServer != null) {
        grpcServer.shutdown();
      }
      if (restServer != null) {
        restServer.close(options.shutdownGrace());
      }
      if (grpcServer != null) {
        awaitGrpcTermination();
      }
      if (grpcListener != null) {
        grpcListener.close();
      }
      try {
        store.close();
        log("stopped; store closed");
      } catch (RuntimeException e) {
        // What the store acknowledged is in its file; reopening it finds that.
        log("stopped; the store did not close cleanly: " + e);
      }
    } finally {
      if (temporaryDataDir) {
        deleteRecursively(dataDir);
      }
      terminated.countDown();
    }
  }

  private void log(String message) {
    if (logToStderr) {
      System.err.println("INFO: " + message);
      System.err.flush();
    } else {
      LOG.info(message);
    }
  }

  private void awaitGrpcTermination() {
    try {
      long graceMillis = options.shutdownGrace().toMillis();
      if (!grpcServer.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
        log("calls still running after the " + graceMillis + " ms grace period; cancelling them");
        grpcServer.shutdownNow();
        grpcServer.awaitTermination(CANCEL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      grpcServer.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.WARNING, "could not delete temporary data directory " + dir, e);
    }
  }
}
