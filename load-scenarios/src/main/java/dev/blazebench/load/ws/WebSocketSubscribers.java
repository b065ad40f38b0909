package dev.blazebench.load.ws;

import dev.blazebench.load.api.TargetUnreachableException;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.realtime.ChangeSink;
import dev.blazebench.load.realtime.ChangesJson;
import dev.blazebench.load.realtime.SubscriberApi;
import dev.blazebench.load.realtime.SubscriptionFailures;
import dev.blazebench.load.realtime.VertxClients;
import dev.blazebench.load.wire.WireCounter;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * WebSocket/JSON subscribers ({@code websocket-json}): each opens its own WebSocket to {@code
 * ws://host:port/v1/{collection}/subscribe?since=latest} on Vert.x's WebSocket client and receives
 * one JSON text message per batch of changes, decoded in full ({@link ChangesJson}). Every byte of
 * the upgrade request and response and of every frame is counted at the socket ({@link
 * dev.blazebench.load.wire.CountingVertxTransport}).
 *
 * <p>The reference server has no request/response calls over WebSocket, so this API serves only the
 * {@code realtime} scenario.
 */
public final class WebSocketSubscribers implements SubscriberApi {

  /** The API's name in results. */
  public static final String NAME = "websocket-json";

  /** The largest message accepted (a batch of many changes). */
  private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final String host;
  private final int port;
  private final WireCounter wireCounter = new WireCounter(WireCounter.NETTY_SOCKET_HANDLER);
  private final Vertx vertx;
  private final WebSocketClient client;
  private final Set<WebSocket> sockets = ConcurrentHashMap.newKeySet();

  public WebSocketSubscribers(String host, int port) {
    this.host = host;
    this.port = port;
    this.vertx = VertxClients.counting(wireCounter);
    this.client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setConnectTimeout(3_000)
                .setTcpNoDelay(true)
                .setMaxFrameSize(MAX_MESSAGE_BYTES)
                .setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setMaxConnections(Integer.MAX_VALUE));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public WireCounter wireCounter() {
    return wireCounter;
  }

  @Override
  public OpOutcome classify(Throwable error) {
    return SubscriptionFailures.classify(error);
  }

  private WebSocketConnectOptions options(String collection) {
    return new WebSocketConnectOptions()
        .setHost(host)
        .setPort(port)
        .setURI(
            "/v1/"
                + URLEncoder.encode(collection, StandardCharsets.UTF_8).replace("+", "%20")
                + "/subscribe?since=latest");
  }

  @Override
  public void awaitReady(long timeoutMillis) throws InterruptedException {
    try {
      WebSocket socket =
          client
              .connect(options("bugs"))
              .toCompletionStage()
              .toCompletableFuture()
              .get(timeoutMillis, TimeUnit.MILLISECONDS);
      socket.close();
    } catch (ExecutionException | TimeoutException e) {
      String why =
          e instanceof TimeoutException ? "no answer" : String.valueOf(e.getCause().getMessage());
      throw new TargetUnreachableException(
          "cannot open a WebSocket to ws://"
              + host
              + ":"
              + port
              + " within "
              + timeoutMillis
              + " ms ("
              + why
              + "): is the server's HTTP port there?");
    }
  }

  @Override
  public AutoCloseable subscribe(String collection, ChangeSink sink) {
    Subscription subscription = new Subscription(sink);
    client
        .connect(options(collection))
        .onComplete(socket -> subscription.opened(socket), error -> subscription.end(error));
    return subscription::close;
  }

  /** One subscriber's socket. */
  private final class Subscription {
    private final ChangeSink sink;
    private volatile WebSocket socket;
    private volatile boolean closing;
    private boolean ended; // event-loop thread

    Subscription(ChangeSink sink) {
      this.sink = sink;
    }

    void opened(WebSocket opened) {
      socket = opened;
      sockets.add(opened);
      opened.textMessageHandler(this::message);
      opened.binaryMessageHandler(
          buffer ->
              end(
                  new SubscriptionFailures.UndecodableMessage(
                      NAME, new IllegalArgumentException("a binary message, not JSON text"))));
      opened.exceptionHandler(this::end);
      opened.closeHandler(
          ignored ->
              end(
                  new SubscriptionFailures.ClosedByServer(
                      "WebSocket closed: "
                          + opened.closeStatusCode()
                          + " "
                          + opened.closeReason())));
      if (closing) {
        close();
      }
    }

    void message(String text) {
      if (ended) {
        return;
      }
      byte[] json = text.getBytes(StandardCharsets.UTF_8);
      ChangesJson.Page page;
      try {
        page = ChangesJson.decode(json);
      } catch (RuntimeException e) {
        end(new SubscriptionFailures.UndecodableMessage(NAME, e));
        WebSocket open = socket;
        if (open != null) {
          open.close();
        }
        return;
      }
      sink.onChanges(page.changes(), System.nanoTime(), json.length);
    }

    void end(Throwable cause) {
      if (ended || closing) {
        return;
      }
      ended = true;
      sink.onEnd(cause);
    }

    void close() {
      closing = true;
      WebSocket open = socket;
      if (open != null) {
        sockets.remove(open);
        open.close();
      }
    }
  }

  @Override
  public void close() {
    for (WebSocket socket : sockets) {
      socket.close();
    }
    sockets.clear();
    try {
      client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // closing anyway
    } finally {
      VertxClients.close(vertx);
    }
  }
}
