package dev.blazebench.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.protocol.GrpcErrors;
import dev.blazebench.protocol.ParseFailures;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.DeleteRequest;
import dev.blazebench.protocol.grpc.DeleteResponse;
import dev.blazebench.protocol.grpc.FetchRequest;
import dev.blazebench.protocol.grpc.FetchResponse;
import dev.blazebench.protocol.grpc.InsertManyRequest;
import dev.blazebench.protocol.grpc.InsertManyResponse;
import dev.blazebench.protocol.grpc.InsertRequest;
import dev.blazebench.protocol.grpc.InsertResponse;
import dev.blazebench.protocol.grpc.QueryRequest;
import dev.blazebench.protocol.grpc.QueryResponse;
import dev.blazebench.protocol.grpc.RecordBatch;
import dev.blazebench.protocol.grpc.StreamQueryRequest;
import dev.blazebench.protocol.grpc.UpdateRequest;
import dev.blazebench.protocol.grpc.UpdateResponse;
import dev.blazebench.protocol.nativegrpc.BlazeMarshallers;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryDocument;
import dev.blazebench.protocol.workload.BugWorkload;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wrapped-service client against a tiny fake service: request encoding, response decoding and
 * error mapping only. What a real server answers is tested in reference-server's contract suite.
 */
class BlazeGrpcClientTest {

  private static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  private final List<Object> requests = new CopyOnWriteArrayList<>();
  private TestServer grpc;
  private BlazeGrpcClient client;

  @AfterEach
  void stop() throws InterruptedException {
    grpc.close();
  }

  /** Echoes what it was sent, so the test can see the request's payloads decoded. */
  private final class Fake extends BlazeDBServiceGrpc.BlazeDBServiceImplBase {
    @Override
    public void insert(InsertRequest request, StreamObserver<InsertResponse> responses) {
      requests.add(request);
      BlazeRecord stored =
          DECODER.decode(request.getRecord().toByteArray()).toBuilder()
              .put("id", BlazeValue.uuid(ID))
              .build();
      InsertResponse.Builder response =
          InsertResponse.newBuilder().setId(UuidBytes.toByteString(ID));
      if (request.getReturnRecord()) {
        response.setRecord(
            ByteString.copyFrom(BlazeBinaryEncoder.encode(stored, FormatVersion.V2)));
      }
      responses.onNext(response.build());
      responses.onCompleted();
    }

    @Override
    public void insertMany(
        InsertManyRequest request, StreamObserver<InsertManyResponse> responses) {
      int count = BlazeSequences.decodeRecords(request.getRecords().toByteArray()).size();
      ByteString ids = ByteString.EMPTY;
      // "collection" names the fault to inject.
      int idCount = request.getCollection().equals("short") ? count - 1 : count;
      for (int i = 0; i < idCount; i++) {
        ids = ids.concat(UuidBytes.toByteString(new UUID(0, i)));
      }
      responses.onNext(InsertManyResponse.newBuilder().setIds(ids).setCount(count).build());
      responses.onCompleted();
    }

    @Override
    public void fetch(FetchRequest request, StreamObserver<FetchResponse> responses) {
      if (request.getCollection().equals("garbage")) {
        responses.onNext(
            FetchResponse.newBuilder().setRecord(ByteString.copyFromUtf8("BLAZE?")).build());
        responses.onCompleted();
        return;
      }
      responses.onError(
          Status.NOT_FOUND
              .withDescription("no record " + UuidBytes.fromByteString(request.getId()))
              .asRuntimeException());
    }

    @Override
    public void update(UpdateRequest request, StreamObserver<UpdateResponse> responses) {
      requests.add(request);
      responses.onNext(UpdateResponse.newBuilder().setRecord(request.getChanges()).build());
      responses.onCompleted();
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<DeleteResponse> responses) {
      responses.onError(
          Status.RESOURCE_EXHAUSTED.withDescription("quota spent").asRuntimeException());
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> responses) {
      Query query;
      try {
        query = QueryDocument.fromRecord(DECODER.decode(request.getQuery().toByteArray()));
      } catch (RuntimeException e) {
        responses.onError(GrpcErrors.toException(e));
        return;
      }
      List<BlazeRecord> bugs = BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, query.limit());
      responses.onNext(
          QueryResponse.newBuilder()
              .setRecords(ByteString.copyFrom(BlazeSequences.encodeRecords(bugs, FormatVersion.V1)))
              .setCount(bugs.size())
              .build());
      responses.onCompleted();
    }

