package dev.blazebench.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeClientException;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.BlazeNativeClient;
import dev.blazebench.protocol.client.ProtoBugClient;
import dev.blazebench.protocol.client.RestJsonClient;
import dev.blazebench.protocol.nativegrpc.BlazeMarshallers;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, reflection, API selection, seeding, port 0 and the data directory's life cycle. */
class OperationsTest {

  @TempDir Path dataDir;

  @Test
  void healthIsServingForTheServerAndForEachService() throws Exception {
    try (RunningServer grpc = RunningServer.start(dataDir)) {
      HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(grpc.channel);
      for (String service :
          List.of(
              "",
              GrpcApis.BLAZE_WRAPPED_SERVICE,
              GrpcApis.BLAZE_NATIVE_SERVICE,
              GrpcApis.PROTOBUF_SERVICE)) {
        assertThat(
                health
                    .check(HealthCheckRequest.newBuilder().setService(service).build())
                    .getStatus())
            .as(service)
            .isEqualTo(ServingStatus.SERVING);
      }
    }
  }

  @Test
  void reflectionListsTheServicesSoGrpcurlCanFindThem() throws Exception {
    try (RunningServer grpc = RunningServer.start(dataDir)) {
      CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
      StreamObserver<ServerReflectionRequest> requests =
          ServerReflectionGrpc.newStub(grpc.channel)
              .serverReflectionInfo(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                      answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                      answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {}
                  });
      requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
      requests.onCompleted();
      List<String> services =
          answer.get(30, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
              .map(ServiceResponse::getName)
              .toList();
      assertThat(services)
          .contains(
              "blazedb.v1.BlazeDBService",
              "bugs.v1.BugService",
              "grpc.health.v1.Health",
              "grpc.reflection.v1.ServerReflection");
    }
  }

  @Test
  void healthAndReflectionRefuseAMessageTheyCannotParseAsInvalidArgument() throws Exception {
    byte[] notProtobuf = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    try (RunningServer grpc = RunningServer.start(dataDir)) {
      for (MethodDescriptor<?, ?> method :
          List.of(
              HealthGrpc.getCheckMethod(), ServerReflectionGrpc.getServerReflectionInfoMethod())) {
        MethodDescriptor<byte[], byte[]> raw =
            MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(method.getFullMethodName())
                .setRequestMarshaller(BlazeMarshallers.bytes())
                .setResponseMarshaller(BlazeMarshallers.bytes())
                .build();
        assertThatThrownBy(
                () ->
                    ClientCalls.blockingUnaryCall(
                        grpc.channel, raw, CallOptions.DEFAULT, notProtobuf))
            .as(method.getFullMethodName())
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> {
                  assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                  assertThat(e.getStatus().getDescription()).startsWith("malformed request: ");
                });
      }
    }
  }

  @Test
  void onlyTheRequestedApisAreServed() throws Exception {
    ServerOptions protoOnly = RunningServer.options(dataDir).withApis(EnumSet.of(ServerApi.PROTO));
    try (RunningServer grpc = RunningServer.start(protoOnly)) {
      assertThat(grpc.server.httpPort()).isEqualTo(-1);
      assertThat(grpc.server.listeners()).isEqualTo("grpc=127.0.0.1:" + grpc.server.grpcPort());
      assertThat(ProtoBugClient.create(grpc.channel).query("bugs", Query.all())).isEmpty();
      assertThatThrownBy(() -> BlazeGrpcClient.create(grpc.channel).query("bugs", Query.all()))
          .isInstanceOfSatisfying(
              BlazeClientException.class,
              e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.UNIMPLEMENTED));
    }
  }

  @Test
  void everyApiServesTheSameStoreAndTheListenersAreNamed() throws Exception {
    ServerOptions all =
        RunningServer.options(dataDir).withApis(EnumSet.allOf(ServerApi.class)).withHttpPort(0);
    try (RunningServer grpc = RunningServer.start(all);
        BlazeClient blaze = BlazeNativeClient.create(grpc.channel);
        BlazeClient proto = ProtoBugClient.create(grpc.channel);
        BlazeClient rest = RestJsonClient.forTarget("127.0.0.1:" + grpc.server.httpPort())) {
      assertThat(grpc.server.listeners())
          .isEqualTo(
              "grpc=127.0.0.1:"
                  + grpc.server.grpcPort()
                  + " http=127.0.0.1:"
                  + grpc.server.httpPort());
      BlazeRecord bug = BugWorkload.bug(BugWorkload.DEFAULT_SEED, 3);
      UUID id = blaze.insertMany("bugs", List.of(bug)).get(0);
      assertThat(proto.fetch("bugs", id)).isEqualTo(bug);
      assertThat(rest.fetch("bugs", id)).isEqualTo(bug);
    }
  }

  @Test
  void awaitTerminationBlocksUntilCloseEvenWithoutGrpc() throws Exception {
    ServerOptions restOnly =
        RunningServer.options(dataDir).withApis(EnumSet.of(ServerApi.REST)).withHttpPort(0);
    ReferenceServer server = ReferenceServer.start(restOnly);
    CompletableFuture<Boolean> terminatedWhenReturned = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              try {
                server.awaitTermination();
                terminatedWhenReturned.complete(server.isTerminated());
              } catch (InterruptedException e) {
                terminatedWhenReturned.completeExceptionally(e);
              }
            });
    waiter.start();
    assertThat(server.grpcPort()).isEqualTo(-1);
    assertThat(server.listeners()).isEqualTo("http=127.0.0.1:" + server.httpPort());
    server.close();
    // It returned only once close() had finished (a REST-only server has no gRPC server to wait
    // on).
    assertThat(terminatedWhenReturned.get(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theWorkloadIsSeededOnceIntoAnEmptyStore() throws Exception {
    ServerOptions seeded = RunningServer.options(dataDir).withSeedRecords(1_500);
    try (RunningServer grpc = RunningServer.start(seeded)) {
      assertThat(grpc.server.database().count("bugs")).isEqualTo(1_500);
      assertThat(grpc.server.grpcPort()).isPositive();
    }
    // Restarted on the same directory: the data is there and is not seeded again.
    try (RunningServer grpc = RunningServer.start(seeded.withSeedRecords(2_000))) {
      assertThat(grpc.server.database().count("bugs")).isEqualTo(1_500);
    }
  }

  @Test
  void aTemporaryDataDirectoryIsDeletedOnClose() throws Exception {
    Path temporary;
    try (RunningServer grpc = RunningServer.start(RunningServer.options(null))) {
      temporary = grpc.server.dataDir();
      assertThat(temporary).isDirectory();
    }
    assertThat(Files.exists(temporary)).isFalse();
  }
}
