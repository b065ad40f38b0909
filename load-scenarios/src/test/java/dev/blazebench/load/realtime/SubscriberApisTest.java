package dev.blazebench.load.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.poll.PollingSubscribers;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.load.ws.WebSocketSubscribers;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.workload.BugFields;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerOptions;
import dev.blazebench.server.net.ConnectionLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every subscriber API against a real reference server: an insert, an update and a delete arrive
 * decoded, in order, with consecutive sequences, and the subscriber's socket bytes are counted.
 */
class SubscriberApisTest {

  private static final long WAIT_SECONDS = 20;

  private static ReferenceServer server;
  private static BlazeGrpcClient writer;

  @BeforeAll
  static void startServer() throws IOException {
    server =
        ReferenceServer.start(
            ServerOptions.defaults().withGrpcPort(0).withHttpPort(0).withSeedRecords(0));
    writer = BlazeGrpcClient.forTarget(server.grpcAddress());
  }

  @AfterAll
  static void stopServer() {
    writer.close();
    server.close();
  }

  private static String freshCollection() {
    return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** What a sink received, message by message. */
  private static final class Received implements ChangeSink {
    final BlockingQueue<ObservedChange> changes = new LinkedBlockingQueue<>();
    final List<Long> payloadBytes = new ArrayList<>();
    volatile Throwable end;

    @Override
    public synchronized void onChanges(
        List<ObservedChange> batch, long receivedNanos, long payload) {
      changes.addAll(batch);
      payloadBytes.add(payload);
    }

    @Override
    public void onEnd(Throwable cause) {
      end = cause;
    }

    ObservedChange next() throws InterruptedException {
      ObservedChange change = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(change)
          .as("a change within " + WAIT_SECONDS + " s (end: " + end + ")")
          .isNotNull();
      return change;
    }

    synchronized long payloadTotal() {
      return payloadBytes.stream().mapToLong(Long::longValue).sum();
    }
  }

  private static BlazeRecord bug(int index, String title) {
    return BugWorkload.newBug(BugWorkload.DEFAULT_SEED, index).toBuilder()
        .put(BugFields.TITLE, BlazeValue.string(title))
        .build();
  }

  /** Inserts probes until one arrives: the subscription is then live. Returns its change. */
  private static ObservedChange awaitLive(String collection, Received received)
      throws InterruptedException {
    for (int probe = 0; probe < 100 && received.end == null; probe++) {
      writer.insert(collection, bug(probe, "probe " + probe));
      ObservedChange change = received.changes.poll(200, TimeUnit.MILLISECONDS);
      if (change != null) {
        received.changes.clear();
        return change;
      }
    }
    throw new AssertionError("no probe arrived (end: " + received.end + ")");
  }

  private static void insertUpdateDeleteArriveInOrder(Supplier<SubscriberApi> open)
      throws Exception {
    String collection = freshCollection();
    try (SubscriberApi api = open.get()) {
      api.awaitReady(10_000);
      Received received = new Received();
      AutoCloseable subscription = api.subscribe(collection, received);
      try {
        awaitLive(collection, received);
        Thread.sleep(300); // let a late probe arrive before the checked changes
        received.changes.clear();
        WireCounter.Snapshot before = api.wireCounter().snapshot();
        long payloadBefore = received.payloadTotal();

        UUID id = writer.insert(collection, bug(500, "hello"));
        writer.update(
            collection,
            id,
            BlazeRecord.builder().put(BugFields.TITLE, BlazeValue.string("again")).build());
        writer.delete(collection, id);

        ObservedChange insert = received.next();
        ObservedChange update = received.next();
        ObservedChange delete = received.next();
        assertThat(insert.kind()).isEqualTo(ObservedChange.Kind.INSERT);
        assertThat(insert.id()).isEqualTo(id);
        assertThat(insert.title()).isEqualTo("hello");
        assertThat(update.kind()).isEqualTo(ObservedChange.Kind.UPDATE);
        assertThat(update.title()).isEqualTo("again");
        assertThat(delete.kind()).isEqualTo(ObservedChange.Kind.DELETE);
        assertThat(delete.id()).isEqualTo(id);
        assertThat(delete.title()).isNull();
        assertThat(update.sequence()).isEqualTo(insert.sequence() + 1);
        assertThat(delete.sequence()).isEqualTo(insert.sequence() + 2);
        assertThat(received.end).isNull();

        long payload = received.payloadTotal() - payloadBefore;
        WireCounter.Snapshot wire = api.wireCounter().snapshot().minus(before);
        assertThat(payload).as(api.name() + " payload").isPositive();
        assertThat(wire.receivedBytes()).as(api.name() + " wire received").isGreaterThan(payload);
      } finally {
        subscription.close();
      }
    }
  }

  @Test
  void grpcWrappedStream() throws Exception {
    insertUpdateDeleteArriveInOrder(
        () -> new GrpcSubscribers(GrpcSubscribers.Flavor.WRAPPED, "127.0.0.1", server.grpcPort()));
  }

  @Test
  void grpcNativeStream() throws Exception {
    insertUpdateDeleteArriveInOrder(
        () -> new GrpcSubscribers(GrpcSubscribers.Flavor.NATIVE, "127.0.0.1", server.grpcPort()));
  }

  @Test
  void grpcProtobufStream() throws Exception {
    insertUpdateDeleteArriveInOrder(
        () -> new GrpcSubscribers(GrpcSubscribers.Flavor.PROTOBUF, "127.0.0.1", server.grpcPort()));
  }

  /**
   * A subscription outlasts the server's idle timeout: the WebSocket client answers the server's
   * pings, a gRPC stream is a call in progress. The writer's idle gRPC connection is sent GOAWAY in
   * between; its next insert goes out on a new one.
   */
  private static void quietSubscriptionOutlastsTheIdleTimeout(
      Function<ReferenceServer, SubscriberApi> open) throws Exception {
    Duration idle = Duration.ofSeconds(1);
    try (ReferenceServer quiet =
            ReferenceServer.start(
                ServerOptions.defaults()
                    .withGrpcPort(0)
                    .withHttpPort(0)
                    .withSeedRecords(0)
                    .withConnections(ConnectionLimits.defaults().withIdleTimeout(idle)));
        BlazeGrpcClient quietWriter = BlazeGrpcClient.forTarget(quiet.grpcAddress());
        SubscriberApi api = open.apply(quiet)) {
      String collection = freshCollection();
      api.awaitReady(10_000);
      Received received = new Received();
      AutoCloseable subscription = api.subscribe(collection, received);
      try {
        for (int probe = 0; received.changes.isEmpty() && probe < 100; probe++) {
          quietWriter.insert(collection, bug(probe, "probe " + probe));
          Thread.sleep(200);
        }
        assertThat(received.changes).as("a probe arrived (end: " + received.end + ")").isNotEmpty();

        Thread.sleep(idle.multipliedBy(4).toMillis());
        received.changes.clear();
        UUID id = quietWriter.insert(collection, bug(500, "after the quiet"));

        ObservedChange change = received.next();
        assertThat(change.id()).isEqualTo(id);
        assertThat(change.title()).isEqualTo("after the quiet");
        assertThat(received.end).isNull();
      } finally {
        subscription.close();
      }
    }
  }

  @Test
  void webSocketPushOutlastsTheIdleTimeout() throws Exception {
    quietSubscriptionOutlastsTheIdleTimeout(
        quiet -> new WebSocketSubscribers("127.0.0.1", quiet.httpPort()));
  }

  @Test
  void grpcStreamOutlastsTheIdleTimeout() throws Exception {
    quietSubscriptionOutlastsTheIdleTimeout(
        quiet ->
            new GrpcSubscribers(GrpcSubscribers.Flavor.WRAPPED, "127.0.0.1", quiet.grpcPort()));
  }

  @Test
  void webSocketPush() throws Exception {
    insertUpdateDeleteArriveInOrder(() -> new WebSocketSubscribers("127.0.0.1", server.httpPort()));
  }

  @Test
  void restPolling() throws Exception {
    insertUpdateDeleteArriveInOrder(
        () -> new PollingSubscribers("127.0.0.1", server.httpPort(), Duration.ofMillis(100), 1));
  }

  /**
   * Once the socket is upgraded, a WebSocket subscriber receives exactly its messages' frames: the
   * counted bytes equal each text frame's header (2 bytes up to 125 bytes of payload, 4 up to
   * 65,535) plus its payload, and it sends nothing.
   */
  @Test
  void webSocketFramesAreCountedExactly() throws Exception {
    String collection = freshCollection();
    try (WebSocketSubscribers api = new WebSocketSubscribers("127.0.0.1", server.httpPort())) {
      Received received = new Received();
      AutoCloseable subscription = api.subscribe(collection, received);
      try {
        awaitLive(collection, received);
        Thread.sleep(300); // a late probe's message must not fall inside the measured window
        received.changes.clear();
        int messagesBefore;
        synchronized (received) {
          messagesBefore = received.payloadBytes.size();
        }
        WireCounter.Snapshot before = api.wireCounter().snapshot();
        for (int i = 0; i < 5; i++) {
          writer.insert(collection, bug(600 + i, "frame " + i));
          received.next(); // one at a time: one change per message
        }
        WireCounter.Snapshot wire = api.wireCounter().snapshot().minus(before);
        List<Long> payloads;
        synchronized (received) {
          payloads =
              List.copyOf(
                  received.payloadBytes.subList(messagesBefore, received.payloadBytes.size()));
        }
        long expected = 0;
        for (long payload : payloads) {
          expected += payload + (payload <= 125 ? 2 : payload <= 65_535 ? 4 : 10);
        }
        assertThat(payloads).hasSize(5);
        assertThat(wire.receivedBytes()).isEqualTo(expected);
        assertThat(wire.sentBytes()).isZero();
      } finally {
        subscription.close();
      }
    }
  }
}
