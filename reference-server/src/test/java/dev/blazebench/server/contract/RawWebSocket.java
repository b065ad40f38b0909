package dev.blazebench.server.contract;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One WebSocket connection over a plain socket, for writing frames that no client library would
 * write (RFC 6455 §5.2: any bit of the header can be wrong, masking can be left out) and reading
 * the server's frames one by one.
 */
final class RawWebSocket implements AutoCloseable {

  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  /** A frame from the server (servers do not mask). */
  record Frame(boolean fin, int opcode, byte[] payload) {

    /** The status code of a CLOSE frame, or -1 when it carries none. */
    int closeCode() {
      return payload.length >= 2 ? (payload[0] & 0xFF) << 8 | (payload[1] & 0xFF) : -1;
    }

    /** The reason of a CLOSE frame, or "" when it carries none. */
    String reason() {
      return payload.length > 2
          ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
          : "";
    }

    @Override
    public String toString() {
      String what = opcode == CLOSE ? " " + closeCode() + " " + reason() : "";
      return "opcode " + opcode + what + " (" + payload.length + " bytes)";
    }
  }

  private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private boolean ended;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(socket.getInputStream());
  }

  /** Connects and upgrades {@code path}; fails unless the server answers 101. */
  static RawWebSocket open(int port, String path) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(5_000);
      RawWebSocket ws = new RawWebSocket(socket);
      String handshake =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
      ws.out.write(handshake.getBytes(StandardCharsets.US_ASCII));
      ws.out.flush();
      String head = ws.readHead();
      if (!head.startsWith("HTTP/1.1 101")) {
        socket.close();
        throw new IllegalStateException("no upgrade: " + head);
      }
      return ws;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String readHead() throws IOException {
    return readHead(in);
  }

  /** An HTTP response head from {@code in}, up to its blank line (or what came before the end). */
  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** A masked frame, as a client must send it: FIN set, no RSV bits. */
  void send(int opcode, byte[] payload) {
    send(0x80 | opcode, payload, true);
  }

  /**
   * A frame whose first byte (FIN, RSV1-3, opcode) is {@code firstByte}, masked or not; the length
   * is written in the shortest form.
   */
  void send(int firstByte, byte[] payload, boolean masked) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(firstByte);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.write(maskBit | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(maskBit | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length);
    } else {
      frame.write(maskBit | 127);
      frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
    }
    if (masked) {
      frame.writeBytes(MASK);
      byte[] maskedPayload = payload.clone();
      for (int i = 0; i < maskedPayload.length; i++) {
        maskedPayload[i] ^= MASK[i & 3];
      }
      frame.writeBytes(maskedPayload);
    } else {
      frame.writeBytes(payload);
    }
    sendBytes(frame.toByteArray());
  }

  /** Bytes as they are: for frame headers no {@link #send} writes. */
  void sendBytes(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // Closed by the server, which may have said why first: that is read from the frames, so a
      // failed write does not end reading.
    }
  }

  /** The next frame within {@code wait}, or null when the connection ended or nothing came. */
  Frame next(Duration wait) {
    if (ended) {
      return null;
    }
    try {
      socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      if ((second & 0x80) != 0) {
        throw new IllegalStateException("the server masked a frame (RFC 6455 §5.1 forbids it)");
      }
      byte[] payload = new byte[Math.toIntExact(length)];
      in.readFully(payload);
      return new Frame((first & 0x80) != 0, first & 0x0F, payload);
    } catch (SocketTimeoutException e) {
      return null;
    } catch (EOFException | SocketException e) {
      ended = true;
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until the server's CLOSE frame, for at most {@code wait}: that frame, or null. */
  Frame awaitClose(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    for (Frame frame; (frame = next(remaining(deadline))) != null; ) {
      if (frame.opcode() == CLOSE) {
        return frame;
      }
    }
    return null;
  }

  /** Reads until the server ends the connection, for at most {@code wait}: whether it did. */
  boolean awaitEnd(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (next(remaining(deadline)) != null) {
      // frames after the close are not looked at
    }
    return ended;
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing: nothing left to do with it
    }
  }
}
