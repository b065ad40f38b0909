package dev.blazebench.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile client's HTTP/1.1 part: requests to the REST listener whose framing is wrong (the
 * body's length, the header block, the request line), written byte by byte on a plain socket. Each
 * must get the answer RFC 9112 asks for, or the connection closed, and never be read in a way that
 * lets the rest of its bytes pass for another request (request smuggling): after a refusal that
 * must close the connection, nothing more comes. Nothing is written to the store, the server logs
 * no warning, and a valid request on a new connection is answered afterwards.
 */
class Http1FramingAttackTest extends SeededServerTest {

  private static final byte[] BODY =
      "{\"title\":\"smuggled\",\"status\":\"open\",\"priority\":1}"
          .getBytes(StandardCharsets.UTF_8);

  /**
   * One request: what is wrong with it, where RFC 9112 (or 9110) says what to do, its bytes, the
   * status it must get and whether the connection must then close.
   */
  private record Case(String name, String rfc, byte[] request, int status, boolean closes) {

    @Override
    public String toString() {
      return name + " (" + rfc + ")";
    }
  }

  static Stream<Case> requests() {
    List<Case> cases = new ArrayList<>();
    // The body's length.
    cases.add(
        post(
            "Content-Length and Transfer-Encoding both",
            "RFC 9112 §6.3",
            "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n",
            "0\r\n\r\nPOST /v1/bugs HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + BODY.length
                + "\r\n\r\n",
            400,
            true));
    cases.add(
        post(
            "two different Content-Lengths",
            "RFC 9112 §6.3",
            "Content-Length: 4\r\nContent-Length: " + BODY.length + "\r\n",
            "",
            400,
            true));
    cases.add(
        post(
            "a negative Content-Length", "RFC 9110 §8.6", "Content-Length: -1\r\n", "", 400, true));
    cases.add(
        post(
            "a Content-Length past 2^64",
            "RFC 9110 §8.6",
            "Content-Length: 99999999999999999999\r\n",
            "",
            400,
            true));
    // Read as no body by Vert.x, which would then take the body for the next request: refused
    // with 501 and the connection closed.
    cases.add(
        post(
            "a transfer coding other than chunked",
            "RFC 9112 §6.1",
            "Transfer-Encoding: xchunked\r\n",
            "",
            501,
            true));
    cases.add(
        post(
            "chunked, but not the only transfer coding",
            "RFC 9112 §6.1",
            "Transfer-Encoding: gzip, chunked\r\n",
            "",
            501,
            true));
    cases.add(chunked("a chunk size that is not hexadecimal", "ZZ\r\n" + body() + "\r\n0\r\n\r\n"));
    cases.add(
        chunked("a chunk size past 2^32", "FFFFFFFFFFFFFFFFFF\r\n" + body() + "\r\n0\r\n\r\n"));
    cases.add(
        post(
            "Expect: 100-continue with a body over the limit",
            "RFC 9110 §10.1.1",
            "Expect: 100-continue\r\nContent-Length: 999999999\r\n",
            null,
            413,
            false));
    // The header block and the request line.
    cases.add(
        raw(
            "a header field of 100 KB",
            "RFC 6585 §5",
            "GET /api/bugs HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n",
            431));
    StringBuilder many = new StringBuilder("GET /api/bugs HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 10_000; i++) {
      many.append("X-").append(i).append(": 1\r\n");
    }
    cases.add(raw("10,000 header fields", "RFC 6585 §5", many + "\r\n", 431));
    cases.add(
        raw(
            "a target of 100 KB",
            "RFC 9112 §3",
            "GET /api/bugs?" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            414));
    cases.add(
        raw(
            "whitespace between a field name and the colon",
            "RFC 9112 §5.1",
            "GET /api/bugs HTTP/1.1\r\nHost : x\r\n\r\n",
            400));
    cases.add(
        raw(
            "NUL in a field value",
            "RFC 9110 §5.5",
            "GET /api/bugs HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n",
            400));
    cases.add(
        raw(
            "a control character in the method",
            "RFC 9112 §3",
            "G\1T /api/bugs HTTP/1.1\r\nHost: x\r\n\r\n",
            400));
    cases.add(
        raw("bare LF line ends", "RFC 9112 §2.2", "GET /api/bugs HTTP/1.1\nHost: x\n\n", 400));
    cases.add(
        new Case(
            "HTTP/1.1 without Host",
            "RFC 9112 §3.2",
            ascii("GET /api/bugs HTTP/1.1\r\n\r\n"),
            400,
            false));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void eachIsRefusedAndNothingPassesForAnotherRequest(Case request) throws IOException {
    Exchange exchange;
    List<String> warnings;
    try (WarningLog log = WarningLog.capture()) {
      exchange = exchange(request.request());
      warnings = log.warnings();
    }

    assertThat(exchange.statuses()).as(exchange.toString()).isNotEmpty();
    assertThat(exchange.statuses().get(0)).as(exchange.toString()).isEqualTo(request.status());
    if (request.closes()) {
      assertThat(exchange.closed()).as("closed; " + exchange).isTrue();
      assertThat(exchange.statuses()).as("one answer at most; " + exchange).hasSizeLessThan(2);
    }
    assertThat(warnings).as("warnings logged").isEmpty();
    assertStoreUnchanged();
    Exchange valid =
        exchange(ascii("GET /api/bugs?limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    assertThat(valid.statuses()).as("a valid request afterwards: " + valid).containsExactly(200);
  }

  // ---- requests ----

  private static Case post(
      String name, String rfc, String framing, String body, int status, boolean closes) {
    String head =
        "POST /v1/" + COLLECTION + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    return new Case(
        name,
        rfc,
        ascii(head + framing + "\r\n" + (body == null ? "" : body + body())),
        status,
        closes);
  }

  private static Case chunked(String name, String chunks) {
    String head =
        "POST /v1/"
            + COLLECTION
            + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";
    return new Case(name, "RFC 9112 §7.1", ascii(head + chunks), 400, true);
  }

  private static Case raw(String name, String rfc, String request, int status) {
    return new Case(name, rfc, ascii(request), status, true);
  }

  private static String body() {
    return new String(BODY, StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  // ---- the exchange ----

  /** What came back: the status of each response seen, and whether the server closed. */
  private record Exchange(List<Integer> statuses, boolean closed, String text) {

    @Override
    public String toString() {
      String shown = text.length() > 600 ? text.substring(0, 600) + "..." : text;
      return "statuses " + statuses + (closed ? ", closed" : ", left open") + ": " + shown;
    }
  }

  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

  /**
   * Sends {@code request} on a new connection, reads until the server closes it or is quiet for 1.5
   * s. Responses are found by their status lines (bodies here are short JSON).
   */
  private Exchange exchange(byte[] request) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    boolean closed = false;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", servers.httpUri().getPort()), 5_000);
      socket.setSoTimeout(1_500);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
      } catch (SocketException e) {
        // closed before all was written: what it answered is read below
      }
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.write(buffer, 0, n);
        }
        closed = true;
      } catch (SocketTimeoutException e) {
        closed = false;
      } catch (SocketException e) {
        closed = true; // reset
      }
    }
    String text = received.toString(StandardCharsets.ISO_8859_1);
    List<Integer> statuses = new ArrayList<>();
    Matcher m = STATUS_LINE.matcher(text);
    while (m.find()) {
      statuses.add(Integer.parseInt(m.group(1)));
    }
    return new Exchange(statuses, closed, text);
  }
}
