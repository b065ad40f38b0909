package dev.blazebench.server.rest;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One HTTP server on one event loop. {@link RestServer} deploys one per event loop on the same
 * port; Vert.x then hands each new connection to the next of them in turn, so connections spread
 * over the loops.
 */
final class RestVerticle extends VerticleBase {

  private final HttpServerOptions serverOptions;
  private final Function<io.vertx.core.Vertx, Router> routes;
  private final Handler<ServerWebSocket> webSockets;
  private HttpServer server;

  RestVerticle(
      HttpServerOptions serverOptions,
      Function<io.vertx.core.Vertx, Router> routes,
      Handler<ServerWebSocket> webSockets) {
    this.webSockets = webSockets;
    this.serverOptions = serverOptions;
    this.routes = routes;
  }

  @Override
  public Future<?> start() {
    server =
        vertx
            .createHttpServer(serverOptions)
            .webSocketHandler(webSockets)
            .requestHandler(routes.apply(vertx));
    return server.listen();
  }

  /**
   * Stops gracefully: no new connections; HTTP/1.1 connections close once their request in progress
   * has been answered, HTTP/2 ones get a GOAWAY and finish their streams, WebSockets are closed
   * with 1001 (going away); after {@code grace} whatever is left is closed.
   */
  Future<Void> shutdown(Duration grace) {
    return server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The port this server listens on (after {@link #start()} completed). */
  int actualPort() {
    return server.actualPort();
  }
}
