package dev.blazebench.server.rest;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Closes a WebSocket with 1007 when the client sends a text message that is not UTF-8, as RFC 6455
 * §8.1 requires: the push API reads no client message, and Vert.x checks none. A message may be
 * split over frames anywhere, inside a character too, so the check carries the undecoded end of one
 * frame into the next. Clients send nothing in normal use, so this costs a subscription nothing.
 */
final class TextMessageCheck implements Handler<WebSocketFrame> {

  /** RFC 6455 §7.4.1: data inconsistent with the type of the message. */
  static final short INVALID_DATA = 1007;

  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

  private final ServerWebSocket socket;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final CharBuffer decoded = CharBuffer.allocate(1024);
  private ByteBuffer carried = NOTHING;
  private boolean inTextMessage;
  private long bytesBefore;

  TextMessageCheck(ServerWebSocket socket) {
    this.socket = socket;
  }

  @Override
  public void handle(WebSocketFrame frame) {
    if (frame.isText()) {
      inTextMessage = true;
      decoder.reset();
      carried = NOTHING;
      bytesBefore = 0;
    } else if (!frame.isContinuation() || !inTextMessage) {
      return;
    }
    boolean last = frame.isFinal();
    int carriedLength = carried.remaining(); // already counted in bytesBefore
    ByteBuffer in = append(carried, frame.binaryData().getBytes());
    CoderResult result;
    do {
      decoded.clear();
      result = decoder.decode(in, decoded, last);
    } while (result.isOverflow());
    if (!result.isError() && last) {
      decoded.clear();
      result = decoder.flush(decoded);
    }
    if (result.isError()) {
      inTextMessage = false;
      // The decoder stops at the first byte of the malformed sequence.
      long at = bytesBefore - carriedLength + in.position();
      socket.close(INVALID_DATA, "text message is not UTF-8 at byte " + at);
      return;
    }
    bytesBefore += frame.binaryData().length();
    inTextMessage = !last;
    carried = in.hasRemaining() ? ByteBuffer.wrap(copyOfRest(in)) : NOTHING;
  }

  private static ByteBuffer append(ByteBuffer carried, byte[] bytes) {
    if (!carried.hasRemaining()) {
      return ByteBuffer.wrap(bytes);
    }
    ByteBuffer joined = ByteBuffer.allocate(carried.remaining() + bytes.length);
    joined.put(carried.duplicate()).put(bytes).flip();
    return joined;
  }

  private static byte[] copyOfRest(ByteBuffer in) {
    byte[] rest = new byte[in.remaining()];
    in.get(rest);
    return rest;
  }
}
