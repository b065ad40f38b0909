package dev.blazebench.load.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CountingVertxTransportTest {

  private static final byte[] RESPONSE =
      ("HTTP/1.1 200 OK\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world")
          .getBytes(StandardCharsets.US_ASCII);

  @Test
  void theClientCountsExactlyTheBytesTheServersSocketSawEachWay() throws Exception {
    AtomicLong serverReceived = new AtomicLong();
    AtomicLong serverSent = new AtomicLong();
    WireCounter counter = new WireCounter(WireCounter.NETTY_SOCKET_HANDLER);
    List<Thread> connections = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread serving =
          new Thread(
              () -> acceptUntilClosed(server, connections, serverReceived, serverSent),
              "counting-transport-test-server");
      serving.setDaemon(true);
      serving.start();

      Vertx vertx = Vertx.builder().withTransport(new CountingVertxTransport(counter)).build();
      try {
        HttpClientAgent client =
            vertx
                .httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true))
                .with(new PoolOptions().setHttp1MaxSize(1))
                .build();
        for (int request = 0; request < 3; request++) {
          String body =
              client
                  .request(
                      new RequestOptions()
                          .setMethod(HttpMethod.GET)
                          .setHost("127.0.0.1")
                          .setPort(server.getLocalPort())
                          .setURI("/v1/bugs/" + request))
                  // body() inside send's callback: chained after it, from this thread, the
                  // response can end first and Vert.x up to 5.0.10 never completed the body
                  // (eclipse-vertx/vert.x#6038, fixed in 5.0.12), a hang seen here under load.
                  .compose(r -> r.send().compose(response -> response.body()))
                  .toCompletionStage()
                  .toCompletableFuture()
                  .get(10, TimeUnit.SECONDS)
                  .toString(StandardCharsets.US_ASCII);
          assertThat(body).isEqualTo("hello world");
        }
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
      // The client closed its connections: each server side has read to the end and counted all.
      for (Thread connection : connections) {
        connection.join(10_000);
      }
    }
    // Three requests, on one keep-alive connection or more: Vert.x rebuilds its pipeline for HTTP
    // after every connect, and the counter stays at its head.
    assertThat(serverReceived.get()).isGreaterThan(3 * 30L);
    assertThat(counter.snapshot().sentBytes()).isEqualTo(serverReceived.get());
    assertThat(counter.snapshot().receivedBytes()).isEqualTo(serverSent.get());
  }

  /**
   * Accepts connections until the server socket closes, each served on its own thread until the
   * client closes it: the server never closes first, so no response races a close (a hang seen
   * about once in six module runs when the server closed right after the third response), and a
   * client that opens a second connection is served too. The port came from the ephemeral range, so
   * a client another test left connecting to a port that was free before could reach this socket: a
   * connection whose first request is not this test's is closed, logged and not counted.
   */
  private static void acceptUntilClosed(
      ServerSocket server,
      List<Thread> connections,
      AtomicLong serverReceived,
      AtomicLong serverSent) {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return;
      }
      Thread connection =
          new Thread(
              () -> serveUntilTheClientCloses(socket, serverReceived, serverSent),
              "counting-transport-test-connection");
      connection.setDaemon(true);
      connections.add(connection);
      connection.start();
    }
  }

  private static void serveUntilTheClientCloses(
      Socket socket, AtomicLong serverReceived, AtomicLong serverSent) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      boolean first = true;
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return; // the client closed the connection between requests
        }
        if (first && !head.startsWith("GET /v1/bugs/")) {
          System.err.println(
              "CountingVertxTransportTest: closed a connection that is not this test's, from port "
                  + socket.getPort()
                  + ", first bytes: "
                  + head.substring(0, Math.min(80, head.length())));
          return;
        }
        first = false;
        serverReceived.addAndGet(head.length());
        out.write(RESPONSE);
        out.flush();
        serverSent.addAndGet(RESPONSE.length);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one request head (a GET has no body), in ASCII: one char per byte read; null if the
   * connection ends before its first byte.
   */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("the client closed the connection mid-request");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
