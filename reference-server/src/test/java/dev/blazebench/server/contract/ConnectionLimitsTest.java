package dev.blazebench.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.net.ConnectionCap;
import dev.blazebench.server.net.ConnectionLimits;
import dev.blazebench.server.rest.RestMetrics;
import dev.blazebench.server.rest.RestOptions;
import dev.blazebench.server.rest.RestServer;
import dev.blazebench.server.store.BlazeStore;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listeners' {@link ConnectionLimits} against real servers: REST connections that go quiet
 * (before, during or after a request) are closed once idle, a quiet WebSocket subscriber is pinged
 * and kept (closed if it does not answer), an idle gRPC connection is sent GOAWAY, and connections
 * past the cap (REST and gRPC) are closed as they come while those below it are served. The idle
 * timeout here is short so that the test does not wait long; what it checks is that a connection
 * ends, not how fast.
 */
class ConnectionLimitsTest {

  private static final Duration IDLE = Duration.ofSeconds(1);

  /** Far longer than {@link #IDLE}: a connection still open after it was not closed as idle. */
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static final String GET_CHANGES =
      "GET /v1/bugs/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

  @TempDir Path dataDir;

  private BlazeStore store;
  private BlazeDatabase db;
  private RestServer server;
  private final List<Socket> sockets = new ArrayList<>();

  private void start(ConnectionLimits limits) {
    server = startRest(RestOptions.defaults().withConnections(limits));
  }

  private RestServer startRest(RestOptions options) {
    store = BlazeStore.open(dataDir);
    db = new BlazeDatabase(store);
    return RestServer.start(db, options);
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aConnectionThatSendsNothingIsClosedOnceIdle() {
    start(ConnectionLimits.defaults().withIdleTimeout(IDLE));
    Socket socket = connect();

    assertThat(readUntilEnd(socket)).isEmpty();
  }

  @Test
  void aConnectionWithHalfARequestIsClosedOnceIdle() {
    start(ConnectionLimits.defaults().withIdleTimeout(IDLE));
    Socket socket = connect();
    write(socket, "GET /v1/bugs/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n");

    assertThat(readUntilEnd(socket)).isEmpty();
  }

  @Test
  void aKeepAliveConnectionIsClosedOnceIdleAfterItsAnswer() {
    start(ConnectionLimits.defaults().withIdleTimeout(IDLE));
    Socket socket = connect();
    write(socket, GET_CHANGES);

    // The answer, then the end of the connection, with nothing else sent.
    assertThat(readUntilEnd(socket)).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  void aQuietWebSocketSubscriberIsPingedAndKept() {
    start(ConnectionLimits.defaults().withIdleTimeout(IDLE));
    try (RawWebSocket ws =
        RawWebSocket.open(server.actualPort(), "/v1/bugs/subscribe?since=latest")) {
      // Four idle timeouts with no change: pings come, the client answers them, nothing closes.
      int pings = 0;
      long until = System.nanoTime() + IDLE.multipliedBy(4).toNanos();
      while (System.nanoTime() < until) {
        RawWebSocket.Frame frame = ws.next(IDLE);
        if (frame == null) {
          continue;
        }
        assertThat(frame.opcode()).as("frame %s", frame).isEqualTo(RawWebSocket.PING);
        pings++;
        ws.send(RawWebSocket.PONG, frame.payload());
      }
      assertThat(pings).isGreaterThanOrEqualTo(2);

      // Still subscribed: a change arrives.
      db.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 1));
      RawWebSocket.Frame change = nextNotPing(ws);
      assertThat(change).isNotNull();
      assertThat(change.opcode()).isEqualTo(RawWebSocket.TEXT);
      assertThat(new String(change.payload(), StandardCharsets.UTF_8)).contains("\"changes\"");
    }
  }

