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
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread serving =
          new Thread(
              () -> {
                try {
                  serveThreeRequestsToThisTestsClient(server, serverReceived, serverSent);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
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
                  .compose(r -> r.send())
                  .compose(r -> r.body())
                  .toCompletionStage()
                  .toCompletableFuture()
                  .get(10, TimeUnit.SECONDS)
                  .toString(StandardCharsets.US_ASCII);
          assertThat(body).isEqualTo("hello world");
        }
        serving.join(10_000);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
    // Three requests on one keep-alive connection: Vert.x rebuilt its pipeline for HTTP after the
    // connect, and the counter stayed at its head.
    assertThat(serverReceived.get()).isGreaterThan(3 * 30L);
    assertThat(counter.snapshot().sentBytes()).isEqualTo(serverReceived.get());
    assertThat(counter.snapshot().receivedBytes()).isEqualTo(serverSent.get());
  }

  /**
   * Serves three requests on the first connection whose first request is this test's. The port came
   * from the ephemeral range, so a client another test left reconnecting to a port that was free
   * before may reach this socket first: such a connection is closed and not counted, else it would
   * take the only accept and leave this test's client waiting in the backlog.
   */
  private static void serveThreeRequestsToThisTestsClient(
      ServerSocket server, AtomicLong serverReceived, AtomicLong serverSent) throws IOException {
    while (true) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        String firstHead;
        try {
          firstHead = readHead(in);
        } catch (IOException closedEarly) {
          continue;
        }
        if (!firstHead.startsWith("GET /v1/bugs/0 ")) {
          System.err.println(
              "CountingVertxTransportTest: closed a connection that is not this test's, from port "
                  + socket.getPort()
                  + ", first bytes: "
                  + firstHead.substring(0, Math.min(80, firstHead.length())));
          continue;
        }
        String head = firstHead;
        for (int request = 0; request < 3; request++) {
          if (request > 0) {
            head = readHead(in);
          }
          serverReceived.addAndGet(head.length());
          out.write(RESPONSE);
          out.flush();
          serverSent.addAndGet(RESPONSE.length);
        }
        return;
      }
    }
  }

  /** Reads one request head (a GET has no body), in ASCII: one char per byte read. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the client closed the connection mid-request");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
