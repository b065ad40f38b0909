package dev.blazebench.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeNativeClient;
import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import dev.blazebench.protocol.query.Query;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code blazedb.v1.BlazeDBNative}: the shared cases, plus malformed messages and headers. */
class BlazeNativeApiTest extends AbstractGrpcApiTest {

  @Override
  BlazeClient createClient(RunningServer server) {
    return BlazeNativeClient.create(server.channel);
  }

  private static Metadata collection(String name) {
    Metadata headers = new Metadata();
    headers.put(NativeHeaders.COLLECTION, name);
    return headers;
  }

  @Test
  void malformedBlazeBinaryIsInvalidArgumentWithTheDecodersMessage() {
    byte[] notBlaze = "NOT BLAZEBINARY".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    StatusRuntimeException e =
        rawCallFailure("blazedb.v1.BlazeDBNative/Insert", notBlaze, collection(BUGS));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith("malformed BlazeBinary record: ");
    assertThat(client.query(BUGS, Query.all())).isEmpty();
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
                                "field", BlazeValue.string("priority"),
                                "op", BlazeValue.string("in"),
                                "value", BlazeValue.integer(3))))))
            .build();
    StatusRuntimeException e =
        rawCallFailure(
            "blazedb.v1.BlazeDBNative/Query",
            BlazeBinaryEncoder.encode(document, FormatVersion.V1),
            collection(BUGS));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith("invalid query: filters[0].value");
    assertStillServes();
  }

  @Test
  void aMissingCollectionHeaderOrTargetIdIsInvalidArgument() {
    byte[] record =
        BlazeBinaryEncoder.encode(
            BlazeRecord.builder().put("title", BlazeValue.string("x")).build(), FormatVersion.V1);
    StatusRuntimeException noHeader =
        rawCallFailure("blazedb.v1.BlazeDBNative/Insert", record, new Metadata());
    assertThat(noHeader.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(noHeader.getStatus().getDescription()).contains("blazedb-collection");

    StatusRuntimeException noId =
        rawCallFailure("blazedb.v1.BlazeDBNative/Update", record, collection(BUGS));
    assertThat(noId.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(noId.getStatus().getDescription()).startsWith("changes: missing \"id\"");
    assertStillServes();
  }
}
