package dev.blazebench.load.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.QueryRequest;
import dev.blazebench.protocol.grpc.QueryResponse;
import dev.blazebench.protocol.query.Query;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class GrpcDeadlineTest {

  @Test
  void aCallTheServerNeverAnswersFailsAtItsDeadlineAndIsCancelledOnTheServer() throws Exception {
    CountDownLatch cancelledOnServer = new CountDownLatch(1);
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(
                new BlazeDBServiceGrpc.BlazeDBServiceImplBase() {
                  @Override
                  public void query(QueryRequest request, StreamObserver<QueryResponse> answer) {
                    // Never answers; notices when the client gives up.
                    ((ServerCallStreamObserver<QueryResponse>) answer)
                        .setOnCancelHandler(cancelledOnServer::countDown);
                  }
                })
            .build()
            .start();
    try (WrappedGrpcApi api =
        new WrappedGrpcApi(new GrpcConnections("127.0.0.1", server.getPort(), 1, 1 << 20))) {
      Throwable failure = null;
      try {
        api.query("bugs", Query.all(), Duration.ofMillis(200)).get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      assertThat(failure).isInstanceOf(TimeoutException.class);
      assertThat(api.classify(failure).errorClass()).isEqualTo(ErrorClass.DEADLINE);
      assertThat(cancelledOnServer.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      server.shutdownNow();
    }
  }
}
