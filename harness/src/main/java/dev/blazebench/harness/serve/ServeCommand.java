package dev.blazebench.harness.serve;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import dev.blazebench.server.net.ConnectionLimits;
import dev.blazebench.server.store.StoreException;
import dev.blazebench.server.store.StoreOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code blazebench serve}: runs the reference server (every API over one store) until SIGTERM or
 * Ctrl-C, then stops it gracefully. Prints one ready line on stdout once every listener is up,
 * {@code blazebench serve: ready grpc=HOST:PORT http=HOST:PORT}, for scripts to wait for; logs go
 * to stderr.
 */
@Command(
    name = "serve",
    sortOptions = false,
    description = {
      "Run the reference server: gRPC BlazeBinary (wrapped blazedb.v1.BlazeDBService and native"
          + " blazedb.v1.BlazeDBNative) and gRPC Protobuf (bugs.v1.BugService) on one gRPC port,"
          + " REST/JSON on an HTTP port, all over the same store, with the gRPC health service and"
          + " server reflection.",
      "Seeds the canonical workload (deterministic bug records) into collection \"bugs\" when it"
          + " is empty. Runs until SIGTERM or Ctrl-C, then lets running calls finish (up to"
          + " --shutdown-grace) and closes the store. Prints"
          + " 'blazebench serve: ready grpc=HOST:PORT http=HOST:PORT' on stdout when listening."
    },
    footer = {
      "%nExamples:",
      "  blazebench serve",
      "  blazebench serve --api blaze,proto --grpc-port 0 --seed-records 100k",
      "  blazebench serve --data-dir /var/tmp/blaze --sync-on-commit",
      "  grpcurl -plaintext 127.0.0.1:50051 list"
    })