  @Test
  void aSubscriberThatDoesNotAnswerPingsIsClosed() {
    start(ConnectionLimits.defaults().withIdleTimeout(IDLE));
    try (RawWebSocket ws =
        RawWebSocket.open(server.actualPort(), "/v1/bugs/subscribe?since=latest")) {
      RawWebSocket.Frame close = ws.awaitClose(WAIT);

      assertThat(close).isNotNull();
      assertThat(ByteBuffer.wrap(close.payload()).getShort()).isEqualTo((short) 1002);
      assertThat(new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8))
          .startsWith("no pong to the ping");
    }
  }

  @Test
  void noIdleTimeoutKeepsAQuietConnection() {
    start(ConnectionLimits.defaults().withIdleTimeout(Duration.ZERO));
    Socket socket = connect();
    write(socket, GET_CHANGES);
    assertThat(readResponseHead(socket)).startsWith("HTTP/1.1 200 OK");

    // Several times what the other tests wait for a close, then still served.
    assertThat(endsWithin(socket, IDLE.multipliedBy(5))).isFalse();
    write(socket, GET_CHANGES);
    assertThat(readResponseHead(socket)).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  void aConnectionTricklingItsFirstHeadIsClosedAtTheHeaderTimeout() throws Exception {
    // Never idle (a byte every 100 ms, and no idle timeout), never a whole head.
    start(ConnectionLimits.defaults().withIdleTimeout(Duration.ZERO).withHeaderTimeout(IDLE));
    assertClosedWhileTrickling(connect(), SLOW_HEAD, Duration.ZERO);
    assertThat(server.metrics().headsTimedOut()).isEqualTo(1);

    // A head that arrives whole in time leaves the connection to the idle timeout (none here):
    // still served after several header timeouts.
    // (Its empty line split between two reads.)
    Socket kept = connect();
    write(kept, GET_CHANGES.substring(0, GET_CHANGES.length() - 1));
    Thread.sleep(50);
    write(kept, "\n");
    assertThat(readResponseHead(kept)).startsWith("HTTP/1.1 200 OK");
    assertThat(endsWithin(kept, IDLE.multipliedBy(3))).isFalse();
    write(kept, GET_CHANGES);
    assertThat(readResponseHead(kept)).startsWith("HTTP/1.1 200 OK");
    // So does the HTTP/2 preface's empty line.
    try (RawHttp2Connection h2 = RawHttp2Connection.open(server.actualPort())) {
      assertThat(getChanges(h2).completed()).isTrue();
    }
    assertThat(server.metrics().headsTimedOut()).isEqualTo(1);
  }

  @Test
  void aLaterHeadTrickledOnAKeepAliveConnectionIsClosedAtTheHeaderTimeout() throws Exception {
    // The wait for the next request is not timed (that is the idle timeout's, none here); the
    // next head is, from its first byte.
    trickleSecondHead(IDLE, IDLE.multipliedBy(3), Duration.ZERO);
  }

  @Test
  void aLaterHeadGetsTheWholeHeaderTimeoutFromItsFirstByte() throws Exception {
    // The next head begins halfway to the first head's deadline, when the server checks next:
    // that check finds a head with time left, whose own deadline is later.
    Duration headerTimeout = Duration.ofSeconds(2);
    trickleSecondHead(
        headerTimeout, headerTimeout.dividedBy(2), headerTimeout.multipliedBy(3).dividedBy(4));
  }

  /**
   * On a server with {@code headerTimeout} and no idle timeout: one request answered on a
   * keep-alive connection, which stays open for {@code pause}; then the next head trickled, which
   * leaves it open for {@code stillOpen} more and has it closed by the header timeout.
   */
  private void trickleSecondHead(Duration headerTimeout, Duration pause, Duration stillOpen)
      throws InterruptedException {
    start(
        ConnectionLimits.defaults()
            .withIdleTimeout(Duration.ZERO)
            .withHeaderTimeout(headerTimeout));
    Socket socket = connect();
    write(socket, GET_CHANGES);
    assertThat(readResponseHead(socket)).startsWith("HTTP/1.1 200 OK");
    assertThat(endsWithin(socket, pause)).as("closed between requests").isFalse();

    assertClosedWhileTrickling(socket, SLOW_HEAD, stillOpen);
    assertThat(server.metrics().headsTimedOut()).isEqualTo(1);
  }

  @Test
  void aBodyTakingLongerThanTheHeaderTimeoutIsServedAndSoIsTheNextRequest() {
    start(ConnectionLimits.defaults().withIdleTimeout(Duration.ZERO).withHeaderTimeout(IDLE));
    String record = "{\"title\":\"slow body\"}";
    Socket socket = connect();
    write(socket, postHead(30 * 100 + record.length()));
    // 100 bytes every 100 ms for three header timeouts: slow, but far above 240 bytes a second.
    for (int i = 0; i < 30; i++) {
      write(socket, " ".repeat(100));
      sleep(Duration.ofMillis(100));
    }
    write(socket, record);

    assertThat(readResponseHead(socket)).startsWith("HTTP/1.1 201");
    assertThat(db.count("bugs")).isEqualTo(1);
    write(socket, GET_CHANGES);
    assertThat(readResponseHead(socket)).startsWith("HTTP/1.1 200 OK");
    assertThat(server.metrics().headsTimedOut()).isZero();
    assertThat(server.metrics().slowBodiesClosed()).isZero();
  }

  @Test
  void aBodyTrickledBelow240BytesASecondIsClosedPastTheHeaderTimeout() throws Exception {
    start(ConnectionLimits.defaults().withIdleTimeout(Duration.ZERO).withHeaderTimeout(IDLE));
    String record = "{\"title\":\"never whole\"}";
    Socket socket = connect();
    write(socket, postHead(1000 + record.length()));
    // Ten bytes a second: never idle, never done.
    assertClosedWhileTrickling(socket, " ".repeat(1000) + record, Duration.ZERO);
    assertThat(server.metrics().slowBodiesClosed()).isEqualTo(1);
    assertThat(server.metrics().headsTimedOut()).isZero();
    // Nothing stored, and the body's reservation returned.
    assertThat(db.count("bugs")).isZero();
    awaitTrue(() -> server.metrics().bodyBytesHeld() == 0);
  }

  @Test
  void connectionsThatLeaveHttp1AreNotTimedAsHeads() {
    start(ConnectionLimits.defaults().withIdleTimeout(Duration.ZERO).withHeaderTimeout(IDLE));
    // A WebSocket subscriber talking for longer than the header timeout: its frames are no heads.
    try (RawWebSocket ws =
        RawWebSocket.open(server.actualPort(), "/v1/bugs/subscribe?since=latest")) {
      long until = System.nanoTime() + IDLE.multipliedBy(3).toNanos();
      while (System.nanoTime() < until) {
        ws.send(RawWebSocket.PING, new byte[] {1});
        RawWebSocket.Frame pong = ws.next(WAIT);
        assertThat(pong).isNotNull();
        assertThat(pong.opcode()).as("frame %s", pong).isEqualTo(RawWebSocket.PONG);
        sleep(Duration.ofMillis(200));
      }
      db.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 1));
      RawWebSocket.Frame change = ws.next(WAIT);
      assertThat(change).isNotNull();
      assertThat(change.opcode()).as("frame %s", change).isEqualTo(RawWebSocket.TEXT);
    }
    // HTTP/2, by prior knowledge and by an h2c upgrade: requests after several header timeouts.
    try (RawHttp2Connection h2 = RawHttp2Connection.open(server.actualPort());
        RawHttp2Connection upgraded =
            RawHttp2Connection.upgrade(server.actualPort(), "/v1/bugs/changes")) {
      assertThat(getChanges(h2, 1).completed()).isTrue();
      assertThat(upgraded.awaitAnswer(1, WAIT).completed()).isTrue();
      sleep(IDLE.multipliedBy(3));
      assertThat(getChanges(h2, 3).completed()).isTrue();
      assertThat(getChanges(upgraded, 3).completed()).isTrue();
    }
    assertThat(server.metrics().headsTimedOut()).isZero();
  }

  @Test
  void anHttp2ConnectionWithNoOpenRequestIsClosedOnceIdleWhateverFramesItSends() throws Exception {
    start(ConnectionLimits.defaults().withIdleTimeout(IDLE));
    // By prior knowledge, after a request: PINGs (each of which resets Vert.x's own idle timeout).
    try (RawHttp2Connection h2 = RawHttp2Connection.open(server.actualPort())) {
      assertThat(getChanges(h2).completed()).isTrue();
      Thread pings =
          every(
              Duration.ofMillis(200),
              () -> {
                h2.send(RawHttp2Connection.PING, 0, 0, new byte[8]);
                h2.flush();
              });
      try {
        RawHttp2Connection.Frame goAway = h2.awaitGoAway(WAIT);
        assertThat(goAway).as("GOAWAY while pinging").isNotNull();
        assertThat(goAway.errorCode()).isZero();
      } finally {
        pings.interrupt();
        pings.join();
      }
    }
    // Upgraded from HTTP/1.1: a header block that never ends, one CONTINUATION at a time (no
    // stream is open until it ends).
    try (RawHttp2Connection h2 =
        RawHttp2Connection.upgrade(server.actualPort(), "/v1/bugs/changes")) {
      assertThat(h2.awaitAnswer(1, WAIT).completed()).isTrue();
      h2.send(RawHttp2Connection.HEADERS, 0, 3, h2.headerBlock(h2Request("GET", "/v1/bugs")));
      Thread continuations =
          every(
              Duration.ofMillis(200),
              () -> {
                h2.send(
                    RawHttp2Connection.CONTINUATION,
                    0,
                    3,
                    h2.headerBlock(RawHttp2Connection.headers("x-slow", "a")));
                h2.flush();
              });
      try {
        assertThat(h2.awaitGoAway(WAIT)).as("GOAWAY while continuing a header block").isNotNull();
      } finally {
        continuations.interrupt();
        continuations.join();
      }
    }
    assertThat(server.metrics().idleHttp2Closes()).isEqualTo(2);
  }

  @Test
  void anHttp2RequestOpenForLongerThanTheIdleTimeoutKeepsItsConnection() throws Exception {
    start(ConnectionLimits.defaults().withIdleTimeout(IDLE));
    try (RawHttp2Connection h2 = RawHttp2Connection.open(server.actualPort())) {
      // The body a byte every 100 ms, three idle timeouts long: one request open all along.
      RawHttp2Connection.Answer answer =
          insertSlowly(h2, 1, 30, "{\"title\":\"slow http/2 body\"}");
      assertThat(answer.completed()).as("%s", answer).isTrue();
      assertThat(answer.headers().status().toString()).isEqualTo("201");
    }
    assertThat(db.count("bugs")).isEqualTo(1);
    assertThat(server.metrics().idleHttp2Closes()).isZero();
  }

  @Test
  void anHttp2BodyTrickledBelow240BytesASecondIsResetPastTheHeaderTimeout() throws Exception {
    start(ConnectionLimits.defaults().withIdleTimeout(Duration.ZERO).withHeaderTimeout(IDLE));
    try (RawHttp2Connection h2 = RawHttp2Connection.open(server.actualPort())) {
      // Stream 1: a POST whose body comes five bytes a second, with PINGs between.
      startPost(h2, 1);
      RawHttp2Connection.Answer trickled =
          awaitAnswerWhile(
              h2,
              1,
              () -> {
                h2.send(RawHttp2Connection.DATA, 0, 1, new byte[] {' '});
                h2.send(RawHttp2Connection.PING, 0, 0, new byte[8]);
              });
      assertThat(trickled.reset()).as("%s", trickled).isNotNull();
      assertThat(trickled.reset().errorCode()).isEqualTo(0x8); // CANCEL

      // Stream 3: a POST whose body never starts, while PINGs keep the connection busy.
      startPost(h2, 3);
      RawHttp2Connection.Answer silent =
          awaitAnswerWhile(h2, 3, () -> h2.send(RawHttp2Connection.PING, 0, 0, new byte[8]));
      assertThat(silent.reset()).as("%s", silent).isNotNull();

      // Only the streams were reset: the connection serves the next request.
      RawHttp2Connection.Answer next = getChanges(h2, 5);
      assertThat(next.completed()).as("%s", next).isTrue();
    }
    assertThat(server.metrics().slowBodiesClosed()).isEqualTo(2);
    assertThat(db.count("bugs")).isZero();
    awaitTrue(() -> server.metrics().bodyBytesHeld() == 0);
  }

  @Test
  void anHttp2BodyTakingLongerThanTheHeaderTimeoutAtAFairRateIsServed() {
    start(ConnectionLimits.defaults().withIdleTimeout(Duration.ZERO).withHeaderTimeout(IDLE));
    try (RawHttp2Connection h2 = RawHttp2Connection.open(server.actualPort())) {
      // 100 bytes every 100 ms for three header timeouts: slow, but far above 240 bytes a second.
      RawHttp2Connection.Answer answer = insertSlowly(h2, 100, 30, "{\"title\":\"slow, steady\"}");
      assertThat(answer.completed()).as("%s", answer).isTrue();
      assertThat(answer.headers().status().toString()).isEqualTo("201");
    }
    assertThat(db.count("bugs")).isEqualTo(1);
    assertThat(server.metrics().slowBodiesClosed()).isZero();
  }

  /**
   * Inserts {@code record} on stream 1, its body sent as {@code count} DATA frames of {@code
   * spaces} spaces 100 ms apart, then the record: how the request ended.
   */
  private static RawHttp2Connection.Answer insertSlowly(
      RawHttp2Connection h2, int spaces, int count, String record) {
    startPost(h2, 1);
    for (int i = 0; i < count; i++) {
      h2.send(RawHttp2Connection.DATA, 0, 1, " ".repeat(spaces).getBytes(StandardCharsets.UTF_8));
      h2.flush();
      sleep(Duration.ofMillis(100));
    }
    h2.send(
        RawHttp2Connection.DATA,
        RawHttp2Connection.END_STREAM,
        1,
        record.getBytes(StandardCharsets.UTF_8));
    h2.flush();
    return h2.awaitAnswer(1, WAIT);
  }

  /** Awaits the answer on {@code stream} while {@code frames} are sent every 200 ms. */
  private static RawHttp2Connection.Answer awaitAnswerWhile(
      RawHttp2Connection h2, int stream, Runnable frames) throws InterruptedException {
    Thread sender =
        every(
            Duration.ofMillis(200),
            () -> {
              frames.run();
              h2.flush();
            });
    try {
      return h2.awaitAnswer(stream, WAIT);
    } finally {
      sender.interrupt();
      sender.join();
    }
  }

  /** The headers of a record insert on {@code stream}, its body to follow. */
  private static void startPost(RawHttp2Connection h2, int stream) {
    h2.send(
        RawHttp2Connection.HEADERS,
        RawHttp2Connection.END_HEADERS,
        stream,
        h2.headerBlock(h2Request("POST", "/v1/bugs")));
    h2.flush();
  }

  @Test
  void noHeaderTimeoutWaitsForAHalfHead() {
    start(
        ConnectionLimits.defaults()
            .withIdleTimeout(Duration.ZERO)
            .withHeaderTimeout(Duration.ZERO));
    Socket socket = connect();
    write(socket, "GET /v1/bugs/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n");

    assertThat(endsWithin(socket, IDLE.multipliedBy(3))).isFalse();
    write(socket, "\r\n");
    assertThat(readResponseHead(socket)).startsWith("HTTP/1.1 200 OK");
    assertThat(server.metrics().headsTimedOut()).isZero();
  }

  @Test
  void connectionsPastTheCapAreClosedAndTheOthersServed() {
    start(new ConnectionLimits(Duration.ZERO, 3));
    RestMetrics metrics = server.metrics();
    // Counted from the accept on: connections that have sent nothing take their place too.
    List<Socket> admitted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      admitted.add(connect());
    }
    awaitTrue(() -> metrics.connectionsOpen() == 3);

    Socket fourth = connect();
    write(fourth, GET_CHANGES);
    assertThat(readUntilEnd(fourth)).as("answer to a connection past the cap").isEmpty();
    assertThat(metrics.connectionsRefused()).isEqualTo(1);

    // The three are served; once one closes, a new connection is too.
    for (Socket socket : admitted) {
      write(socket, GET_CHANGES);
      assertThat(readResponseHead(socket)).startsWith("HTTP/1.1 200 OK");
    }
    close(admitted.get(0));
    awaitTrue(() -> metrics.connectionsOpen() == 2);
    Socket fifth = connect();
    write(fifth, GET_CHANGES);
    assertThat(readResponseHead(fifth)).startsWith("HTTP/1.1 200 OK");

    for (Socket socket : sockets) {
      close(socket);
    }
    awaitTrue(() -> metrics.connectionsOpen() == 0);
    assertThat(metrics.connectionsRefused()).isEqualTo(1);
    assertThat(metrics.connectionsOpened()).isEqualTo(4);
  }

  @Test
  void anH2cConnectionCountsOnceAndIsReleased() {
    start(new ConnectionLimits(Duration.ZERO, 3));
    RestMetrics metrics = server.metrics();
    try (RawHttp2Connection h2 = RawHttp2Connection.open(server.actualPort())) {
      h2.send(
          RawHttp2Connection.HEADERS,
          RawHttp2Connection.END_HEADERS | RawHttp2Connection.END_STREAM,
          1,
          h2.headerBlock(
              RawHttp2Connection.headers(
                  ":method",
                  "GET",
                  ":scheme",
                  "http",
                  ":authority",
                  "127.0.0.1",
                  ":path",
                  "/v1/bugs/changes")));
      h2.flush();
      RawHttp2Connection.Answer answer = h2.awaitAnswer(1, WAIT);
      assertThat(answer.completed()).as("%s", answer).isTrue();
      assertThat(metrics.connectionsOpen()).isEqualTo(1);
    }
    Socket upgraded = connect();
    write(
        upgraded,
        "GET /v1/bugs/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
            + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\n");
    assertThat(readResponseHead(upgraded)).startsWith("HTTP/1.1 101");
    awaitTrue(() -> metrics.connectionsOpen() == 1);
    close(upgraded);
    awaitTrue(() -> metrics.connectionsOpen() == 0);
  }

  @Test
  void requestBodiesPastTheBufferAreAnsweredBusyUnreadAndTheBufferEmpties() {
    int maxBody = 1_000_000;
    RestMetrics metrics = startWithRequestBuffer(maxBody, 1_500_000);

    // A body of 1,000,000 declared bytes, half sent: reserved from the head on.
    Socket slow = connect();
    String record = "{\"title\":\"held\"}";
    write(slow, postHead(maxBody) + " ".repeat(maxBody / 2));
    awaitTrue(() -> metrics.bodyBytesHeld() == maxBody);

    // Another one that size does not fit: 503 at once, its body unread, nothing stored.
    Socket refused = connect();
    write(refused, postHead(maxBody));
    String answer = readUntilEnd(refused);
    assertThat(answer).startsWith("HTTP/1.1 503").contains("Retry-After: 1");
    assertThat(answer).contains("\"error\":\"UNAVAILABLE\"").contains("--request-buffer");
    // Nor does a chunked body, which may be as large as the largest body accepted.
    Socket chunked = connect();
    write(
        chunked,
        "POST /v1/bugs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n");
    assertThat(readUntilEnd(chunked)).startsWith("HTTP/1.1 503");
    assertThat(metrics.bodiesRefused()).isEqualTo(2);

    // A small one fits beside the held body and is stored.
    Socket small = connect();
    write(small, postHead(record.length()) + record);
    assertThat(readResponseHead(small)).startsWith("HTTP/1.1 201");
    assertThat(db.count("bugs")).isEqualTo(1);

    // The slow body completes and is stored; every reservation is returned.
    write(slow, " ".repeat(maxBody / 2 - record.length()) + record);
    assertThat(readResponseHead(slow)).startsWith("HTTP/1.1 201");
    assertThat(db.count("bugs")).isEqualTo(2);
    awaitTrue(() -> metrics.bodyBytesHeld() == 0);

    // A client that leaves mid-body returns its reservation too.
    Socket leaving = connect();
    write(leaving, postHead(maxBody) + " ".repeat(1000));
    awaitTrue(() -> metrics.bodyBytesHeld() == maxBody);
    close(leaving);
    awaitTrue(() -> metrics.bodyBytesHeld() == 0);
    assertThat(db.count("bugs")).isEqualTo(2);
  }

  @Test
  void anHttp2RequestWithoutLengthReservesByItsMethod() {
    int maxBody = 1_000_000;
    RestMetrics metrics = startWithRequestBuffer(maxBody, maxBody);
    // The buffer full: a body of the largest size, half sent.
    Socket slow = connect();
    write(slow, postHead(maxBody) + " ".repeat(maxBody / 2));
    awaitTrue(() -> metrics.bodyBytesHeld() == maxBody);

    try (RawHttp2Connection h2 = RawHttp2Connection.open(server.actualPort())) {
      // A GET carries no body: it is served beside the full buffer (h2load's GETs were refused
      // when every HTTP/2 request without content-length reserved the largest body).
      RawHttp2Connection.Answer get = getChanges(h2);
      assertThat(get.completed()).as("%s", get).isTrue();
      assertThat(get.headers().status().toString()).isEqualTo("200");

      // A POST whose length is unknown may be as large as the largest body: refused.
      h2.send(
          RawHttp2Connection.HEADERS,
          RawHttp2Connection.END_HEADERS,
          3,
          h2.headerBlock(h2Request("POST", "/v1/bugs")));
      h2.flush();
      RawHttp2Connection.Answer post = h2.awaitAnswer(3, WAIT);
      assertThat(post.completed()).as("%s", post).isTrue();
      assertThat(post.headers().status().toString()).isEqualTo("503");
    }
    assertThat(metrics.bodiesRefused()).isEqualTo(1);
  }

  @Test
  void aBodySentWithAGetIsRefusedAsItComesAndNeverBuffered() {
    int maxBody = 1_000_000;
    RestMetrics metrics = startWithRequestBuffer(maxBody, maxBody);
    try (RawHttp2Connection h2 = RawHttp2Connection.open(server.actualPort())) {
      // An HTTP/2 GET reserves nothing without content-length; DATA frames after it are not read
      // into a body that the buffer does not count: the first one is refused.
      h2.send(
          RawHttp2Connection.HEADERS,
          RawHttp2Connection.END_HEADERS,
          1,
          h2.headerBlock(h2Request("GET", "/v1/bugs/changes")));
      h2.send(RawHttp2Connection.DATA, 0, 1, new byte[16_000]);
      h2.flush();
      RawHttp2Connection.Answer get = h2.awaitAnswer(1, WAIT);
      assertThat(get.completed()).as("%s", get).isTrue();
      assertThat(get.headers().status().toString()).isEqualTo("413");
    }
    assertThat(metrics.bodyBytesHeld()).isZero();

    // Over HTTP/1.1 a DELETE declaring a body is refused too, saying why; its body is not taken
    // for the next request, which is served.
    Socket socket = connect();
    write(
        socket,
        "DELETE /v1/bugs/00000000-0000-0000-0000-000000000001 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Length: 5\r\n\r\nhello");
    assertThat(readResponse(socket))
        .startsWith("HTTP/1.1 413")
        .contains("\"error\":\"RESOURCE_EXHAUSTED\"")
        .contains("DELETE /v1/bugs/00000000-0000-0000-0000-000000000001 takes no request body");
    write(socket, "GET /v1/bugs/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(readResponseHead(socket)).startsWith("HTTP/1.1 200");
    assertThat(metrics.bodyBytesHeld()).isZero();
    assertThat(metrics.bodiesRefused()).isZero();
  }

  /** A bodiless GET of the change log on stream 1, and how it ended. */
  private static RawHttp2Connection.Answer getChanges(RawHttp2Connection h2) {
    return getChanges(h2, 1);
  }

  /** A bodiless GET of the change log on {@code stream}, and how it ended. */
  private static RawHttp2Connection.Answer getChanges(RawHttp2Connection h2, int stream) {
    h2.send(
        RawHttp2Connection.HEADERS,
        RawHttp2Connection.END_HEADERS | RawHttp2Connection.END_STREAM,
        stream,
        h2.headerBlock(h2Request("GET", "/v1/bugs/changes")));
    h2.flush();
    return h2.awaitAnswer(stream, WAIT);
  }

  private static Http2Headers h2Request(String method, String path) {
    return RawHttp2Connection.headers(
        ":method",
        method,
        ":scheme",
        "http",
        ":authority",
        "127.0.0.1",
        ":path",
        path,
        "content-type",
        "application/json");
  }

  /** A REST server taking bodies up to {@code maxBody} and holding {@code buffer} bytes of them. */
  private RestMetrics startWithRequestBuffer(int maxBody, long buffer) {
    server =
        startRest(
            RestOptions.defaults()
                .withMaxBodyBytes(maxBody)
                .withConnections(
                    new ConnectionLimits(Duration.ZERO, 100).withRequestBufferBytes(buffer)));
    return server.metrics();
  }

  private static String postHead(int contentLength) {
    return "POST /v1/bugs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  @Test
  void anIdleGrpcConnectionIsSentGoAway() throws IOException {
    try (ReferenceServer grpc = startGrpc(ConnectionLimits.defaults().withIdleTimeout(IDLE));
        RawHttp2Connection h2 = RawHttp2Connection.open(grpc.grpcPort())) {
      assertThat(healthCheck(h2).completed()).isTrue();

      // No call open from here on: the server says goodbye, with no error.
      RawHttp2Connection.Frame goAway = h2.awaitGoAway(WAIT);
      assertThat(goAway).isNotNull();
      assertThat(goAway.errorCode()).isZero();
    }
  }

  @Test
  void grpcConnectionsPastTheCapAreClosedAndTheOthersServed() throws IOException {
    Set<Thread> before = grpcThreads();
    try (ReferenceServer grpc = startGrpc(new ConnectionLimits(Duration.ZERO, 3))) {
      ConnectionCap cap = grpc.grpcConnections();
      assertThat(cap.max()).isEqualTo(3);
      // Counted from the accept on: connections that have sent nothing take their place too.
      List<Socket> admitted = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        admitted.add(connect(grpc.grpcPort()));
      }
      awaitTrue(() -> cap.open() == 3);

      // An admitted connection hears the server's SETTINGS at once; the fourth hears nothing.
      Socket fourth = connect(grpc.grpcPort());
      write(fourth, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
      assertThat(readUntilEnd(fourth)).as("answer to a connection past the cap").isEmpty();
      assertThat(cap.refused()).isEqualTo(1);

      // Once one of the three closes, a new connection is served a call.
      close(admitted.get(0));
      awaitTrue(() -> cap.open() == 2);
      try (RawHttp2Connection h2 = RawHttp2Connection.open(grpc.grpcPort())) {
        assertThat(healthCheck(h2).completed()).isTrue();
        assertThat(cap.open()).isEqualTo(3);
      }

      for (Socket socket : sockets) {
        close(socket);
      }
      awaitTrue(() -> cap.open() == 0);
      assertThat(cap.refused()).isEqualTo(1);
      assertThat(cap.opened()).isEqualTo(4);
    }
    // The listener's own event-loop threads stop with the server.
    Set<Thread> left = grpcThreads();
    left.removeAll(before);
    assertThat(left).as("gRPC event-loop threads still alive after close").isEmpty();
  }

  /** A reference server with only the gRPC BlazeBinary APIs, on a free port. */
  private ReferenceServer startGrpc(ConnectionLimits limits) throws IOException {
    return ReferenceServer.start(
        ServerOptions.defaults()
            .withApis(EnumSet.of(ServerApi.BLAZE))
            .withGrpcPort(0)
            .withDataDir(dataDir.resolve("grpc"))
            .withSeedRecords(0)
            .withConnections(limits));
  }

  private static Set<Thread> grpcThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("blazebench-grpc-") && thread.isAlive()) {
        threads.add(thread);
      }
    }
    return threads;
  }

  private static RawHttp2Connection.Answer healthCheck(RawHttp2Connection h2) {
    h2.send(
        RawHttp2Connection.HEADERS,
        RawHttp2Connection.END_HEADERS,
        1,
        h2.headerBlock(
            RawHttp2Connection.headers(
                ":method", "POST",
                ":scheme", "http",
                ":path", "/grpc.health.v1.Health/Check",
                ":authority", "127.0.0.1",
                "content-type", "application/grpc",
                "te", "trailers")));
    h2.send(RawHttp2Connection.DATA, RawHttp2Connection.END_STREAM, 1, new byte[5]);
    h2.flush();
    return h2.awaitAnswer(1, WAIT);
  }

  // ---- plain sockets ----

  private Socket connect() {
    return connect(server.actualPort());
  }

  private Socket connect(int port) {
    try {
      Socket socket = new Socket();
      sockets.add(socket);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A head that never ends (nearly 300 bytes, no empty line), for {@link #trickle}. */
  private static final String SLOW_HEAD =
      "GET /v1/bugs/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(250);

  /**
   * Starts sending {@code text} a byte every 100 ms: never idle for long, never fast. The thread
   * ends when it is all sent, the server closes, or it is interrupted.
   */
  private static Thread trickle(Socket socket, String text) {
    Thread thread =
        new Thread(
            () -> {
              try {
                for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
                  socket.getOutputStream().write(b);
                  socket.getOutputStream().flush();
                  Thread.sleep(100);
                }
              } catch (IOException | InterruptedException e) {
                // closed by the server, or the test is over
              }
            });
    thread.start();
    return thread;
  }

  /** Starts running {@code action} every {@code period} until interrupted. */
  private static Thread every(Duration period, Runnable action) {
    Thread thread =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  action.run();
                  Thread.sleep(period.toMillis());
                }
              } catch (InterruptedException e) {
                // the test is over
              }
            });
    thread.start();
    return thread;
  }

  /**
   * Trickles {@code text} into {@code socket} ({@link #trickle}) and checks that the server, after
   * leaving it open for {@code stillOpen} (zero: not checked), closes it without a word.
   */
  private static void assertClosedWhileTrickling(Socket socket, String text, Duration stillOpen)
      throws InterruptedException {
    Thread trickle = trickle(socket, text);
    try {
      if (!stillOpen.isZero()) {
        assertThat(endsWithin(socket, stillOpen)).as("closed early").isFalse();
      }
      assertThat(readUntilEnd(socket)).isEmpty();
    } finally {
      trickle.interrupt();
      trickle.join();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void write(Socket socket, String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Everything the server sends until it ends the connection; fails if it has not within {@link
   * #WAIT}.
   */
  private static String readUntilEnd(Socket socket) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try {
      socket.setSoTimeout((int) WAIT.toMillis());
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "the server did not end the connection within " + WAIT + "; received: " + received, e);
    } catch (SocketException e) {
      // reset: ended too
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return received.toString(StandardCharsets.US_ASCII);
  }

  /** Whether the server ends the connection within {@code wait}, reading nothing meanwhile. */
  private static boolean endsWithin(Socket socket, Duration wait) {
    try {
      socket.setSoTimeout((int) wait.toMillis());
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One response, head and body (by its content-length), as text. */
  private static String readResponse(Socket socket) {
    try {
      socket.setSoTimeout((int) WAIT.toMillis());
      InputStream in = socket.getInputStream();
      String head = RawWebSocket.readHead(in);
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readResponseHead(Socket socket) {
    try {
      socket.setSoTimeout((int) WAIT.toMillis());
      InputStream in = socket.getInputStream();
      String text = RawWebSocket.readHead(in);
      if (!text.endsWith("\r\n\r\n")) {
        return text;
      }
      for (String line : text.split("\r\n")) {
        if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          in.readNBytes(Integer.parseInt(line.substring(15).trim()));
        }
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RawWebSocket.Frame nextNotPing(RawWebSocket ws) {
    long until = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < until) {
      RawWebSocket.Frame frame = ws.next(WAIT);
      if (frame == null || frame.opcode() != RawWebSocket.PING) {
        return frame;
      }
      ws.send(RawWebSocket.PONG, frame.payload());
    }
    return null;
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not true within " + WAIT);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
