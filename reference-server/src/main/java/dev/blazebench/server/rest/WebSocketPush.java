package dev.blazebench.server.rest;

import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.feed.ChangeSubscriber;
import dev.blazebench.server.feed.Subscription;
import dev.blazebench.server.feed.SubscriptionEnd;
import dev.blazebench.server.net.ConnectionLimits;
import dev.blazebench.server.store.ChangeEvent;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebSocket push on the HTTP port: {@code GET /v1/{collection}/subscribe?since=SEQ} (or {@code
 * since=latest}) upgraded to a WebSocket receives one JSON text message per batch of changes, the
 * shape of REST polling ({@link ChangesJson}) with {@code lastSequence} the batch's last sequence:
 * {@code {"changes": [...], "lastSequence": N}}. The client sends nothing; {@code since} is
 * <em>after</em>, 0 (the default) is every change the log keeps, as on gRPC.
 *
 * <p>Flow control: a batch is written and {@code onChanges} answers whether the socket's write
 * queue has room ({@link ServerWebSocket#writeQueueFull()}, bounded at {@value
 * #WRITE_QUEUE_MAX_BYTES} bytes); when it has none the feed holds further changes in the
 * subscription's bounded queue until the drain handler resumes it. A client that stops reading is
 * closed once that queue passes its bound. Closing the socket cancels the subscription.
 *
 * <p>Pings: with an idle timeout ({@link ConnectionLimits}), the server pings every subscriber at
 * half of it, so that a subscription to a quiet collection is not closed as idle. WebSocket clients
 * answer pings by themselves; one that has not answered when the next ping is due is closed.
 *
 * <p>Close codes (a reason is at most 123 bytes, so it carries the essentials):
 *
 * <pre>
 * 4000 "too slow; resume from N"          the client did not keep up; reconnect with since=N
 * 4001 "resync needed; last sequence N"   since is older than the log keeps: read again, then since=N
 * 1001 "server stopping; resume from N"   the server is shutting down
 * 1011 "delivery failed; resume from N"   a server-side failure
 * 1002 "no pong to the ping sent N ms ago" the client did not answer a ping
 * 1008 "..."                              a bad path, since or collection name
 * </pre>
 */
final class WebSocketPush implements Handler<ServerWebSocket> {

  /** The socket's write queue bound: past it, delivery pauses until it drains. */
  static final int WRITE_QUEUE_MAX_BYTES = 256 * 1024;

  static final short TOO_SLOW = 4000;
  static final short RESYNC_NEEDED = 4001;
  private static final short GOING_AWAY = 1001;
  private static final short PROTOCOL_ERROR = 1002;
  private static final short POLICY_VIOLATION = 1008;
  private static final short INTERNAL_ERROR = 1011;
  private static final int MAX_REASON_CHARS = 120;

  private static final Pattern PATH = Pattern.compile("/v1/([^/]+)/subscribe");

  private final BlazeDatabase db;
  private final Duration pingInterval;

  /**
   * @param pingInterval how often each subscriber is pinged; {@link Duration#ZERO} for never
   */
  WebSocketPush(BlazeDatabase db, Duration pingInterval) {
    this.db = db;
    this.pingInterval = pingInterval;
  }

  @Override
  public void handle(ServerWebSocket socket) {
    Matcher path = PATH.matcher(socket.path());
    if (!path.matches()) {
      socket.close(
          POLICY_VIOLATION, reason("no WebSocket at " + socket.path() + "; use /v1/{c}/subscribe"));
      return;
    }
    String collection = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
    String since = queryParam(socket.query(), "since");
    socket.setWriteQueueMaxSize(WRITE_QUEUE_MAX_BYTES);
    AtomicReference<Subscription> subscription = new AtomicReference<>();
    socket.drainHandler(
        v -> {
          Subscription current = subscription.get();
          if (current != null) {
            current.resume();
          }
        });
    Handler<Void> cancel =
        v -> {
          Subscription current = subscription.get();
          if (current != null) {
            current.cancel();
          }
        };
    socket.frameHandler(new TextMessageCheck(socket));
    Handler<Void> stopPinging = pingEvery(socket);
    socket.closeHandler(
        v -> {
          stopPinging.handle(null);
          cancel.handle(null);
        });
    socket.exceptionHandler(
        e -> {
          cancel.handle(null);
          if (e instanceof CorruptedWebSocketFrameException corrupted && !socket.isClosed()) {
            // Frames that break RFC 6455: say which rule before the connection goes.
            socket.close((short) corrupted.closeStatus().code(), reason(corrupted.getMessage()));
          }
        });
    // A graceful server stop waits for requests in progress; a subscription never ends by itself,
    // so it is ended here with the resume point instead of holding the stop for its whole grace.
    socket.shutdownHandler(
        v -> {
          Subscription current = subscription.get();
          cancel.handle(null);
          String resume = current == null ? "" : "; resume from " + current.lastDeliveredSequence();
          socket.close(GOING_AWAY, "server stopping" + resume);
        });
    try {
      ChangeSubscriber sink = new Sink(socket);
      if ("latest".equals(since)) {
        subscription.set(db.changeFeed().subscribeFromLatest(collection, sink));
      } else {
        subscription.set(db.changeFeed().subscribe(collection, parseSince(since), sink));
      }
    } catch (RuntimeException e) {
      socket.close(POLICY_VIOLATION, reason(String.valueOf(e.getMessage())));
      return;
    }
    if (socket.isClosed()) {
      cancel.handle(null); // closed before the subscription was set
    }
  }

  /**
   * Starts pinging {@code socket} (on its event loop); returns what stops it. A client that has not
   * answered a ping by the time the next is due is closed with 1002: RFC 6455 §5.5.2 requires the
   * pong, and without it the pings alone would keep a dead connection from ever looking idle.
   */
  private Handler<Void> pingEvery(ServerWebSocket socket) {
    if (pingInterval.isZero()) {
      return v -> {};
    }
    boolean[] awaitingPong = {false}; // touched on the socket's event loop only
    socket.pongHandler(data -> awaitingPong[0] = false);
    Vertx vertx = Vertx.currentContext().owner();
    long timer =
        vertx.setPeriodic(
            Math.max(1, pingInterval.toMillis()),
            id -> {
              if (socket.isClosed()) {
                return;
              }
              if (awaitingPong[0]) {
                socket.close(
                    PROTOCOL_ERROR,
                    "no pong to the ping sent " + pingInterval.toMillis() + " ms ago");
                return;
              }
              awaitingPong[0] = true;
              socket.writePing(Buffer.buffer());
            });
    return v -> vertx.cancelTimer(timer);
  }

  private static long parseSince(String since) {
    if (since == null) {
      return 0;
    }
    try {
      long value = Long.parseLong(since);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "since: expected a sequence (>= 0) or \"latest\", was \"" + since + "\"");
  }

  private static String queryParam(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (key.equals(name)) {
        return equals < 0
            ? ""
            : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String reason(String text) {
    return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS);
  }

  /** The feed's side: one text message per batch; readiness from the write queue. */
  private static final class Sink implements ChangeSubscriber {
    private final ServerWebSocket socket;

    Sink(ServerWebSocket socket) {
      this.socket = socket;
    }

    @Override
    public boolean onChanges(List<ChangeEvent> events) {
      long last = events.get(events.size() - 1).sequence();
      socket.writeTextMessage(ChangesJson.envelope(events, last, null).toString());
      return !socket.writeQueueFull();
    }

    @Override
    public void onEnd(SubscriptionEnd end) {
      long last = end.lastDeliveredSequence();
      if (end instanceof SubscriptionEnd.SubscriberTooSlow) {
        socket.close(TOO_SLOW, "too slow; resume from " + last);
      } else if (end instanceof SubscriptionEnd.ResyncRequired resync) {
        socket.close(
            RESYNC_NEEDED, "resync needed; last sequence " + resync.resync().lastSequence());
      } else if (end instanceof SubscriptionEnd.FeedClosed) {
        socket.close(GOING_AWAY, "server stopping; resume from " + last);
      } else {
        socket.close(INTERNAL_ERROR, "delivery failed; resume from " + last);
      }
    }
  }
}
