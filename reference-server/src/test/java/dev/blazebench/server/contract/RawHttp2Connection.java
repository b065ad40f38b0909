package dev.blazebench.server.contract;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One HTTP/2 connection (cleartext, prior knowledge) over a plain socket, for writing frames that
 * no client library would write and reading the server's answer frame by frame. Frames are put
 * together by hand (RFC 9113 §4.1: length, type, flags, stream, payload), so that any field can be
 * wrong; header blocks are HPACK-encoded and decoded by Netty's codec, which keeps each side's
 * dynamic table.
 *
 * <p>{@link #open} sends the preface and a SETTINGS frame that gives the server a large window, so
 * that answers are not held back by our flow control unless a test asks for that ({@link #open(int,
 * byte[])} sends the settings it is given instead). The server's SETTINGS are acknowledged as they
 * are read.
 */
final class RawHttp2Connection implements AutoCloseable {

  static final int DATA = 0x0;
  static final int HEADERS = 0x1;
  static final int PRIORITY = 0x2;
  static final int RST_STREAM = 0x3;
  static final int SETTINGS = 0x4;
  static final int PUSH_PROMISE = 0x5;
  static final int PING = 0x6;
  static final int GOAWAY = 0x7;
  static final int WINDOW_UPDATE = 0x8;
  static final int CONTINUATION = 0x9;

  static final int END_STREAM = 0x1;
  static final int ACK = 0x1;
  static final int END_HEADERS = 0x4;
  static final int PADDED = 0x8;
  static final int PRIORITY_FLAG = 0x20;

  static final int SETTINGS_ENABLE_PUSH = 0x2;
  static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;
  static final int SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
  static final int SETTINGS_MAX_FRAME_SIZE = 0x5;

  /** RFC 9113 §7. */
  enum ErrorCode {
    NO_ERROR,
    PROTOCOL_ERROR,
    INTERNAL_ERROR,
    FLOW_CONTROL_ERROR,
    SETTINGS_TIMEOUT,
    STREAM_CLOSED,
    FRAME_SIZE_ERROR,
    REFUSED_STREAM,
    CANCEL,
    COMPRESSION_ERROR,
    CONNECT_ERROR,
    ENHANCE_YOUR_CALM,
    INADEQUATE_SECURITY,
    HTTP_1_1_REQUIRED;

    static String nameOf(int code) {
      return code >= 0 && code < values().length
          ? values()[code].name()
          : "0x" + Integer.toHexString(code);
    }
  }

  /** One frame as read: its header fields and payload. */
  record Frame(int type, int flags, int stream, byte[] payload) {

    boolean has(int flag) {
      return (flags & flag) != 0;
    }

    /** The error code of a RST_STREAM or GOAWAY frame. */
    int errorCode() {
      int at = type == GOAWAY ? 4 : 0;
      return ByteBuffer.wrap(payload, at, 4).getInt();
    }

    @Override
    public String toString() {
      String what =
          switch (type) {
            case RST_STREAM, GOAWAY -> " " + ErrorCode.nameOf(errorCode());
            default -> "";
          };
      return "frame type "
          + type
          + what
          + " on stream "
          + stream
          + " ("
          + payload.length
          + " bytes)";
    }
  }

  /**
   * How a request ended, as the server answered it: the response's headers (with the trailers
   * merged in) when it completed, or the RST_STREAM or GOAWAY that ended it, or neither when the
   * connection closed or went quiet first.
   */
  record Answer(Http2Headers headers, Frame reset, Frame goAway) {

    boolean completed() {
      return headers != null;
    }

    @Override
    public String toString() {
      if (headers != null) {
        return "answered " + headers;
      }
      if (reset != null) {
        return "reset " + reset;
      }
      return goAway != null ? "connection ended " + goAway : "no answer";
    }
  }

