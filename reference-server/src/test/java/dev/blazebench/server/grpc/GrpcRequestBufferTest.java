package dev.blazebench.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.InsertRequest;
import dev.blazebench.protocol.grpc.SubscribeRequest;
import dev.blazebench.protocol.grpc.SyncUpdate;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import dev.blazebench.server.net.ConnectionLimits;
import dev.blazebench.server.net.RequestBuffer;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gRPC listener's request buffer against a real server: a call holds its request's bytes until
 * it ends, a request that would pass the limit meanwhile is closed UNAVAILABLE before it is parsed,
 * and the same request is parsed (and judged on its content) once the holding call has ended.
 */
class GrpcRequestBufferTest {

  /** Both the largest message and the buffer: one request of nearly that size fills it. */
  private static final int LIMIT = 1_000;

  @TempDir Path dataDir;

  @Test
  void aRequestPastTheBufferIsRefusedUnparsedUntilTheHoldingCallEnds() throws Exception {
    try (ReferenceServer server =
        ReferenceServer.start(
            ServerOptions.defaults()
                .withApis(EnumSet.of(ServerApi.BLAZE))
                .withGrpcPort(0)
                .withDataDir(dataDir)
                .withSeedRecords(0)
                // The message size first: the buffer must always hold the largest request.
                .withMaxMessageBytes(LIMIT)
                .withConnections(ConnectionLimits.defaults().withRequestBufferBytes(LIMIT)))) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
      try {
        RequestBuffer requests = server.grpcRequests();
        // A subscription holds its small request for as long as it stays open.
        ClientCallStreamObserver<?>[] subscription = new ClientCallStreamObserver<?>[1];
        BlazeDBServiceGrpc.newStub(channel)
            .subscribe(
                SubscribeRequest.newBuilder().setCollection("bugs").setFromLatest(true).build(),
                new ClientResponseObserver<SubscribeRequest, SyncUpdate>() {
                  @Override
                  public void beforeStart(ClientCallStreamObserver<SubscribeRequest> call) {
                    subscription[0] = call;
                  }

                  @Override
                  public void onNext(SyncUpdate value) {}

                  @Override
                  public void onError(Throwable t) {}

                  @Override
                  public void onCompleted() {}
                });
        awaitTrue(() -> requests.reserved() > 0);
        long held = requests.reserved();

        // Not a BlazeBinary record: parsed, it is INVALID_ARGUMENT; refused, it is never parsed.
        InsertRequest nearlyTheLimit =
            InsertRequest.newBuilder()
                .setCollection("bugs")
                .setRecord(ByteString.copyFrom(new byte[LIMIT - 10]))
                .build();
        assertThat(nearlyTheLimit.getSerializedSize() + held).isGreaterThan(LIMIT);
        assertThatThrownBy(() -> BlazeDBServiceGrpc.newBlockingStub(channel).insert(nearlyTheLimit))
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> {
                  assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                  assertThat(e.getStatus().getDescription()).contains("--request-buffer");
                });
        assertThat(requests.refused()).isEqualTo(1);

        subscription[0].cancel("done", null);
        awaitTrue(() -> requests.reserved() == 0);
        assertThatThrownBy(() -> BlazeDBServiceGrpc.newBlockingStub(channel).insert(nearlyTheLimit))
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        awaitTrue(() -> requests.reserved() == 0);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not true within 10 s");
      }
      Thread.sleep(5);
    }
  }
}
