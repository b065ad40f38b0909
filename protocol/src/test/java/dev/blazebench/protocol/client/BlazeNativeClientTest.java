package dev.blazebench.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.protocol.nativegrpc.BlazeMarshallers;
import dev.blazebench.protocol.nativegrpc.BlazeNativeMethods;
import dev.blazebench.protocol.nativegrpc.BlazeNativeService;
import dev.blazebench.protocol.nativegrpc.NativeCall;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import io.grpc.CallOptions;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native client against tiny fake handlers: headers, message plumbing and error mapping only.
 * What a real server answers is tested in reference-server's contract suite.
 */
class BlazeNativeClientTest {

  private static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
  private static final BlazeRecord ID_RECORD =
      BlazeRecord.builder().put("id", BlazeValue.uuid(ID)).build();

  private final List<NativeCall> calls = new CopyOnWriteArrayList<>();
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private TestServer grpc;

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    if (grpc != null) {
      grpc.close();
    }
  }

  private BlazeNativeClient start(ServerServiceDefinition service) throws IOException {
    grpc = TestServer.inProcess(service);
    return BlazeNativeClient.create(grpc.channel);
  }

  private BlazeNativeClient startFake() throws IOException {
    return start(fakeService());
  }

  private ServerServiceDefinition fakeService() {
    return (BlazeNativeService.builder()
        .insert(
            (call, record) -> {
              calls.add(call);
              return call.returnRecord()
                  ? record.toBuilder().put("id", BlazeValue.uuid(ID)).build()
                  : ID_RECORD;
            })
        .insertMany(
            (call, records) -> {
              calls.add(call);
              List<BlazeRecord> ids = new ArrayList<>();
              for (int i = 0; i < records.size(); i++) {
                ids.add(ID_RECORD);
              }
              return ids;
            })
        .fetch(
            (call, id) -> {
              throw Status.NOT_FOUND.withDescription("no record " + id).asRuntimeException();
            })
        .update(
            (call, changes) -> {
              calls.add(call);
              return changes;
            })
        .delete(
            (call, id) -> {
              release.await(10, TimeUnit.SECONDS); // outlives the client's deadline
              return BlazeRecord.empty();
            })
        .query(
            (call, query) -> {
              if (query.limit() != null && query.limit() == 13) {
                throw new InvalidQueryException("limit", "unlucky");
              }
              if (query.limit() != null && query.limit() == 500) {
                throw new IllegalStateException("store exploded");
              }
              return BugWorkload.bugs(
                  BugWorkload.DEFAULT_SEED, 0, query.limit() == null ? 3 : query.limit());
            })
        .streamQuery(
            (call, query, batches) -> {
              calls.add(call);
              batches.setOnCancelHandler(cancelled::countDown);
              int batchCount = query.limit() == null ? 3 : query.limit();
              for (int i = 0; i < batchCount; i++) {
                batches.onNext(
                    BugWorkload.bugs(
                        BugWorkload.DEFAULT_SEED, i * call.batchSize(), call.batchSize()));
              }
              if (query.offset() == 1) {
                batches.onError(
                    Status.ABORTED.withDescription("store closed").asRuntimeException());
              } else if (query.offset() == 2) {
                return; // leave the stream open: the client cancels
              } else {
                batches.onCompleted();
              }
            })
        .build());
  }

  @Test
  void sendsTheCollectionAndOptionsAsHeaders() throws IOException {
    BlazeNativeClient client = startFake();
    BlazeRecord bug = BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0);
    assertThat(client.insert("my bugs/ü", bug)).isEqualTo(ID);
    assertThat(client.insertReturningRecord("bugs", bug).get("id")).isEqualTo(BlazeValue.uuid(ID));
    assertThat(calls)
        .containsExactly(
            new NativeCall("my bugs/ü", false, 1000), new NativeCall("bugs", true, 1000));
  }

  @Test
  void insertManyReturnsOneIdPerRecord() throws IOException {
    BlazeNativeClient client = startFake();
    assertThat(client.insertMany("bugs", BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 0, 4)))
        .containsExactly(ID, ID, ID, ID);
  }

  @Test
  void updateSendsTheIdInsideTheChanges() throws IOException {
    BlazeNativeClient client = startFake();
    BlazeRecord changes =
        BlazeRecord.builder()
            .put("status", BlazeValue.string("closed"))
            .put("assignee", BlazeValue.nullValue())
            .build();
    BlazeRecord sent = client.update("bugs", ID, changes);
    assertThat(sent).isEqualTo(changes.toBuilder().put("id", BlazeValue.uuid(ID)).build());
    assertThatThrownBy(() -> client.update("bugs", UUID.randomUUID(), sent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an id cannot change");
  }

  @Test
  void statusesBecomeTypedErrors() throws IOException {
    BlazeNativeClient client = startFake();
    assertThatThrownBy(() -> client.fetch("bugs", ID))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.NOT_FOUND);
              assertThat(e.status().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e).hasMessage("Fetch failed with NOT_FOUND: no record " + ID);
            });
    assertThatThrownBy(() -> client.query("bugs", Query.builder().limit(13).build()))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.INVALID_ARGUMENT);
              assertThat(e)
                  .hasMessage("Query failed with INVALID_ARGUMENT: invalid query: limit: unlucky");
            });
    assertThatThrownBy(() -> client.query("bugs", Query.builder().limit(500).build()))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.SERVER_ERROR));
    assertThatThrownBy(() -> client.aggregate("bugs", Query.all()))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.UNIMPLEMENTED));
  }

  @Test
  void aSlowCallFailsAtItsDeadline() throws IOException {
    BlazeClient client = startFake().withDeadline(Duration.ofMillis(200));
    assertThatThrownBy(() -> client.delete("bugs", ID))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.DEADLINE_EXCEEDED));
  }

  @Test
  void aResponseOverTheLimitIsResourceExhausted() throws IOException {
    grpc = TestServer.netty(fakeService());
    BlazeNativeClient client =
        BlazeNativeClient.create(
            grpc.channel, ClientSettings.defaults().withMaxInboundMessageBytes(1024));
    assertThatThrownBy(() -> client.query("bugs", Query.builder().limit(100).build()))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.RESOURCE_EXHAUSTED));
  }

  @Test
  void aStoppedServerIsUnavailable() throws Exception {
    BlazeNativeClient client = startFake();
    grpc.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    assertThatThrownBy(() -> client.fetch("bugs", ID))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.UNAVAILABLE));
  }

  @Test
  void streamsBatchesOfTheRequestedSize() throws IOException {
    BlazeNativeClient client = startFake();
    List<Integer> sizes = new ArrayList<>();
    long records = client.streamQuery("bugs", Query.all(), 7, batch -> sizes.add(batch.size()));
    assertThat(sizes).containsExactly(7, 7, 7);
    assertThat(records).isEqualTo(21);
    assertThat(calls.get(0).batchSize()).isEqualTo(7);
    client.streamQuery("bugs", Query.all(), 0, batch -> {});
    assertThat(calls.get(1).batchSize()).isEqualTo(1000);
  }

  @Test
  void aStreamFailingMidwayDeliversWhatCameFirst() throws IOException {
    BlazeNativeClient client = startFake();
    try (BatchStream batches =
        client.streamQuery("bugs", Query.builder().offset(1).limit(1).build(), 2)) {
      assertThat(batches.next()).hasSize(2);
      assertThatThrownBy(batches::hasNext)
          .isInstanceOfSatisfying(
              BlazeClientException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.OTHER);
                assertThat(e).hasMessage("StreamQuery failed with ABORTED: store closed");
              });
    }
  }

  @Test
  void closingAStreamCancelsTheCall() throws Exception {
    BlazeNativeClient client = startFake();
    BatchStream batches = client.streamQuery("bugs", Query.builder().offset(2).limit(1).build(), 2);
    assertThat(batches.next()).hasSize(2);
    batches.close();
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
  }

  // ---- the server side of the binding, seen through raw calls ----

  private static MethodDescriptor<byte[], byte[]> raw(MethodDescriptor<?, ?> method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(method.getType())
        .setFullMethodName(method.getFullMethodName())
        .setRequestMarshaller(BlazeMarshallers.bytes())
        .setResponseMarshaller(BlazeMarshallers.bytes())
        .build();
  }

  private static Metadata collectionHeader(String value) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("blazedb-collection", Metadata.ASCII_STRING_MARSHALLER), value);
    return headers;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void malformedRequestBytesAreRejectedWithTheDecodersMessage(boolean overNetty)
      throws IOException {
    grpc = overNetty ? TestServer.netty(fakeService()) : TestServer.inProcess(fakeService());
    byte[] truncated = HexFormat.of().parseHex("424c415a4501000109");
    StatusRuntimeException e =
        rawCall(raw(BlazeNativeMethods.INSERT), collectionHeader("bugs"), truncated);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .startsWith("malformed BlazeBinary record: ")
        .contains("at byte offset");
    byte[] negativeLimit =
        BlazeBinaryEncoder.encode(
            BlazeRecord.builder().put("limit", BlazeValue.integer(-1)).build(), FormatVersion.V1);
    StatusRuntimeException badQuery =
        rawCall(raw(BlazeNativeMethods.QUERY_METHOD), collectionHeader("bugs"), negativeLimit);
    assertThat(badQuery.getStatus().getDescription())
        .isEqualTo("invalid query: limit: must not be negative, was -1");
    assertThat(badQuery.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void aCallWithoutCollectionIsRejected() throws IOException {
    startFake();
    byte[] id = BlazeNativeMethods.FETCH.streamRequest(ID).readAllBytes();
    StatusRuntimeException e = rawCall(raw(BlazeNativeMethods.FETCH), new Metadata(), id);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .isEqualTo("missing header blazedb-collection (the collection name)");
  }

  @Test
  void aBadBatchSizeIsRejected() throws IOException {
    startFake();
    Metadata headers = collectionHeader("bugs");
    headers.put(Metadata.Key.of("blazedb-batch-size", Metadata.ASCII_STRING_MARSHALLER), "0");
    byte[] query = BlazeNativeMethods.STREAM_QUERY.streamRequest(Query.all()).readAllBytes();
    StatusRuntimeException e = rawCall(raw(BlazeNativeMethods.STREAM_QUERY), headers, query);
    assertThat(e.getStatus().getDescription())
        .isEqualTo("blazedb-batch-size: expected a positive integer, was \"0\"");
  }

  @Test
  void aMalformedResponseIsReportedAsSuch() throws IOException {
    MethodDescriptor<byte[], byte[]> rawFetch = raw(BlazeNativeMethods.FETCH);
    ServerServiceDefinition garbage =
        ServerServiceDefinition.builder(BlazeNativeMethods.SERVICE_NAME)
            .addMethod(
                rawFetch,
                ServerCalls.asyncUnaryCall(
                    (request, responses) -> {
                      responses.onNext(new byte[] {'B', 'L', 'A', 'Z', 'E', 9});
                      responses.onCompleted();
                    }))
            .build();
    BlazeNativeClient client = start(garbage);
    assertThatThrownBy(() -> client.fetch("bugs", ID))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.MALFORMED_RESPONSE);
              assertThat(e.status()).isNull();
              assertThat(e).hasMessageStartingWith("Fetch: malformed response: ");
            });
  }

  private StatusRuntimeException rawCall(
      MethodDescriptor<byte[], byte[]> method, Metadata headers, byte[] body) {
    var channel =
        io.grpc.ClientInterceptors.intercept(
            grpc.channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    try {
      if (method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
        ClientCalls.blockingServerStreamingCall(channel, method, CallOptions.DEFAULT, body)
            .hasNext();
      } else {
        ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT, body);
      }
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }
}