  private static final byte[] PREFACE =
      "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** Far more than any answer here needs: 16 MiB, for the stream and for the connection. */
  private static final int LARGE_WINDOW = 1 << 24;

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private final DefaultHttp2HeadersEncoder encoder =
      new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.NEVER_SENSITIVE, false);
  private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false, false);
  private final List<Frame> read = Collections.synchronizedList(new ArrayList<>());
  private boolean closedByServer;
  private volatile boolean ended;
  private volatile boolean reading = true;
  private Thread reader;

  private RawHttp2Connection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    this.in = new DataInputStream(socket.getInputStream());
  }

  /** Connects, sends the preface and settings that open a large window, and the window itself. */
  static RawHttp2Connection open(int port) {
    RawHttp2Connection connection =
        open(port, settings(SETTINGS_INITIAL_WINDOW_SIZE, LARGE_WINDOW));
    connection.send(WINDOW_UPDATE, 0, 0, int32(LARGE_WINDOW));
    connection.flush();
    return connection;
  }

  /** Connects and sends the preface, then a SETTINGS frame holding {@code settings}. */
  static RawHttp2Connection open(int port, byte[] settings) {
    return open(port, settings, 0);
  }

  /**
   * As {@link #open(int, byte[])}, with a socket receive buffer of {@code receiveBufferBytes} (0:
   * the system's): a small one makes a server that writes to a client that does not read notice
   * soon, instead of after megabytes.
   */
  static RawHttp2Connection open(int port, byte[] settings, int receiveBufferBytes) {
    try {
      Socket socket = new Socket();
      if (receiveBufferBytes > 0) {
        socket.setReceiveBufferSize(receiveBufferBytes);
      }
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setTcpNoDelay(true);
      RawHttp2Connection connection = new RawHttp2Connection(socket);
      connection.out.write(PREFACE);
      connection.send(SETTINGS, 0, 0, settings);
      connection.flush();
      connection.awaitServerSettings();
      return connection;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Connects over HTTP/1.1 and asks for {@code path} with an upgrade to h2c (RFC 7540 §3.2); once
   * the server has switched protocols (101), sends the preface and settings as {@link #open(int)}
   * does. The answer to the upgrade request comes on stream 1.
   */
  static RawHttp2Connection upgrade(int port, String path) {
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(5_000);
      RawHttp2Connection connection = new RawHttp2Connection(socket);
      connection.out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                  + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      connection.out.flush();
      String head = RawWebSocket.readHead(connection.in);
      if (!head.startsWith("HTTP/1.1 101")) {
        socket.close();
        throw new AssertionError("no switch to h2c, answered: " + head);
      }
      connection.out.write(PREFACE);
      connection.send(SETTINGS, 0, 0, settings(SETTINGS_INITIAL_WINDOW_SIZE, LARGE_WINDOW));
      connection.send(WINDOW_UPDATE, 0, 0, int32(LARGE_WINDOW));
      connection.flush();
      connection.awaitServerSettings();
      return connection;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A SETTINGS payload: identifier and value pairs. */
  static byte[] settings(int... idsAndValues) {
    ByteBuffer payload = ByteBuffer.allocate(idsAndValues.length / 2 * 6);
    for (int i = 0; i < idsAndValues.length; i += 2) {
      payload.putShort((short) idsAndValues[i]).putInt(idsAndValues[i + 1]);
    }
    return payload.array();
  }

  static byte[] int32(int value) {
    return ByteBuffer.allocate(4).putInt(value).array();
  }

  /** Headers that may break the rules: nothing is checked when they are made or encoded. */
  static Http2Headers headers(String... namesAndValues) {
    Http2Headers headers = new DefaultHttp2Headers(false);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  /** The HPACK block for {@code headers}, against this connection's encoder table. */
  byte[] headerBlock(Http2Headers headers) {
    ByteBuf block = Unpooled.buffer();
    try {
      encoder.encodeHeaders(0, headers, block);
      return ByteBufUtil.getBytes(block);
    } catch (Http2Exception e) {
      throw new IllegalArgumentException("cannot encode " + headers, e);
    } finally {
      block.release();
    }
  }

  /** Writes one frame (buffered; {@link #flush} sends). A write the server refused is ignored. */
  synchronized void send(int type, int flags, int stream, byte[] payload) {
    byte[] header = new byte[9];
    header[0] = (byte) (payload.length >>> 16);
    header[1] = (byte) (payload.length >>> 8);
    header[2] = (byte) payload.length;
    header[3] = (byte) type;
    header[4] = (byte) flags;
    ByteBuffer.wrap(header, 5, 4).putInt(stream);
    sendBytes(header);
    sendBytes(payload);
  }

  /** Writes bytes as they are (buffered). */
  synchronized void sendBytes(byte[] bytes) {
    if (closedByServer) {
      return;
    }
    try {
      out.write(bytes);
    } catch (IOException e) {
      closedByServer = true; // a reset connection: what the server does is read from the frames
    }
  }

  synchronized void flush() {
    if (closedByServer) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      closedByServer = true;
    }
  }

  /** Whether reading found the connection closed or reset by the server. */
  boolean ended() {
    return ended;
  }

  /**
   * A setting from the server's first SETTINGS frame, or {@code absent} if it sent none (RFC 9113
   * §6.5.2: then the default applies, which for SETTINGS_MAX_CONCURRENT_STREAMS is no limit).
   */
  long serverSetting(int id, long absent) {
    for (Frame frame : framesRead()) {
      if (frame.type() == SETTINGS && !frame.has(ACK)) {
        ByteBuffer payload = ByteBuffer.wrap(frame.payload());
        while (payload.remaining() >= 6) {
          int setting = payload.getShort() & 0xFFFF;
          long value = payload.getInt() & 0xFFFF_FFFFL;
          if (setting == id) {
            return value;
          }
        }
        return absent;
      }
    }
    return absent;
  }

  /** Whether a write failed because the server had closed or reset the connection. */
  synchronized boolean writesFailed() {
    return closedByServer;
  }

  /**
   * The next frame from the server within {@code wait}, or null when the connection ended or
   * nothing came. The server's SETTINGS are acknowledged as they pass.
   */
  Frame next(Duration wait) {
    try {
      socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
      int length = in.readUnsignedByte() << 16 | in.readUnsignedShort();
      int type = in.readUnsignedByte();
      int flags = in.readUnsignedByte();
      int stream = in.readInt() & 0x7FFF_FFFF;
      byte[] payload = new byte[length];
      in.readFully(payload);
      Frame frame = new Frame(type, flags, stream, payload);
      read.add(frame);
      if (type == SETTINGS && !frame.has(ACK)) {
        send(SETTINGS, ACK, 0, new byte[0]);
        flush();
      }
      return frame;
    } catch (SocketTimeoutException e) {
      return null;
    } catch (EOFException | SocketException e) {
      ended = true; // closed or reset by the server (or closed here)
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads (and acknowledges) the server's first SETTINGS frame, which opens its side. */
  private void awaitServerSettings() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    for (Frame frame; (frame = next(remaining(deadline))) != null; ) {
      if (frame.type() == SETTINGS && !frame.has(ACK)) {
        return;
      }
    }
    throw new IllegalStateException("no SETTINGS from the server; read " + framesRead());
  }

  /**
   * Reads every frame on a daemon thread until the connection ends or {@link #stopReading}: for
   * floods, where the server's answers must be read while the test writes. {@link #framesRead}
   * shows what came.
   */
  void readInBackground() {
    reader =
        new Thread(
            () -> {
              while (reading && !socket.isClosed() && !ended) {
                next(Duration.ofMillis(100));
              }
            },
            "http2-frame-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Stops the reader {@link #readInBackground} started, and waits for it. */
  void stopReading() throws InterruptedException {
    reading = false;
    if (reader != null) {
      reader.join();
    }
  }

  /**
   * Reads until the server sends GOAWAY or ends the connection, for at most {@code wait}: the
   * GOAWAY, or null if none came.
   */
  Frame awaitGoAway(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    for (Frame frame; (frame = next(remaining(deadline))) != null; ) {
      if (frame.type() == GOAWAY) {
        return frame;
      }
    }
    return null;
  }

  /**
   * Reads until the server resets stream {@code stream} or sends GOAWAY, for at most {@code wait},
   * passing over anything else (an answer on the stream too): that frame, or null if none came.
   */
  Frame awaitReset(int stream, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    for (Frame frame; (frame = next(remaining(deadline))) != null; ) {
      if (frame.type() == GOAWAY || frame.type() == RST_STREAM && frame.stream() == stream) {
        return frame;
      }
    }
    return null;
  }

  /**
   * Reads until stream {@code stream} ends (its END_STREAM or RST_STREAM), the server sends GOAWAY,
   * or {@code wait} passes.
   */
  Answer awaitAnswer(int stream, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    Http2Headers headers = null;
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    boolean endsWithBlock = false; // the HEADERS frame carried END_STREAM
    for (Frame frame; (frame = next(remaining(deadline))) != null; ) {
      if (frame.type() == GOAWAY) {
        return new Answer(null, null, frame);
      }
      if (frame.stream() != stream) {
        continue;
      }
      switch (frame.type()) {
        case RST_STREAM -> {
          return new Answer(null, frame, null);
        }
        case DATA -> {
          if (frame.has(END_STREAM)) {
            return new Answer(headers, null, null);
          }
        }
        case HEADERS, CONTINUATION -> {
          int from = 0;
          int to = frame.payload().length;
          if (frame.type() == HEADERS) {
            block.reset();
            endsWithBlock = frame.has(END_STREAM);
            if (frame.has(PADDED)) {
              to -= frame.payload()[0] & 0xFF;
              from = 1;
            }
            if (frame.has(PRIORITY_FLAG)) {
              from += 5; // stream dependency and weight
            }
          }
          block.write(frame.payload(), from, to - from);
          if (frame.has(END_HEADERS)) {
            Http2Headers decoded = decode(stream, block.toByteArray());
            if (headers == null) {
              headers = decoded;
            } else {
              headers.add(decoded);
            }
            if (endsWithBlock) {
              return new Answer(headers, null, null);
            }
          }
        }
        default -> {
          // PRIORITY and the rest: nothing a request's end depends on
        }
      }
    }
    return new Answer(null, null, null);
  }

  /** Every frame read so far. */
  List<Frame> framesRead() {
    synchronized (read) {
      return List.copyOf(read);
    }
  }

  private Http2Headers decode(int stream, byte[] block) {
    ByteBuf buffer = Unpooled.wrappedBuffer(block);
    try {
      return decoder.decodeHeaders(stream, buffer);
    } catch (Http2Exception e) {
      throw new IllegalStateException("the server sent a header block we cannot decode", e);
    } finally {
      buffer.release();
    }
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
