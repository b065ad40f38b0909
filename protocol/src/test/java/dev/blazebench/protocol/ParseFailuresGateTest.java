package dev.blazebench.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ParseFailures.MessageGate} through a real grpc-java server and client (Netty): a request
 * is parsed only with room, a refused one closes its call with the gate's status, and the room
 * comes back when a call of one request ends, or after each message of a streaming call.
 */
class ParseFailuresGateTest {

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private static final MethodDescriptor<byte[], byte[]> HOLD = method("Hold", MethodType.UNARY);
  private static final MethodDescriptor<byte[], byte[]> COUNT =
      method("Count", MethodType.CLIENT_STREAMING);

  /** Room for 1,000 bytes; refuses past it with RESOURCE_EXHAUSTED naming the numbers. */
  private final CountingGate gate = new CountingGate(1_000);

  private final CountDownLatch letGo = new CountDownLatch(1);
  private final List<Long> heldDuringCount = new ArrayList<>();
  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void stop() throws InterruptedException {
    letGo.countDown();
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRequestIsParsedOnlyWithRoomAndItsRoomComesBackWhenTheCallEnds() throws Exception {
    start();
    // 600 bytes held by a call whose handler has not answered yet.
    CompletableFuture<byte[]> held =
        CompletableFuture.supplyAsync(
            () -> ClientCalls.blockingUnaryCall(channel, HOLD, CallOptions.DEFAULT, new byte[600]));
    awaitReserved(600);

    // 500 more do not fit: the call is closed with the gate's status, its message unparsed.
    assertThatThrownBy(() -> call(HOLD, new byte[500]))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessage("RESOURCE_EXHAUSTED: 600 held, 500 asked, room for 1000");
    assertThat(gate.reserved.get()).isEqualTo(600);

    // Once the first call is answered, its room is back and the same request is served.
    letGo.countDown();
    assertThat(held.get(5, TimeUnit.SECONDS)).hasSize(600);
    awaitReserved(0);
    assertThat(call(HOLD, new byte[500])).hasSize(500);
    awaitReserved(0);
  }

  @Test
  void aStreamingCallReturnsEachMessagesRoomOnceTheHandlerHasIt() throws Exception {
    start();
    letGo.countDown();
    List<byte[]> messages = List.of(new byte[700], new byte[700], new byte[700]);
    CompletableFuture<byte[]> counted = new CompletableFuture<>();
    StreamObserver<byte[]> requests =
        ClientCalls.asyncClientStreamingCall(
            channel.newCall(COUNT, CallOptions.DEFAULT), observer(counted));
    for (byte[] message : messages) {
      requests.onNext(message);
    }
    requests.onCompleted();

    // 2,100 bytes in all went through a gate with room for 1,000.
    assertThat(counted.get(5, TimeUnit.SECONDS)).isEqualTo(new byte[] {3});
    // The handler saw each message with only its own 700 bytes reserved.
    assertThat(heldDuringCount).containsExactly(700L, 700L, 700L);
    awaitReserved(0);
  }

  private void start() throws IOException {
    ServerServiceDefinition service =
        ServerServiceDefinition.builder("test.Gate")
            .addMethod(
                HOLD,
                ServerCalls.asyncUnaryCall(
                    (request, responses) -> {
                      await(letGo);
                      responses.onNext(request);
                      responses.onCompleted();
                    }))
            .addMethod(
                COUNT,
                ServerCalls.asyncClientStreamingCall(
                    responses ->
                        new StreamObserver<byte[]>() {
                          private int count;

                          @Override
                          public void onNext(byte[] value) {
                            heldDuringCount.add(gate.reserved.get());
                            count++;
                          }

                          @Override
                          public void onError(Throwable t) {}

                          @Override
                          public void onCompleted() {
                            responses.onNext(new byte[] {(byte) count});
                            responses.onCompleted();
                          }
                        }))
            .build();
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(ParseFailures.reportAsInvalidArgument(service, gate))
            .build()
            .start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  private byte[] call(MethodDescriptor<byte[], byte[]> method, byte[] request) {
    return ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT, request);
  }

  private void awaitReserved(long bytes) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gate.reserved.get() != bytes) {
      if (System.nanoTime() > until) {
        throw new AssertionError("reserved " + gate.reserved.get() + ", expected " + bytes);
      }
      Thread.sleep(5);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static StreamObserver<byte[]> observer(CompletableFuture<byte[]> result) {
    return new StreamObserver<>() {
      @Override
      public void onNext(byte[] value) {
        result.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }

  private static MethodDescriptor<byte[], byte[]> method(String name, MethodType type) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName("test.Gate", name))
        .setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES)
        .build();
  }

  /** Reserves known lengths up to a limit; refuses past it. */
  private static final class CountingGate implements ParseFailures.MessageGate {
    private final long limit;
    final AtomicLong reserved = new AtomicLong();

    CountingGate(long limit) {
      this.limit = limit;
    }

    @Override
    public synchronized long reserve(int bytes) throws StatusException {
      assertThat(bytes).as("a Netty server knows each message's length").isNotNegative();
      if (reserved.get() + bytes > limit) {
        throw Status.RESOURCE_EXHAUSTED
            .withDescription(reserved.get() + " held, " + bytes + " asked, room for " + limit)
            .asException();
      }
      reserved.addAndGet(bytes);
      return bytes;
    }

    @Override
    public void release(long bytes) {
      reserved.addAndGet(-bytes);
    }
  }
}