    @Override
    public void streamQuery(StreamQueryRequest request, StreamObserver<RecordBatch> responses) {
      requests.add(request);
      for (int i = 0; i < 2; i++) {
        List<BlazeRecord> bugs =
            BugWorkload.bugs(
                BugWorkload.DEFAULT_SEED, i * request.getBatchSize(), request.getBatchSize());
        responses.onNext(
            RecordBatch.newBuilder()
                .setRecords(
                    ByteString.copyFrom(BlazeSequences.encodeRecords(bugs, FormatVersion.V1)))
                .setCount(bugs.size())
                .build());
      }
      responses.onError(Status.UNAVAILABLE.withDescription("going away").asRuntimeException());
    }
  }

  private void start() throws IOException {
    grpc = TestServer.inProcess(ParseFailures.reportAsInvalidArgument(new Fake().bindService()));
    client = BlazeGrpcClient.create(grpc.channel);
  }

  @Test
  void insertSendsBlazeBinaryAndReadsTheSixteenByteId() throws IOException {
    start();
    BlazeRecord bug = BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0);
    assertThat(client.insert("bugs", bug)).isEqualTo(ID);
    InsertRequest sent = (InsertRequest) requests.get(0);
    assertThat(sent.getCollection()).isEqualTo("bugs");
    assertThat(sent.getRecord().toByteArray())
        .isEqualTo(BlazeBinaryEncoder.encode(bug, FormatVersion.V1));
    assertThat(sent.getReturnRecord()).isFalse();
    assertThat(client.insertReturningRecord("bugs", bug))
        .isEqualTo(bug.toBuilder().put("id", BlazeValue.uuid(ID)).build());
  }

  @Test
  void insertManySplitsTheConcatenatedIds() throws IOException {
    start();
    assertThat(client.insertMany("bugs", BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 0, 3)))
        .containsExactly(new UUID(0, 0), new UUID(0, 1), new UUID(0, 2));
    assertThatThrownBy(
            () -> client.insertMany("short", BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 0, 3)))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.MALFORMED_RESPONSE);
              assertThat(e).hasMessageContaining("expected 3 ids (16 bytes each), got 32 bytes");
            });
  }

  @Test
  void updateSendsIdAndChanges() throws IOException {
    start();
    BlazeRecord changes = BlazeRecord.builder().put("assignee", BlazeValue.nullValue()).build();
    assertThat(client.update("bugs", ID, changes)).isEqualTo(changes);
    UpdateRequest sent = (UpdateRequest) requests.get(0);
    assertThat(UuidBytes.fromByteString(sent.getId())).isEqualTo(ID);
  }

  @Test
  void queryRoundTripsTheDocumentAndTheSequence() throws IOException {
    start();
    assertThat(client.query("bugs", Query.builder().limit(12).build()))
        .isEqualTo(BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 12));
  }

  @Test
  void statusesBecomeTypedErrors() throws IOException {
    start();
    assertThatThrownBy(() -> client.fetch("bugs", ID))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.NOT_FOUND);
              assertThat(e).hasMessage("Fetch failed with NOT_FOUND: no record " + ID);
            });
    assertThatThrownBy(() -> client.delete("bugs", ID))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.RESOURCE_EXHAUSTED));
    assertThatThrownBy(() -> client.aggregate("bugs", Query.all()))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.UNIMPLEMENTED));
  }

  @Test
  void anUndecodableRecordIsAMalformedResponse() throws IOException {
    start();
    assertThatThrownBy(() -> client.fetch("garbage", ID))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.MALFORMED_RESPONSE);
              assertThat(e.getCause())
                  .isInstanceOf(dev.blazebench.binary.BlazeBinaryException.class);
            });
  }

  @Test
  void streamQueryDeliversBatchesThenTheFailure() throws IOException {
    start();
    List<Integer> sizes = new ArrayList<>();
    assertThatThrownBy(
            () -> client.streamQuery("bugs", Query.all(), 5, batch -> sizes.add(batch.size())))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.UNAVAILABLE);
              assertThat(e).hasMessage("StreamQuery failed with UNAVAILABLE: going away");
            });
    assertThat(sizes).containsExactly(5, 5);
    assertThat(((StreamQueryRequest) requests.get(0)).getBatchSize()).isEqualTo(5);
  }

  @Test
  void malformedProtobufRequestsAreInvalidArgument() throws IOException {
    start();
    MethodDescriptor<byte[], byte[]> rawInsert =
        BlazeDBServiceGrpc.getInsertMethod().toBuilder(
                BlazeMarshallers.bytes(), BlazeMarshallers.bytes())
            .build();
    byte[] notProtobuf = {(byte) 0x0A, (byte) 0xFF}; // field 1, length 255, then nothing
    assertThatThrownBy(
            () ->
                ClientCalls.blockingUnaryCall(
                    grpc.channel, rawInsert, CallOptions.DEFAULT, notProtobuf))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).startsWith("malformed request: ");
            });
  }
}
