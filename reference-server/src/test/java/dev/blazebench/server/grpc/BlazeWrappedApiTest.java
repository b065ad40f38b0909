package dev.blazebench.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.FetchRequest;
import dev.blazebench.protocol.grpc.InsertRequest;
import dev.blazebench.protocol.grpc.QueryRequest;
import dev.blazebench.protocol.grpc.StreamQueryRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code blazedb.v1.BlazeDBService}: the shared cases, plus malformed protobuf and payloads. */
class BlazeWrappedApiTest extends AbstractGrpcApiTest {

  @Override
  BlazeClient createClient(RunningServer server) {
    return BlazeGrpcClient.create(server.channel);
  }

  private BlazeDBServiceGrpc.BlazeDBServiceBlockingStub stub() {
    return BlazeDBServiceGrpc.newBlockingStub(grpc.channel);
  }

  @Test
  void malformedBlazeBinaryIsInvalidArgumentWithTheDecodersMessage() {
    byte[] truncated =
        BlazeBinaryEncoder.encode(
            BlazeRecord.builder().put("title", BlazeValue.string("Login fails")).build(),
            FormatVersion.V1);
    byte[] cut = java.util.Arrays.copyOf(truncated, truncated.length - 3);
    InsertRequest request =
        InsertRequest.newBuilder().setCollection(BUGS).setRecord(ByteString.copyFrom(cut)).build();
    StatusRuntimeException e = failure(() -> stub().insert(request));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .startsWith("record: malformed BlazeBinary record: ")
        .contains("offset");
    assertThat(client.query(BUGS, dev.blazebench.protocol.query.Query.all())).isEmpty();
    assertStillServes();
  }

  @Test
  void malformedProtobufIsInvalidArgument() {
    byte[] notProtobuf = {0x0A, (byte) 0xFF}; // field 1, length 255, then nothing
    StatusRuntimeException e =
        rawCallFailure("blazedb.v1.BlazeDBService/Insert", notProtobuf, new Metadata());
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith("malformed request");
    assertStillServes();
  }

  @Test
  void anInvalidQueryDocumentIsInvalidArgumentNamingThePath() {
    BlazeRecord document =
        BlazeRecord.builder()
            .put(
                "filters",
                BlazeValue.array(
                    List.of(
                        BlazeValue.dictionary(
                            Map.of(
                                "field", BlazeValue.string("status"),
                                "op", BlazeValue.string("equals"),
                                "value", BlazeValue.string("open"))))))
            .build();
    QueryRequest request =
        QueryRequest.newBuilder()
            .setCollection(BUGS)
            .setQuery(ByteString.copyFrom(BlazeBinaryEncoder.encode(document, FormatVersion.V1)))
            .build();
    StatusRuntimeException e = failure(() -> stub().query(request));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .startsWith("invalid query: filters[0].op: unknown operator \"equals\"");

    BlazeRecord wrongType = BlazeRecord.builder().put("limit", BlazeValue.string("ten")).build();
    QueryRequest typed =
        request.toBuilder()
            .setQuery(ByteString.copyFrom(BlazeBinaryEncoder.encode(wrongType, FormatVersion.V1)))
            .build();
    StatusRuntimeException e2 = failure(() -> stub().query(typed));
    assertThat(e2.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e2.getStatus().getDescription()).startsWith("invalid query: limit");
    assertStillServes();
  }

  @Test
  void badIdsCollectionsAndBatchSizesAreInvalidArgumentNamingTheField() {
    StatusRuntimeException shortId =
        failure(
            () ->
                stub()
                    .fetch(
                        FetchRequest.newBuilder()
                            .setCollection(BUGS)
                            .setId(ByteString.copyFrom(new byte[3]))
                            .build()));
    assertThat(shortId.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(shortId.getStatus().getDescription()).isEqualTo("id: an id is 16 bytes, was 3");

    StatusRuntimeException noCollection =
        failure(
            () ->
                stub()
                    .fetch(
                        FetchRequest.newBuilder()
                            .setId(ByteString.copyFrom(new byte[16]))
                            .build()));
    assertThat(noCollection.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(noCollection.getStatus().getDescription()).startsWith("collection: missing");

    StatusRuntimeException negativeBatch =
        failure(
            () ->
                stub()
                    .streamQuery(
                        StreamQueryRequest.newBuilder()
                            .setCollection(BUGS)
                            .setBatchSize(-1)
                            .build())
                    .hasNext());
    assertThat(negativeBatch.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(negativeBatch.getStatus().getDescription()).startsWith("batch_size:");
    assertStillServes();
  }

  static StatusRuntimeException failure(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }
}