public final class ServeCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  /** Whether a failed store stops the server ({@code --on-store-failure exit}); set by resolve. */
  private boolean exitOnStoreFailure;

  @Option(
      names = "--api",
      paramLabel = "LIST",
      defaultValue = "blaze,proto,rest",
      description =
          "APIs to serve, comma-separated: blaze (gRPC BlazeBinary, wrapped and native), proto"
              + " (gRPC Protobuf), rest (REST/JSON). Default: ${DEFAULT-VALUE}.")
  String apis;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = ServerOptions.DEFAULT_HOST,
      description =
          "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only; 0.0.0.0 exposes"
              + " the server to the network).")
  String host;

  @Option(
      names = "--grpc-port",
      paramLabel = "PORT",
      defaultValue = "" + ServerOptions.DEFAULT_GRPC_PORT,
      description =
          "gRPC port; 0 picks a free one (the ready line names it). Default: ${DEFAULT-VALUE}.")
  int grpcPort;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "" + ServerOptions.DEFAULT_HTTP_PORT,
      description = "REST/JSON port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int httpPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Store directory, created if needed; the data stays for the next run. Default: a new"
              + " temporary directory, deleted on exit.")
  Path dataDir;

  @Option(
      names = "--seed-records",
      paramLabel = "N",
      defaultValue = "10k",
      description =
          "Workload records put into \"bugs\" when it is empty (10000, 10k, 1m; 0 for none)."
              + " Default: ${DEFAULT-VALUE}.")
  String seedRecords;

  @Option(
      names = "--workload-seed",
      paramLabel = "SEED",
      defaultValue = "" + BugWorkload.DEFAULT_SEED,
      description =
          "Seed of the workload records: the same seed, the same data. Default: ${DEFAULT-VALUE}.")
  long workloadSeed;

  @Option(
      names = "--max-message-size",
      paramLabel = "SIZE",
      defaultValue = "64MiB",
      description =
          "Largest request accepted (gRPC message, REST body); larger ones fail with"
              + " RESOURCE_EXHAUSTED / 413. Default: ${DEFAULT-VALUE}.")
  String maxMessageSize;

  @Option(
      names = "--shutdown-grace",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "How long running calls may finish after SIGTERM before they are cancelled (500ms, 10s,"
              + " 1m). Default: ${DEFAULT-VALUE}.")
  String shutdownGrace;

  @Option(
      names = "--on-store-failure",
      paramLabel = "exit|stay",
      defaultValue = "exit",
      description =
          "When the store fails (an I/O error, out of memory while committing): exit stops the"
              + " server gracefully and exits with code 4, for a supervisor to start it again (the"
              + " store reopens with every acknowledged write); stay keeps it up, health"
              + " NOT_SERVING and every write refused, until it is restarted. Default:"
              + " ${DEFAULT-VALUE}.")
  String onStoreFailure;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "120s",
      description =
          "Close a connection idle this long: REST when nothing was read or written (WebSocket"
              + " subscribers are pinged at half of it and closed if they do not answer), REST"
              + " HTTP/2 and gRPC also when no request or call was open, whatever frames came"
              + " (GOAWAY). 0s: never. Default: ${DEFAULT-VALUE}.")
  String idleTimeout;

  @Option(
      names = "--header-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "Close a REST connection whose request head has not arrived whole this long after it"
              + " was accepted (the first head) or after the head's first byte (later heads),"
              + " however its bytes trickle in (slowloris), or whose request body, this long after"
              + " its head, has come slower than 240 bytes/s on average (over HTTP/2 its stream"
              + " is reset). 0s: never. Default:"
              + " ${DEFAULT-VALUE}.")
  String headerTimeout;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "Connections open at once on each listener (REST, gRPC); past it a new one is closed"
              + " as soon as it is accepted. Default: ${DEFAULT-VALUE}.")
  String maxConnections;

  @Option(
      names = "--request-buffer",
      paramLabel = "SIZE",
      description =
          "Bytes of requests held at once on each listener (REST bodies, gRPC messages); past it a"
              + " new request is answered 503 (Retry-After: 1) or UNAVAILABLE without being read."
              + " At least --max-message-size. Default: a sixteenth of the heap (-Xmx), at least"
              + " 64MiB.")
  String requestBuffer;

  @Option(
      names = "--sync-on-commit",
      description =
          "Force every commit to the disk device (fsync): acknowledged writes then survive power"
              + " loss, not only a killed process. Default: off.")
  boolean syncOnCommit;

  private final CliStreams streams;

  public ServeCommand(CliStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws InterruptedException {
    ServerOptions options = resolveOptions();
    ReferenceServer server;
    try {
      server = ReferenceServer.start(options);
    } catch (IOException e) {
      throw new BadInputException(
          "cannot listen on "
              + options.host()
              + " (gRPC port "
              + options.grpcPort()
              + ", HTTP port "
              + options.httpPort()
              + "): "
              + e.getMessage(),
          e);
    } catch (StoreException e) {
      throw new BadInputException("cannot open the store: " + e.getMessage(), e);
    } catch (IllegalStateException | UnsupportedOperationException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    server.installShutdownHook();
    if (exitOnStoreFailure) {
      server.stopWhenStoreFails();
    }
    streams.outText().println("blazebench serve: ready " + server.listeners());
    streams.outText().flush();
    server.awaitTermination();
    return server.stoppedByStoreFailure() ? ExitCodes.STORE_FAILED : ExitCodes.OK;
  }

  /** Whether a failed store stops the server (after {@link #resolveOptions}). */
  boolean exitsOnStoreFailure() {
    return exitOnStoreFailure;
  }

  /** The server's options as the flags say, checked before anything starts. */
  ServerOptions resolveOptions() {
    exitOnStoreFailure =
        switch (onStoreFailure) {
          case "exit" -> true;
          case "stay" -> false;
          default ->
              throw new BadInputException(
                  "--on-store-failure: '" + onStoreFailure + "' is neither exit nor stay");
        };
    try {
      ServerOptions options =
          ServerOptions.defaults()
              .withApis(ServerApi.parseList(apis))
              .withHost(host)
              .withGrpcPort(grpcPort)
              .withHttpPort(httpPort)
              .withDataDir(dataDir == null ? null : dataDir.toAbsolutePath())
              .withSeedRecords(FlagValues.count("--seed-records", seedRecords))
              .withWorkloadSeed(workloadSeed)
              // The connections first: the request buffer must hold the largest request.
              .withConnections(connectionLimits())
              .withMaxMessageBytes(FlagValues.bytes("--max-message-size", maxMessageSize))
              .withShutdownGrace(FlagValues.duration("--shutdown-grace", shutdownGrace))
              .withStore(StoreOptions.defaults().withSyncOnCommit(syncOnCommit));
      if (options.servesGrpc()
          && options.serves(ServerApi.REST)
          && options.grpcPort() != 0
          && options.grpcPort() == options.httpPort()) {
        throw new BadInputException(
            "--grpc-port and --http-port are both " + grpcPort + "; give them different ports");
      }
      return options;
    } catch (IllegalArgumentException e) {
      throw new BadInputException(flagOf(e.getMessage()), e);
    }
  }

  private ConnectionLimits connectionLimits() {
    ConnectionLimits limits =
        new ConnectionLimits(
                FlagValues.duration("--idle-timeout", idleTimeout),
                FlagValues.count("--max-connections", maxConnections))
            .withHeaderTimeout(FlagValues.duration("--header-timeout", headerTimeout));
    return requestBuffer == null
        ? limits
        : limits.withRequestBufferBytes(FlagValues.size("--request-buffer", requestBuffer));
  }

  /** ServerOptions names its parameters; say the flag the user typed instead. */
  private static String flagOf(String message) {
    return message
        .replaceFirst("^apis ", "--api ")
        .replaceFirst("^grpcPort ", "--grpc-port ")
        .replaceFirst("^httpPort ", "--http-port ")
        .replaceFirst("^host ", "--host ")
        .replaceFirst("^seedRecords ", "--seed-records ")
        .replaceFirst("^maxMessageBytes ", "--max-message-size ")
        .replaceFirst("^shutdownGrace ", "--shutdown-grace ")
        .replaceFirst("^idleTimeout ", "--idle-timeout ")
        .replaceFirst("^maxConnections ", "--max-connections ")
        .replaceFirst("^headerTimeout ", "--header-timeout ")
        .replaceFirst(
            "^requestBufferBytes must be at least maxMessageBytes",
            "--request-buffer must be at least --max-message-size")
        .replaceFirst("^(unknown API|empty API name)", "--api: $1");
  }
}
