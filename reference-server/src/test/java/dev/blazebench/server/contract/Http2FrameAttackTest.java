package dev.blazebench.server.contract;

import static dev.blazebench.server.contract.RawHttp2Connection.CONTINUATION;
import static dev.blazebench.server.contract.RawHttp2Connection.DATA;
import static dev.blazebench.server.contract.RawHttp2Connection.END_HEADERS;
import static dev.blazebench.server.contract.RawHttp2Connection.END_STREAM;
import static dev.blazebench.server.contract.RawHttp2Connection.HEADERS;
import static dev.blazebench.server.contract.RawHttp2Connection.PADDED;
import static dev.blazebench.server.contract.RawHttp2Connection.PING;
import static dev.blazebench.server.contract.RawHttp2Connection.PRIORITY;
import static dev.blazebench.server.contract.RawHttp2Connection.PUSH_PROMISE;
import static dev.blazebench.server.contract.RawHttp2Connection.RST_STREAM;
import static dev.blazebench.server.contract.RawHttp2Connection.SETTINGS;
import static dev.blazebench.server.contract.RawHttp2Connection.SETTINGS_ENABLE_PUSH;
import static dev.blazebench.server.contract.RawHttp2Connection.SETTINGS_INITIAL_WINDOW_SIZE;
import static dev.blazebench.server.contract.RawHttp2Connection.SETTINGS_MAX_CONCURRENT_STREAMS;
import static dev.blazebench.server.contract.RawHttp2Connection.SETTINGS_MAX_FRAME_SIZE;
import static dev.blazebench.server.contract.RawHttp2Connection.WINDOW_UPDATE;
import static dev.blazebench.server.contract.RawHttp2Connection.int32;
import static dev.blazebench.server.contract.RawHttp2Connection.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.contract.RawHttp2Connection.Answer;
import dev.blazebench.server.contract.RawHttp2Connection.ErrorCode;
import dev.blazebench.server.contract.RawHttp2Connection.Frame;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile client one layer below {@link HostileClientTest}: damaged HTTP/2 frames inside
 * connections that are otherwise valid, on both listeners that speak HTTP/2 (gRPC, and REST with
 * h2c). Each violation of RFC 9113 is sent on its own connection after a valid start; the server
 * must answer it as the RFC says (the error code of a GOAWAY or RST_STREAM, or ignoring what the
 * RFC says to ignore, then answering a valid request on the same connection), and afterwards still
 * answer a valid request on a new connection, with the store unchanged.
 *
 * <p>The HTTP/2 stacks are Netty's (grpc-netty and Vert.x): this test does not test them for their
 * own sake but pins what a client of this server meets, so that a change of stack, version or
 * settings that loosens it is seen.
 */
