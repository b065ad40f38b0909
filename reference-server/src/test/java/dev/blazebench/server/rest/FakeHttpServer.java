package dev.blazebench.server.rest;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Vert.x HTTP server that answers every request with one fixed response: for client behaviour on
 * answers the real server never gives (a body that does not decode, a proxy's HTML error page).
 */
final class FakeHttpServer implements AutoCloseable {

  private final Vertx vertx;
  private final HttpServer server;
  private final AtomicReference<io.vertx.core.MultiMap> lastHeaders = new AtomicReference<>();

  private FakeHttpServer(Vertx vertx, int status, byte[] body, String contentEncoding)
      throws Exception {
    this.vertx = vertx;
    this.server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  lastHeaders.set(request.headers());
                  request
                      .body()
                      .onComplete(
                          ignored -> {
                            var response = request.response().setStatusCode(status);
                            if (contentEncoding != null) {
                              response.putHeader("Content-Encoding", contentEncoding);
                            }
                            response.end(Buffer.buffer(body));
                          });
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  /** A server answering {@code status} with {@code body} (and Content-Encoding if not null). */
  static FakeHttpServer answering(int status, byte[] body, String contentEncoding)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      return new FakeHttpServer(vertx, status, body, contentEncoding);
    } catch (Exception e) {
      vertx.close();
      throw e;
    }
  }

  String baseUri() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** A header of the last request received, or null. */
  String lastRequestHeader(String name) {
    io.vertx.core.MultiMap headers = lastHeaders.get();
    return headers == null ? null : headers.get(name);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
