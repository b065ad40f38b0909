package dev.blazebench.harness.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link DelayRelay} between a blocking client and a blocking server on loopback: bytes arrive
 * intact and in order, each direction waits the delay, ends of streams follow the data before them,
 * refused targets and {@link DelayRelay#close()} close what they must, and a receiver that does not
 * read cannot make the relay buffer without bound.
 */
class DelayRelayTest {

  private static final int PAYLOAD_BYTES = 2_000_000;
  private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

  @Test
  void bytesArriveIntactAndInOrderEachWay() throws Exception {
    try (BlockingServer echo = BlockingServer.echo();
        DelayRelay relay = DelayRelay.start("127.0.0.1", List.of(echo.address()), millis(20))) {
      byte[] payload = randomBytes(PAYLOAD_BYTES, 1);
      assertThat(echoThrough(relay.routes().get(0).listen(), payload)).isEqualTo(payload);
    }
  }

  @Test
  void zeroDelayRelaysIntactAndInOrder() throws Exception {
    try (BlockingServer echo = BlockingServer.echo();
        DelayRelay relay = DelayRelay.start("127.0.0.1", List.of(echo.address()), Duration.ZERO)) {
      byte[] payload = randomBytes(PAYLOAD_BYTES, 2);
      assertThat(echoThrough(relay.routes().get(0).listen(), payload)).isEqualTo(payload);
    }
  }

  @Test
  void concurrentConnectionsEachKeepTheirOwnBytes() throws Exception {
    int connections = 8;
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    try (BlockingServer echo = BlockingServer.echo();
        DelayRelay relay = DelayRelay.start("127.0.0.1", List.of(echo.address()), millis(5))) {
      InetSocketAddress listen = relay.routes().get(0).listen();
      List<byte[]> payloads = new ArrayList<>();
      List<Future<byte[]>> echoes = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        byte[] payload = randomBytes(PAYLOAD_BYTES, 100 + i);
        payloads.add(payload);
        echoes.add(clients.submit(() -> echoThrough(listen, payload)));
      }
      for (int i = 0; i < connections; i++) {
        assertThat(echoes.get(i).get(20, TimeUnit.SECONDS))
            .as("connection " + i)
            .isEqualTo(payloads.get(i));
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void roundTripTakesAtLeastTwiceTheOneWayDelay() throws Exception {
    try (BlockingServer echo = BlockingServer.echo();
        DelayRelay relay = DelayRelay.start("127.0.0.1", List.of(echo.address()), millis(100));
        Socket client = connect(relay.routes().get(0).listen())) {
      long startNanos = System.nanoTime();
      client.getOutputStream().write(42);
      int echoed = client.getInputStream().read();
      long roundTripMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      assertThat(echoed).isEqualTo(42);
      assertThat(roundTripMillis).isBetween(200L, 5_000L);
    }
  }

  @Test
  void refusedTargetClosesTheClientAndOtherRoutesKeepServing() throws Exception {
    InetSocketAddress refusing = unusedAddress();
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (BlockingServer echo = BlockingServer.echo();
        DelayRelay relay =
            DelayRelay.start("127.0.0.1", List.of(refusing, echo.address()), millis(10))) {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      try (Socket client = connect(relay.routes().get(0).listen())) {
        assertThat(readOrReset(client.getInputStream())).isEqualTo(-1);
      } finally {
        System.setErr(stderr);
      }
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("blazebench relay: cannot connect to " + DelayRelay.hostPort(refusing));

      byte[] payload = randomBytes(10_000, 3);
      assertThat(echoThrough(relay.routes().get(1).listen(), payload)).isEqualTo(payload);
    }
  }

  @Test
  void serverCloseReachesTheClientAfterTheDataBeforeIt() throws Exception {
    byte[] answer = randomBytes(300_000, 4);
    try (BlockingServer server =
            BlockingServer.start(socket -> socket.getOutputStream().write(answer));
        DelayRelay relay = DelayRelay.start("127.0.0.1", List.of(server.address()), millis(50));
        Socket client = connect(relay.routes().get(0).listen())) {
      assertThat(client.getInputStream().readAllBytes()).isEqualTo(answer);
    }
  }

  @Test
  void clientHalfCloseStillGetsTheAnswer() throws Exception {
    // The server answers only once the request has ended, as an HTTP/1.0 server or `nc -N` would.
    try (BlockingServer server =
            BlockingServer.start(
                socket -> {
                  byte[] request = socket.getInputStream().readAllBytes();
                  socket
                      .getOutputStream()
                      .write(("got " + request.length).getBytes(StandardCharsets.US_ASCII));
                });
        DelayRelay relay = DelayRelay.start("127.0.0.1", List.of(server.address()), millis(20));
        Socket client = connect(relay.routes().get(0).listen())) {
      client.getOutputStream().write(new byte[12_345]);
      client.shutdownOutput();
      assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("got 12345");
    }
  }

  @Test
  void closeClosesListenersAndOpenConnections() throws Exception {
    try (BlockingServer echo = BlockingServer.echo()) {
      DelayRelay relay = DelayRelay.start("127.0.0.1", List.of(echo.address()), millis(10));
      InetSocketAddress listen = relay.routes().get(0).listen();
      try (Socket client = connect(listen)) {
        client.getOutputStream().write(7);
        assertThat(client.getInputStream().read()).isEqualTo(7);

        relay.close();
        relay.close(); // idempotent

        assertThat(readOrReset(client.getInputStream())).isEqualTo(-1);
        assertThatThrownBy(() -> connect(listen).close()).isInstanceOf(ConnectException.class);
      }
      assertThat(relay.heldBytes()).isZero();
    }
  }

  @Test
  void receiverThatDoesNotReadHoldsTheRelayToItsBound() throws Exception {
    long totalBytes = 64L << 20;
    AtomicLong sentBytes = new AtomicLong();
    BlockingServer.Handler sender =
        socket -> {
          OutputStream out = socket.getOutputStream();
          byte[] chunk = new byte[64 * 1024];
          for (long offset = 0; offset < totalBytes; offset += chunk.length) {
            fillPattern(chunk, offset);
            out.write(chunk);
            sentBytes.addAndGet(chunk.length);
          }
        };
    try (BlockingServer server = BlockingServer.start(sender);
        DelayRelay relay = DelayRelay.start("127.0.0.1", List.of(server.address()), millis(5));
        Socket client = connect(relay.routes().get(0).listen())) {
      // The client reads nothing: the relay fills to its bound and stops reading the server.
      awaitTrue(() -> relay.heldBytes() >= DelayRelay.BOUND_BYTES_PER_DIRECTION, "relay at bound");
      // The rest waits in the server: the relay and the kernel's socket buffers hold less than 64
      // MB.
      assertThat(sentBytes.get()).as("bytes the server got rid of").isLessThan(totalBytes);
      System.out.println(
          "server stalled after " + sentBytes.get() + " bytes; relay holds " + relay.heldBytes());

      CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> readPattern(client));
      assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(totalBytes);
      // One read loop of Netty's (at most 16 reads of 64 KiB) may land after the pause.
      assertThat(relay.peakHeldBytes())
          .isLessThanOrEqualTo(DelayRelay.BOUND_BYTES_PER_DIRECTION + (2L << 20));
      awaitTrue(() -> relay.heldBytes() == 0, "relay drained");
    }
  }

  @Test
  void routesFollowTheOrderOfTargets() throws Exception {
    try (BlockingServer first = BlockingServer.echo();
        BlockingServer second = BlockingServer.echo();
        DelayRelay relay =
            DelayRelay.start("127.0.0.1", List.of(first.address(), second.address()), millis(1))) {
      assertThat(relay.routes())
          .extracting(DelayRelay.Route::target)
          .containsExactly(first.address(), second.address());
      assertThat(relay.routes())
          .allSatisfy(
              route -> assertThat(route.listen().getAddress().isLoopbackAddress()).isTrue());
      assertThat(relay.oneWayDelay()).isEqualTo(millis(1));
    }
  }

  @Test
  void startRejectsBadArgumentsNamingTheValue() {
    List<InetSocketAddress> someTarget = List.of(new InetSocketAddress("127.0.0.1", 9));
    assertThatThrownBy(() -> DelayRelay.start("127.0.0.1", someTarget, millis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oneWayDelay must be between 0 and 10s, was -5 ms");
    assertThatThrownBy(() -> DelayRelay.start("127.0.0.1", someTarget, Duration.ofMillis(10_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("oneWayDelay must be between 0 and 10s, was 10001 ms");
    assertThatThrownBy(() -> DelayRelay.start("127.0.0.1", List.of(), millis(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("targets");
  }

  private static Duration millis(long millis) {
    return Duration.ofMillis(millis);
  }

  private static Socket connect(InetSocketAddress address) throws IOException {
    Socket socket = new Socket(address.getAddress(), address.getPort());
    socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    return socket;
  }

  /** Sends {@code payload}, then ends the output; returns all that comes back until the end. */
  private static byte[] echoThrough(InetSocketAddress address, byte[] payload) throws Exception {
    try (Socket socket = connect(address)) {
      CompletableFuture<Void> sent =
          CompletableFuture.runAsync(
              () -> {
                try {
                  socket.getOutputStream().write(payload);
                  socket.shutdownOutput();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      byte[] received = socket.getInputStream().readAllBytes();
      sent.get(SOCKET_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      return received;
    }
  }

  /** The next byte, -1 at the end of the stream; a reset counts as the end. */
  private static int readOrReset(InputStream in) throws IOException {
    try {
      return in.read();
    } catch (SocketException reset) {
      return -1;
    }
  }

  /** An address nothing listens on: a port the OS just gave out and took back. */
  private static InetSocketAddress unusedAddress() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), probe.getLocalPort());
    }
  }

  private static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Bytes that say where in the stream they stand, so a reordering cannot pass unseen. */
  private static void fillPattern(byte[] chunk, long offset) {
    for (int i = 0; i < chunk.length; i++) {
      long position = offset + i;
      chunk[i] = (byte) (position ^ (position >>> 8) ^ (position >>> 16));
    }
  }

  /** Reads to the end, checking every byte against {@link #fillPattern}; returns the count. */
  private static long readPattern(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[64 * 1024];
      byte[] expected = new byte[buffer.length];
      long position = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        fillPattern(expected, position);
        for (int i = 0; i < n; i++) {
          if (buffer[i] != expected[i]) {
            throw new AssertionError("byte " + (position + i) + " differs");
          }
        }
        position += n;
      }
      return position;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("waiting for " + what).isNegative();
      Thread.sleep(10);
    }
  }
}