class Http2FrameAttackTest extends SeededServerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  /** The two listeners that speak HTTP/2, and a request each answers with success. */
  enum Listener {
    GRPC {
      @Override
      int port(ContractServers servers) {
        return Integer.parseInt(servers.grpcTarget().substring("127.0.0.1:".length()));
      }

      @Override
      Http2Headers requestHeaders() {
        return RawHttp2Connection.headers(
            ":method", "POST",
            ":scheme", "http",
            ":path", "/grpc.health.v1.Health/Check",
            ":authority", "127.0.0.1",
            "content-type", "application/grpc",
            "te", "trailers");
      }

      @Override
      void sendRequest(RawHttp2Connection connection, int stream, Http2Headers headers) {
        connection.send(HEADERS, END_HEADERS, stream, connection.headerBlock(headers));
        connection.send(DATA, END_STREAM, stream, new byte[5]); // an empty HealthCheckRequest
        connection.flush();
      }

      @Override
      boolean succeeded(Answer answer) {
        return answer.completed()
            && "0".equals(String.valueOf(answer.headers().get("grpc-status")));
      }
    },

    REST {
      @Override
      int port(ContractServers servers) {
        return servers.httpUri().getPort();
      }

      @Override
      Http2Headers requestHeaders() {
        UUID id = BugWorkload.id(BugWorkload.DEFAULT_SEED, 3);
        return RawHttp2Connection.headers(
            ":method", "GET",
            ":scheme", "http",
            ":path", "/v1/" + COLLECTION + "/" + id,
            ":authority", "127.0.0.1");
      }

      @Override
      void sendRequest(RawHttp2Connection connection, int stream, Http2Headers headers) {
        connection.send(HEADERS, END_HEADERS | END_STREAM, stream, connection.headerBlock(headers));
        connection.flush();
      }

      @Override
      boolean succeeded(Answer answer) {
        return answer.completed() && "200".equals(String.valueOf(answer.headers().status()));
      }
    };

    abstract int port(ContractServers servers);

    /** The headers of a valid request, for attacks that need a stream opened the right way. */
    abstract Http2Headers requestHeaders();

    /** Sends a whole request with these headers on {@code stream}. */
    abstract void sendRequest(RawHttp2Connection connection, int stream, Http2Headers headers);

    /** Sends a whole valid request on {@code stream}. */
    void sendRequest(RawHttp2Connection connection, int stream) {
      sendRequest(connection, stream, requestHeaders());
    }

    abstract boolean succeeded(Answer answer);

    /** Reset with PROTOCOL_ERROR, the connection ended with it, or a 4xx answer. */
    boolean refusedAsMalformed(Answer answer) {
      if (answer.completed()) {
        return String.valueOf(answer.headers().status()).startsWith("4");
      }
      Frame ending = answer.reset() != null ? answer.reset() : answer.goAway();
      return ending != null && ending.errorCode() == ErrorCode.PROTOCOL_ERROR.ordinal();
    }
  }

  /** What RFC 9113 requires of the server, checked on the attacking connection. */
  private sealed interface Expected {}

  /** A GOAWAY with this error code. */
  private record ConnectionError(ErrorCode code) implements Expected {}

  /**
   * Stream {@code stream} reset with this error code; a GOAWAY with it is allowed too (RFC 9113
   * §5.4.1: an endpoint may treat a stream error as a connection error).
   */
  private record StreamError(int stream, ErrorCode code) implements Expected {}

  /** Nothing said; a valid request on stream {@code next} of the same connection is answered. */
  private record Ignored(int next) implements Expected {}

  /**
   * A malformed request (§8.1.1) not served: stream {@code stream} reset with PROTOCOL_ERROR (or a
   * GOAWAY with it), or answered with a client error (HTTP 4xx).
   */
  private record Refused(int stream) implements Expected {}

  /**
   * Served as if it were valid although the RFC calls it malformed: where the stacks are more
   * lenient than RFC 9113, pinned so that a change is seen.
   */
  private record Served(int stream) implements Expected {}

  /** One violation: what it is, where the RFC says so, the frames, and what must follow. */
  private record Violation(
      String name, String rfc, BiConsumer<RawHttp2Connection, Listener> send, Expected expected) {

    @Override
    public String toString() {
      return name + " (RFC 9113 " + rfc + ")";
    }
  }

  static Stream<Arguments> violations() {
    List<Arguments> cases = new ArrayList<>();
    for (Violation violation : rfc9113Violations()) {
      for (Listener listener : Listener.values()) {
        cases.add(Arguments.of(violation, listener));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("violations")
  void eachViolationIsAnsweredAsTheRfcRequires(Violation violation, Listener listener) {
    try (RawHttp2Connection connection = RawHttp2Connection.open(listener.port(servers))) {
      violation.send().accept(connection, listener);
      connection.flush();
      Expected expected = violation.expected();
      if (expected instanceof ConnectionError error) {
        Frame goAway = connection.awaitGoAway(WAIT);
        assertThat(goAway).as("GOAWAY; read " + connection.framesRead()).isNotNull();
        assertThat(ErrorCode.nameOf(goAway.errorCode())).isEqualTo(error.code().name());
      } else if (expected instanceof StreamError error) {
        Frame reset = connection.awaitReset(error.stream(), WAIT);
        assertThat(reset).as("RST_STREAM or GOAWAY; read " + connection.framesRead()).isNotNull();
        assertThat(ErrorCode.nameOf(reset.errorCode())).isEqualTo(error.code().name());
      } else if (expected instanceof Refused refused) {
        Answer answer = connection.awaitAnswer(refused.stream(), WAIT);
        assertThat(listener.refusedAsMalformed(answer)).as(answer.toString()).isTrue();
      } else if (expected instanceof Served served) {
        Answer answer = connection.awaitAnswer(served.stream(), WAIT);
        assertThat(listener.succeeded(answer)).as(answer.toString()).isTrue();
      } else {
        int next = ((Ignored) expected).next();
        listener.sendRequest(connection, next);
        Answer answer = connection.awaitAnswer(next, WAIT);
        assertThat(listener.succeeded(answer)).as(answer.toString()).isTrue();
      }
    }
    assertStillServes(listener);
  }

  /**
   * The violations, each sent after the connection's valid start (preface, SETTINGS, a connection
   * WINDOW_UPDATE). Streams 1, 3, 5: the first streams a client opens.
   */
  private static List<Violation> rfc9113Violations() {
    byte[] none = new byte[0];
    List<Violation> list = new ArrayList<>();
    // Frames that belong to a stream, on the connection (stream 0), and the other way round.
    list.add(
        violation(
            "DATA on stream 0",
            "§6.1",
            (c, l) -> c.send(DATA, 0, 0, new byte[4]),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    list.add(
        violation(
            "HEADERS on stream 0",
            "§6.2",
            (c, l) -> c.send(HEADERS, END_HEADERS, 0, c.headerBlock(l.requestHeaders())),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    list.add(
        violation(
            "SETTINGS on a stream",
            "§6.5",
            (c, l) -> c.send(SETTINGS, 0, 1, none),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    list.add(
        violation(
            "PING on a stream",
            "§6.7",
            (c, l) -> c.send(PING, 0, 1, new byte[8]),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    // Stream identifiers.
    list.add(
        violation(
            "HEADERS on an even stream, which only a server may open",
            "§5.1.1",
            (c, l) -> c.send(HEADERS, END_HEADERS, 2, c.headerBlock(l.requestHeaders())),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    // §5.1.1 asks for a connection error (PROTOCOL_ERROR); Netty, under both listeners, takes
    // stream 3 as closed when stream 5 opened (§5.1.1 closes idle streams below a new one) and
    // refuses it as a closed stream (§5.1). Either way stream 3 is not served.
    list.add(
        violation(
            "a stream opened below one already opened",
            "§5.1.1",
            (c, l) -> {
              l.sendRequest(c, 5);
              c.send(HEADERS, END_HEADERS | END_STREAM, 3, c.headerBlock(l.requestHeaders()));
            },
            streamError(3, ErrorCode.STREAM_CLOSED)));
    list.add(
        violation(
            "RST_STREAM on an idle stream",
            "§6.4",
            (c, l) -> c.send(RST_STREAM, 0, 1, int32(ErrorCode.CANCEL.ordinal())),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    list.add(
        violation(
            "PUSH_PROMISE from a client",
            "§8.4",
            (c, l) -> {
              byte[] block = c.headerBlock(l.requestHeaders());
              byte[] payload = new byte[4 + block.length];
              System.arraycopy(int32(2), 0, payload, 0, 4);
              System.arraycopy(block, 0, payload, 4, block.length);
              c.send(PUSH_PROMISE, END_HEADERS, 1, payload);
            },
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    // Sizes.
    list.add(
        violation(
            "a DATA frame longer than SETTINGS_MAX_FRAME_SIZE",
            "§4.2",
            (c, l) -> {
              c.send(HEADERS, END_HEADERS, 1, c.headerBlock(l.requestHeaders()));
              c.send(DATA, END_STREAM, 1, new byte[16_385]);
            },
            connectionError(ErrorCode.FRAME_SIZE_ERROR)));
    list.add(
        violation(
            "SETTINGS whose length is not a multiple of 6",
            "§6.5",
            (c, l) -> c.send(SETTINGS, 0, 0, new byte[7]),
            connectionError(ErrorCode.FRAME_SIZE_ERROR)));
    list.add(
        violation(
            "SETTINGS ACK with a payload",
            "§6.5",
            (c, l) -> c.send(SETTINGS, RawHttp2Connection.ACK, 0, new byte[6]),
            connectionError(ErrorCode.FRAME_SIZE_ERROR)));
    list.add(
        violation(
            "PING of 7 bytes",
            "§6.7",
            (c, l) -> c.send(PING, 0, 0, new byte[7]),
            connectionError(ErrorCode.FRAME_SIZE_ERROR)));
    list.add(
        violation(
            "RST_STREAM of 3 bytes",
            "§6.4",
            (c, l) -> {
              c.send(HEADERS, END_HEADERS, 1, c.headerBlock(l.requestHeaders()));
              c.send(RST_STREAM, 0, 1, new byte[3]);
            },
            connectionError(ErrorCode.FRAME_SIZE_ERROR)));
    list.add(
        violation(
            "padding as long as the frame",
            "§6.1",
            (c, l) -> {
              c.send(HEADERS, END_HEADERS, 1, c.headerBlock(l.requestHeaders()));
              c.send(DATA, PADDED | END_STREAM, 1, new byte[] {4, 0, 0, 0});
            },
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    // Settings out of range.
    list.add(
        violation(
            "SETTINGS_INITIAL_WINDOW_SIZE above 2^31-1",
            "§6.5.2",
            (c, l) -> c.send(SETTINGS, 0, 0, settings(SETTINGS_INITIAL_WINDOW_SIZE, 0x8000_0000)),
            connectionError(ErrorCode.FLOW_CONTROL_ERROR)));
    list.add(
        violation(
            "SETTINGS_ENABLE_PUSH of 2",
            "§6.5.2",
            (c, l) -> c.send(SETTINGS, 0, 0, settings(SETTINGS_ENABLE_PUSH, 2)),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    list.add(
        violation(
            "SETTINGS_MAX_FRAME_SIZE below 16,384",
            "§6.5.2",
            (c, l) -> c.send(SETTINGS, 0, 0, settings(SETTINGS_MAX_FRAME_SIZE, 100)),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    // Flow control.
    list.add(
        violation(
            "WINDOW_UPDATE of 0 on the connection",
            "§6.9",
            (c, l) -> c.send(WINDOW_UPDATE, 0, 0, int32(0)),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    list.add(
        violation(
            "WINDOW_UPDATE taking the connection's window past 2^31-1",
            "§6.9.1",
            (c, l) -> c.send(WINDOW_UPDATE, 0, 0, int32(0x7FFF_FFFF)),
            connectionError(ErrorCode.FLOW_CONTROL_ERROR)));
    // Not here: DATA past a stream's window. Both stacks hand the window back as they read the
    // data, so what a client sends in one go never passes the window granted by the time it
    // arrives; only a client that ignores the server's SETTINGS could be caught, by chance.
    // Header blocks.
    list.add(
        violation(
            "CONTINUATION without HEADERS",
            "§6.10",
            (c, l) -> c.send(CONTINUATION, END_HEADERS, 1, c.headerBlock(l.requestHeaders())),
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    list.add(
        violation(
            "another frame between HEADERS and its CONTINUATION",
            "§6.10",
            (c, l) -> {
              byte[] block = c.headerBlock(l.requestHeaders());
              c.send(HEADERS, 0, 1, Arrays.copyOf(block, 1));
              c.send(PING, 0, 0, new byte[8]);
              c.send(CONTINUATION, END_HEADERS, 1, Arrays.copyOfRange(block, 1, block.length));
            },
            connectionError(ErrorCode.PROTOCOL_ERROR)));
    list.add(
        violation(
            "an HPACK index beyond both tables",
            "§4.3",
            (c, l) -> c.send(HEADERS, END_HEADERS | END_STREAM, 1, new byte[] {(byte) 0xC0}),
            connectionError(ErrorCode.COMPRESSION_ERROR)));
    list.add(
        violation(
            "a stream that depends on itself",
            "§5.3.1",
            (c, l) -> {
              c.send(HEADERS, END_HEADERS, 1, c.headerBlock(l.requestHeaders()));
              c.send(PRIORITY, 0, 1, new byte[] {0, 0, 0, 1, 16});
            },
            streamError(1, ErrorCode.PROTOCOL_ERROR)));
    list.add(
        violation(
            "DATA after END_STREAM",
            "§5.1",
            (c, l) -> {
              c.send(HEADERS, END_HEADERS, 1, c.headerBlock(l.requestHeaders()));
              c.send(DATA, END_STREAM, 1, new byte[5]);
              c.send(DATA, END_STREAM, 1, new byte[5]);
            },
            streamError(1, ErrorCode.STREAM_CLOSED)));
    // Malformed requests (§8.1.1: a stream error of type PROTOCOL_ERROR).
    list.add(
        malformed(
            "an uppercase header name", "§8.2.1", l -> l.requestHeaders().add("X-Upper", "1")));
    list.add(
        malformed(
            "a connection-specific header field",
            "§8.2.2",
            l -> l.requestHeaders().add("connection", "keep-alive")));
    list.add(
        malformed(
            "no :path",
            "§8.3.1",
            l -> {
              Http2Headers headers = l.requestHeaders();
              headers.remove(":path");
              return headers;
            }));
    // Malformed by §8.3, yet served by both stacks: grpc-netty's header sink and Vert.x take the
    // pseudo-header fields wherever they stand. Harmless here (nothing behind the server reads the
    // block again), and pinned so that a change is seen.
    list.add(
        violation(
            "pseudo-header fields after a regular one",
            "§8.3",
            (c, l) -> {
              Http2Headers headers = RawHttp2Connection.headers("x-first", "1");
              l.requestHeaders().forEach(h -> headers.add(h.getKey(), h.getValue()));
              l.sendRequest(c, 1, headers);
            },
            new Served(1)));
    // What the RFC says to ignore.
    list.add(
        violation(
            "a frame of an unknown type",
            "§4.1",
            (c, l) -> c.send(0xEE, 0xFF, 1, new byte[] {1, 2, 3}),
            new Ignored(1)));
    list.add(
        violation(
            "an unknown setting",
            "§6.5.2",
            (c, l) -> c.send(SETTINGS, 0, 0, settings(0x7777, 42)),
            new Ignored(1)));
    list.add(
        violation(
            "PRIORITY for an idle stream",
            "§6.3",
            (c, l) -> c.send(PRIORITY, 0, 7, new byte[] {0, 0, 0, 0, 16}),
            new Ignored(1)));
    return list;
  }

  private static Violation violation(
      String name, String rfc, BiConsumer<RawHttp2Connection, Listener> send, Expected expected) {
    return new Violation(name, rfc, send, expected);
  }

  private static Violation malformed(
      String name, String rfc, Function<Listener, Http2Headers> headers) {
    return violation(name, rfc, (c, l) -> l.sendRequest(c, 1, headers.apply(l)), new Refused(1));
  }

  private static Expected connectionError(ErrorCode code) {
    return new ConnectionError(code);
  }

  private static Expected streamError(int stream, ErrorCode code) {
    return new StreamError(stream, code);
  }

  // ---- floods ----

  /** How the server must end a flood. */
  private sealed interface FloodEnd {}

  /**
   * A GOAWAY with this code. When the flood's answers were left unread, the GOAWAY may be stuck
   * behind them as the server closes, so the connection closed by the server counts too.
   */
  private record Closes(ErrorCode code) implements FloodEnd {}

  /** {@link Closes}, and before the flood was all sent: the server stopped reading it. */
  private record CutsOff(ErrorCode code) implements FloodEnd {}

  /**
   * The server advertises a limit on concurrent streams (SETTINGS_MAX_CONCURRENT_STREAMS) of at
   * most {@code max} and refuses streams past it (RST_STREAM REFUSED_STREAM).
   */
  private record RefusesStreamsPast(int max) implements FloodEnd {}

  /** Stream 1 reset, the connection closed with an error, or a 4xx answer. */
  private record RefusesRequest() implements FloodEnd {}

  /**
   * Nothing said, and a valid request on stream {@code next} of the same connection answered: a
   * flood that costs the server no more than it cost the client.
   */
  private record Shrugs(int next) implements FloodEnd {}

  /**
   * One flood: what it is, whether its answers are read while it is sent, the frames, and how each
   * listener must end it.
   */
  private record Flood(
      String name,
      boolean readWhileSending,
      BiConsumer<RawHttp2Connection, Listener> send,
      FloodEnd onGrpc,
      FloodEnd onRest) {

    FloodEnd expectedOn(Listener listener) {
      return listener == Listener.GRPC ? onGrpc : onRest;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> floods() {
    List<Arguments> cases = new ArrayList<>();
    for (Flood flood : knownFloods()) {
      for (Listener listener : Listener.values()) {
        cases.add(Arguments.of(flood, listener));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("floods")
  void eachFloodIsStoppedOrCostsNothing(Flood flood, Listener listener) throws Exception {
    FloodEnd expected = flood.expectedOn(listener);
    WarningLog log = WarningLog.capture();
    try (log;
        RawHttp2Connection connection =
            RawHttp2Connection.open(
                listener.port(servers),
                settings(SETTINGS_INITIAL_WINDOW_SIZE, 1 << 24),
                flood.readWhileSending() ? 0 : 4_096)) {
      if (flood.readWhileSending()) {
        connection.readInBackground();
      }
      flood.send().accept(connection, listener);
      connection.flush();
      if (!flood.readWhileSending()) {
        connection.readInBackground();
      }
      String read = "; read " + summary(connection.framesRead());
      if (expected instanceof Closes closes) {
        assertClosed(connection, closes.code(), !flood.readWhileSending());
      } else if (expected instanceof CutsOff cutsOff) {
        assertClosed(connection, cutsOff.code(), false);
        assertThat(connection.writesFailed()).as("the server stopped reading" + read).isTrue();
      } else if (expected instanceof RefusesStreamsPast refuses) {
        long limit = connection.serverSetting(SETTINGS_MAX_CONCURRENT_STREAMS, Long.MAX_VALUE);
        assertThat(limit).as("SETTINGS_MAX_CONCURRENT_STREAMS").isLessThanOrEqualTo(refuses.max());
        Frame refused =
            awaitFrame(
                connection,
                f -> f.type() == RST_STREAM && f.errorCode() == ErrorCode.REFUSED_STREAM.ordinal());
        assertThat(refused).as("RST_STREAM REFUSED_STREAM" + read).isNotNull();
      } else if (expected instanceof RefusesRequest) {
        Frame refused =
            awaitFrame(
                connection,
                f ->
                    f.type() == RST_STREAM && f.stream() == 1
                        || f.type() == RawHttp2Connection.GOAWAY
                            && f.errorCode() != ErrorCode.NO_ERROR.ordinal());
        assertThat(refused).as("stream 1 refused" + read).isNotNull();
      } else {
        int next = ((Shrugs) expected).next();
        connection.stopReading();
        listener.sendRequest(connection, next);
        Answer answer = connection.awaitAnswer(next, WAIT);
        assertThat(listener.succeeded(answer)).as(answer + read).isTrue();
      }
      System.out.printf(
          "%s on %s: sent %s, read %s%n",
          flood,
          listener,
          connection.writesFailed() ? "until the server closed" : "all",
          summary(connection.framesRead()));
    }
    assertThat(log.warnings()).as("warnings logged for a client's frames").isEmpty();
    assertStillServes(listener);
  }

  /** The GOAWAY with {@code code}, or (if allowed) the connection closed by the server. */
  private static void assertClosed(
      RawHttp2Connection connection, ErrorCode code, boolean closeWithoutGoAwayAllowed) {
    Frame goAway = awaitFrame(connection, f -> f.type() == RawHttp2Connection.GOAWAY);
    if (goAway == null && closeWithoutGoAwayAllowed && connection.ended()) {
      return;
    }
    assertThat(goAway).as("GOAWAY; read " + summary(connection.framesRead())).isNotNull();
    assertThat(ErrorCode.nameOf(goAway.errorCode())).isEqualTo(code.name());
  }

  /**
   * The first frame read (by the background reader) that matches, waiting for it up to {@link
   * #WAIT} or until the connection ends.
   */
  private static Frame awaitFrame(RawHttp2Connection connection, Predicate<Frame> wanted) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      boolean ended = connection.ended();
      for (Frame frame : connection.framesRead()) {
        if (wanted.test(frame)) {
          return frame;
        }
      }
      if (ended || System.nanoTime() > deadline) {
        return null;
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  /** Frames read, counted by type (and error code), for failure messages. */
  private static Map<String, Integer> summary(List<Frame> frames) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Frame frame : frames) {
      counts.merge(frame.toString().replaceAll(" on stream .*", ""), 1, Integer::sum);
    }
    return counts;
  }

  private static List<Flood> knownFloods() {
    List<Flood> list = new ArrayList<>();
    list.add(
        new Flood(
            "rapid reset (CVE-2023-44487): 20,000 streams opened and cancelled at once",
            true,
            (c, l) -> {
              byte[] cancel = int32(ErrorCode.CANCEL.ordinal());
              for (int i = 0; i < 20_000 && !c.writesFailed(); i++) {
                int stream = 1 + 2 * i;
                c.send(HEADERS, END_HEADERS, stream, c.headerBlock(l.requestHeaders()));
                c.send(RST_STREAM, 0, stream, cancel);
                if (i % 64 == 63) {
                  c.flush();
                }
              }
            },
            new Closes(ErrorCode.ENHANCE_YOUR_CALM),
            new Closes(ErrorCode.ENHANCE_YOUR_CALM)));
    list.add(
        new Flood(
            "CONTINUATION flood (CVE-2024-27316): a header block of 64 MiB that never ends",
            true,
            (c, l) -> {
              c.send(HEADERS, 0, 1, c.headerBlock(l.requestHeaders()));
              byte[] junk = new byte[16_384];
              for (int i = 0; i < 4_096 && !c.writesFailed(); i++) {
                c.send(CONTINUATION, 0, 1, junk);
              }
            },
            new CutsOff(ErrorCode.PROTOCOL_ERROR),
            new CutsOff(ErrorCode.PROTOCOL_ERROR)));
    // gRPC closes on its keepalive rule (a client may ping at most every 5 minutes without calls:
    // GOAWAY "too_many_pings"), Vert.x's Netty when 10,000 answers wait unsent.
    list.add(
        new Flood(
            "PING flood (CVE-2019-9512), answers unread: up to 1,000,000 PINGs",
            false,
            (c, l) -> {
              for (int i = 0; i < 1_000_000 && !c.writesFailed(); i++) {
                c.send(PING, 0, 0, new byte[8]);
              }
            },
            new Closes(ErrorCode.ENHANCE_YOUR_CALM),
            new Closes(ErrorCode.ENHANCE_YOUR_CALM)));
    list.add(
        new Flood(
            "SETTINGS flood (CVE-2019-9515), answers unread: up to 1,000,000 SETTINGS",
            false,
            (c, l) -> {
              for (int i = 0; i < 1_000_000 && !c.writesFailed(); i++) {
                c.send(SETTINGS, 0, 0, new byte[0]);
              }
            },
            new Closes(ErrorCode.ENHANCE_YOUR_CALM),
            new Closes(ErrorCode.ENHANCE_YOUR_CALM)));
    // grpc-netty reads empty DATA frames and drops them: each costs it about what it cost the
    // client to send, so there is nothing to amplify (CVE-2019-9518 is about stacks that do more).
    list.add(
        new Flood(
            "empty DATA frames (CVE-2019-9518): 100,000 on one stream",
            true,
            (c, l) -> {
              c.send(HEADERS, END_HEADERS, 1, c.headerBlock(l.requestHeaders()));
              for (int i = 0; i < 100_000 && !c.writesFailed(); i++) {
                c.send(DATA, 0, 1, new byte[0]);
              }
            },
            new Shrugs(3),
            new Closes(ErrorCode.ENHANCE_YOUR_CALM)));
    list.add(
        new Flood(
            "streams left open: 10,000 requests never ended",
            true,
            (c, l) -> {
              for (int i = 0; i < 10_000 && !c.writesFailed(); i++) {
                c.send(HEADERS, END_HEADERS, 1 + 2 * i, c.headerBlock(l.requestHeaders()));
              }
            },
            new RefusesStreamsPast(1_000),
            new RefusesStreamsPast(1_000)));
    list.add(
        new Flood(
            "HPACK bomb: a 4,000-byte header referenced 4,000 times (16 MB decoded)",
            true,
            (c, l) -> c.send(HEADERS, END_HEADERS | END_STREAM, 1, hpackBomb(l.requestHeaders())),
            new RefusesRequest(),
            new RefusesRequest()));
    return list;
  }

  /**
   * A header block of {@code request}'s fields (literals, static names only), then a 4,000-byte
   * field added to the dynamic table (index 62), then 4,000 references to it: 16 KB on the wire
   * that decode to 16 MB of header list.
   */
  private static byte[] hpackBomb(Http2Headers request) {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    request.forEach(h -> literal(block, 0x00, h.getKey().toString(), h.getValue().toString()));
    literal(block, 0x40, "x-bomb", "a".repeat(4_000)); // with incremental indexing
    for (int i = 0; i < 4_000; i++) {
      block.write(0x80 | 62); // indexed: the newest dynamic entry
    }
    return block.toByteArray();
  }

  /** An HPACK literal with a new name (RFC 7541 §6.2), no Huffman coding. */
  private static void literal(
      ByteArrayOutputStream block, int representation, String name, String value) {
    block.write(representation);
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    hpackInteger(block, n.length);
    block.writeBytes(n);
    byte[] v = value.getBytes(StandardCharsets.US_ASCII);
    hpackInteger(block, v.length);
    block.writeBytes(v);
  }

  /** A string length: 7-bit prefix, Huffman bit clear (RFC 7541 §5.1). */
  private static void hpackInteger(ByteArrayOutputStream block, int value) {
    if (value < 127) {
      block.write(value);
      return;
    }
    block.write(127);
    for (value -= 127; value >= 128; value >>>= 7) {
      block.write(value & 0x7F | 0x80);
    }
    block.write(value);
  }

  /** A valid request on a new connection is answered, and the store holds what it held. */
  private void assertStillServes(Listener listener) {
    try (RawHttp2Connection connection = RawHttp2Connection.open(listener.port(servers))) {
      listener.sendRequest(connection, 1);
      Answer answer = connection.awaitAnswer(1, WAIT);
      assertThat(listener.succeeded(answer)).as("a valid request afterwards: " + answer).isTrue();
    }
    assertStoreUnchanged();
  }
}
