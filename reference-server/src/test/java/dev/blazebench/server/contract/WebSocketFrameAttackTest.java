package dev.blazebench.server.contract;

import static dev.blazebench.server.contract.RawWebSocket.BINARY;
import static dev.blazebench.server.contract.RawWebSocket.CLOSE;
import static dev.blazebench.server.contract.RawWebSocket.CONTINUATION;
import static dev.blazebench.server.contract.RawWebSocket.PING;
import static dev.blazebench.server.contract.RawWebSocket.PONG;
import static dev.blazebench.server.contract.RawWebSocket.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.server.contract.RawWebSocket.Frame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile client's WebSocket part: frames that break RFC 6455, written by hand into an open
 * subscription ({@code /v1/bugs/subscribe}). Each must make the server close the WebSocket with the
 * status code the RFC names, then the TCP connection; the subscription must end with it (the change
 * feed's subscriber count back to none), nothing be written, and no warning be logged. One frame
 * the RFC also refuses (RSV1 set) is ignored by the server, and pinned as such.
 */
class WebSocketFrameAttackTest extends SeededServerTest {

  private static final String SUBSCRIBE = "/v1/" + COLLECTION + "/subscribe?since=latest";
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static final int PROTOCOL_ERROR = 1002;
  private static final int INVALID_DATA = 1007;
  private static final int MESSAGE_TOO_BIG = 1009;

  /** Not a close code: the frame is ignored and the subscription stays open. */
  private static final int IGNORED = 0;

  /** One violation: what it is, where RFC 6455 says so, the frames, and the close code it needs. */
  private record Case(
      String name, String rfc, Consumer<RawWebSocket> send, int closeCode, String reason) {

    Case(String name, String rfc, Consumer<RawWebSocket> send, int closeCode) {
      this(name, rfc, send, closeCode, "");
    }

    @Override
    public String toString() {
      return name + " (RFC 6455 " + rfc + ")";
    }
  }

  static Stream<Case> violations() {
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        new Case(
            "a client frame without a mask",
            "§5.1",
            ws -> ws.send(0x80 | TEXT, hello, false),
            PROTOCOL_ERROR),
        // Laxer than the RFC, pinned: Vert.x lets RSV1 through while it offers compression
        // (permessage-deflate) to clients that ask. The server reads no client message, so it is
        // ignored and the subscription goes on.
        new Case(
            "RSV1 set with no extension agreed",
            "§5.2",
            ws -> ws.send(0x80 | 0x40 | TEXT, hello, true),
            IGNORED),
        new Case(
            "a text message that is not UTF-8",
            "§8.1",
            ws -> ws.send(0x80 | TEXT, new byte[] {'a', (byte) 0xC3, 0x28}, true),
            INVALID_DATA,
            "text message is not UTF-8 at byte 1"),
        new Case(
            "a text message that ends inside a character",
            "§8.1",
            ws -> {
              ws.send(TEXT, new byte[] {'a', (byte) 0xE2}, true); // first fragment
              ws.send(0x80 | CONTINUATION, new byte[] {(byte) 0x82}, true); // 2 of 3 bytes of €
            },
            INVALID_DATA,
            "text message is not UTF-8 at byte 1"),
        new Case(
            "a character split across fragments (valid)",
            "§5.4",
            ws -> {
              ws.send(TEXT, new byte[] {'a', (byte) 0xE2}, true);
              ws.send(0x80 | CONTINUATION, new byte[] {(byte) 0x82, (byte) 0xAC, 'b'}, true);
            },
            IGNORED),
        new Case(
            "a reserved opcode (0x3)",
            "§5.2",
            ws -> ws.send(0x80 | 0x3, hello, true),
            PROTOCOL_ERROR),
        new Case(
            "a reserved control opcode (0xB)",
            "§5.2",
            ws -> ws.send(0x80 | 0xB, hello, true),
            PROTOCOL_ERROR),
        new Case("a fragmented PING", "§5.5", ws -> ws.send(PING, hello, true), PROTOCOL_ERROR),
        new Case(
            "a PING of 126 bytes",
            "§5.5",
            ws -> ws.send(0x80 | PING, new byte[126], true),
            PROTOCOL_ERROR),
        new Case(
            "a continuation with nothing to continue",
            "§5.4",
            ws -> ws.send(0x80 | CONTINUATION, hello, true),
            PROTOCOL_ERROR),
        new Case(
            "a new message inside a fragmented one",
            "§5.4",
            ws -> {
              ws.send(TEXT, hello, true); // FIN clear: a first fragment
              ws.send(0x80 | TEXT, hello, true);
            },
            PROTOCOL_ERROR),
        new Case(
            "a CLOSE of one byte",
            "§5.5.1",
            ws -> ws.send(0x80 | CLOSE, new byte[] {3}, true),
            PROTOCOL_ERROR),
        new Case(
            "a CLOSE with the reserved code 1005",
            "§7.4.1",
            ws -> ws.send(0x80 | CLOSE, closePayload(1005), true),
            PROTOCOL_ERROR),
        new Case(
            "a CLOSE whose reason is not UTF-8",
            "§5.5.1",
            ws -> {
              byte[] payload = {0x03, (byte) 0xE8, (byte) 0xC3, 0x28}; // 1000, then bad UTF-8
              ws.send(0x80 | CLOSE, payload, true);
            },
            INVALID_DATA),
        new Case(
            "a frame announcing 2^63 - 1 bytes",
            "§5.2",
            ws -> {
              ByteBuffer header = ByteBuffer.allocate(14);
              header.put((byte) (0x80 | BINARY)).put((byte) (0x80 | 127)).putLong(Long.MAX_VALUE);
              header.put(new byte[4]); // the mask
              ws.sendBytes(header.array());
            },
            MESSAGE_TOO_BIG),
        new Case(
            "a binary frame of 1 MiB",
            "§10.4",
            ws -> ws.send(0x80 | BINARY, new byte[1 << 20], true),
            MESSAGE_TOO_BIG));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void eachViolationClosesTheWebSocketAndEndsTheSubscription(Case violation) {
    List<String> warnings;
    try (WarningLog log = WarningLog.capture();
        RawWebSocket ws = RawWebSocket.open(servers.httpUri().getPort(), SUBSCRIBE)) {
      awaitSubscribers(1);
      violation.send().accept(ws);
      if (violation.closeCode() == IGNORED) {
        ws.send(PING, new byte[] {42});
        Frame pong = ws.next(WAIT);
        assertThat(pong).as("a PONG afterwards").isNotNull();
        assertThat(pong.opcode()).as(pong.toString()).isEqualTo(PONG);
        assertThat(servers.database().changeFeed().subscriberCount()).as("subscribers").isOne();
      } else {
        Frame close = ws.awaitClose(WAIT);
        assertThat(close).as("a CLOSE frame").isNotNull();
        assertThat(close.closeCode()).as(close.toString()).isEqualTo(violation.closeCode());
        assertThat(close.reason()).as(close.toString()).contains(violation.reason());
        ws.send(CLOSE, closePayload(violation.closeCode())); // the reply a client owes (§5.5.1)
        assertThat(ws.awaitEnd(WAIT)).as("the TCP connection closed by the server").isTrue();
        awaitSubscribers(0);
        assertThat(servers.database().changeFeed().subscriberCount()).as("subscribers").isZero();
      }
      warnings = log.warnings();
    }
    assertThat(warnings).as("warnings logged").isEmpty();
    assertStoreUnchanged();
  }

  @Test
  void pingIsAnsweredWithItsPayloadAndCloseIsEchoed() {
    byte[] payload = "are you there".getBytes(StandardCharsets.UTF_8);
    try (RawWebSocket ws = RawWebSocket.open(servers.httpUri().getPort(), SUBSCRIBE)) {
      awaitSubscribers(1);
      ws.send(PING, payload);
      Frame pong = ws.next(WAIT);
      assertThat(pong).isNotNull();
      assertThat(pong.opcode()).as(pong.toString()).isEqualTo(PONG);
      assertThat(pong.payload()).isEqualTo(payload);

      ws.send(CLOSE, closePayload(1000));
      Frame close = ws.awaitClose(WAIT);
      assertThat(close).isNotNull();
      assertThat(close.closeCode()).isEqualTo(1000);
      assertThat(ws.awaitEnd(WAIT)).as("the TCP connection closed").isTrue();
    }
    awaitSubscribers(0);
    assertThat(servers.database().changeFeed().subscriberCount()).isZero();
  }

  private static byte[] closePayload(int code) {
    return new byte[] {(byte) (code >>> 8), (byte) code};
  }

  /** Waits up to {@link #WAIT} for the change feed to hold {@code count} subscribers. */
  private void awaitSubscribers(int count) {
    IntSupplier subscribers = () -> servers.database().changeFeed().subscriberCount();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (subscribers.getAsInt() != count && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }
}
