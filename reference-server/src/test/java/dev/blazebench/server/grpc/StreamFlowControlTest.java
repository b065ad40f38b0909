package dev.blazebench.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.client.BatchStream;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.BlazeNativeClient;
import dev.blazebench.protocol.client.ProtoBugClient;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.store.BlazeStore;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * StreamQuery over 50,000 records in batches of 1,000 to a client that reads slowly: the server
 * must hand gRPC a batch only when the transport is ready, so the batches it has sent but the
 * client has not read stay bounded by the flow-control windows, not by the result's size. Observed
 * at the gRPC boundary (an interceptor counting {@code sendMessage} and {@code isReady() ==
 * false}), not by timing.
 */
class StreamFlowControlTest {

  private static final int RECORDS = 50_000;
  private static final int BATCH = 1_000;
  private static final int BATCHES = RECORDS / BATCH;

  /** The client's HTTP/2 window; fixed, because auto-tuning could grow it. */
  private static final int CLIENT_WINDOW_BYTES = 1024 * 1024;

  /**
   * Most batches sent but not yet read: the client window holds about 3 batches (each about 370
   * KB), the server's queue at most one more before isReady turns false, the client's call buffers
   * one or two; 8 leaves room, and is far below the 50 a server without flow control sends.
   */
  private static final int MAX_OUTSTANDING_BATCHES = 8;

  @TempDir static Path dataDir;
  private static BlazeStore store;
  private static Server server;
  private static ManagedChannel channel;
  private static final AtomicInteger sent = new AtomicInteger();
  private static final AtomicInteger notReady = new AtomicInteger();
  private static volatile CountDownLatch paused = new CountDownLatch(1);
  private static volatile CountDownLatch cancelled = new CountDownLatch(1);

  @BeforeAll
  static void start() throws Exception {
    store = BlazeStore.open(dataDir);
    BlazeDatabase database = new BlazeDatabase(store);
    for (int from = 0; from < RECORDS; from += 5_000) {
      database.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, from, 5_000));
    }
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(GrpcApis.blazeWrapped(database))
            .addService(GrpcApis.blazeNative(database))
            .addService(GrpcApis.protobuf(database))
            .intercept(new Counting())
            .build()
            .start();
    channel =
        NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
            .usePlaintext()
            .flowControlWindow(CLIENT_WINDOW_BYTES)
            .build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    store.close();
  }

  @BeforeEach
  void reset() {
    sent.set(0);
    notReady.set(0);
    paused = new CountDownLatch(1);
    cancelled = new CountDownLatch(1);
  }

  private static BlazeClient client(String api) {
    Function<ManagedChannel, BlazeClient> factory =
        switch (api) {
          case "wrapped" -> BlazeGrpcClient::create;
          case "native" -> BlazeNativeClient::create;
          case "protobuf" -> ProtoBugClient::create;
          default -> throw new IllegalArgumentException(api);
        };
    return factory.apply(channel);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wrapped", "native", "protobuf"})
  void aSlowClientKeepsTheServersOutstandingBatchesBounded(String api) throws Exception {
    try (BlazeClient client = client(api);
        BatchStream batches = client.streamQuery("bugs", Query.all(), BATCH)) {
      int read = 0;
      long records = 0;
      assertThat(batches.hasNext()).isTrue();
      records += batches.next().size();
      read++;
      // The client stops reading. The server must stop too, because the transport is full.
      assertThat(paused.await(60, TimeUnit.SECONDS))
          .as("the server saw isReady() == false and waited")
          .isTrue();
      assertThat(sent.get() - read).isLessThanOrEqualTo(MAX_OUTSTANDING_BATCHES);
      while (batches.hasNext()) {
        List<BlazeRecord> batch = batches.next();
        records += batch.size();
        read++;
        // At every step of the slow read, the server is at most a few batches ahead.
        assertThat(sent.get() - read).isLessThanOrEqualTo(MAX_OUTSTANDING_BATCHES);
      }
      assertThat(records).isEqualTo(RECORDS);
      assertThat(read).isEqualTo(BATCHES);
      assertThat(sent.get()).isEqualTo(BATCHES);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"wrapped", "native", "protobuf"})
  void closingTheStreamEarlyCancelsTheServersSending(String api) throws Exception {
    try (BlazeClient client = client(api)) {
      BatchStream batches = client.streamQuery("bugs", Query.all(), BATCH);
      batches.next();
      batches.next();
      batches.close();
      assertThat(cancelled.await(60, TimeUnit.SECONDS)).as("the server saw the cancel").isTrue();
      assertThat(sent.get()).isLessThan(BATCHES);
      // The server still serves, and a full stream after the cancelled one is complete.
      assertThat(client.streamQuery("bugs", Query.builder().limit(2_500).build(), BATCH, b -> {}))
          .isEqualTo(2_500);
    }
  }

  /** Counts the batches each StreamQuery hands to gRPC, the times it found gRPC not ready. */
  private static final class Counting implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      if (!call.getMethodDescriptor().getBareMethodName().equals("StreamQuery")) {
        return next.startCall(call, headers);
      }
      ServerCall<Q, R> counting =
          new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendMessage(R message) {
              sent.incrementAndGet();
              super.sendMessage(message);
            }

            @Override
            public boolean isReady() {
              boolean ready = super.isReady();
              if (!ready) {
                notReady.incrementAndGet();
                paused.countDown();
              }
              return ready;
            }
          };
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
          next.startCall(counting, headers)) {
        @Override
        public void onCancel() {
          cancelled.countDown();
          super.onCancel();
        }
      };
    }
  }
}
