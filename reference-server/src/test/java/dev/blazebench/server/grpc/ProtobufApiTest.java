package dev.blazebench.server.grpc;

import static dev.blazebench.server.grpc.BlazeWrappedApiTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.bugs.BugChanges;
import dev.blazebench.protocol.bugs.BugField;
import dev.blazebench.protocol.bugs.BugFilter;
import dev.blazebench.protocol.bugs.BugQuery;
import dev.blazebench.protocol.bugs.BugServiceGrpc;
import dev.blazebench.protocol.bugs.BugSubscribeRequest;
import dev.blazebench.protocol.bugs.BugValue;
import dev.blazebench.protocol.bugs.FetchBugRequest;
import dev.blazebench.protocol.bugs.QueryBugsRequest;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeClientException.Kind;
import dev.blazebench.protocol.client.ProtoBugClient;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bugs.v1.BugService}: the shared cases, plus malformed protobuf and typed queries. */
class ProtobufApiTest extends AbstractGrpcApiTest {

  @Override
  BlazeClient createClient(RunningServer server) {
    return ProtoBugClient.create(server.channel);
  }

  private BugServiceGrpc.BugServiceBlockingStub stub() {
    return BugServiceGrpc.newBlockingStub(grpc.channel);
  }

  @Test
  void malformedProtobufIsInvalidArgument() {
    byte[] notProtobuf = {0x0A, (byte) 0xFF};
    StatusRuntimeException e =
        rawCallFailure("bugs.v1.BugService/Insert", notProtobuf, new Metadata());
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith("malformed request");
    assertThat(client.query(BUGS, Query.all())).isEmpty();
    assertStillServes();
  }

  @Test
  void anInvalidTypedQueryIsInvalidArgumentNamingThePath() {
    BugQuery noOperator =
        BugQuery.newBuilder()
            .addFilters(
                BugFilter.newBuilder()
                    .setField(BugField.BUG_FIELD_STATUS)
                    .setValue(BugValue.newBuilder().setStringValue("open")))
            .build();
    StatusRuntimeException e =
        failure(() -> stub().query(QueryBugsRequest.newBuilder().setQuery(noOperator).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith("invalid query: filters[0].op");
    assertStillServes();
  }

  @Test
  void aChangeTheBugMessagesCannotCarryEndsASubscriptionAsFetchAnswersForIt() {
    // Written through another API: any field may hold any type there.
    BlazeRecord odd =
        BlazeRecord.builder()
            .put("title", BlazeValue.string("written elsewhere"))
            .put("updatedAt", BlazeValue.string("yesterday"))
            .build();
    BlazeRecord stored = grpc.server.database().insert(BUGS, odd);
    ByteString id = UuidBytes.toByteString(((BlazeValue.UuidValue) stored.get("id")).value());

    StatusRuntimeException fetched =
        failure(() -> stub().fetch(FetchBugRequest.newBuilder().setId(id).build()));
    assertThat(fetched.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(fetched.getStatus().getDescription()).contains("updatedAt");

    Iterator<BugChanges> changes =
        stub()
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .subscribe(BugSubscribeRequest.newBuilder().setFromSequence(0).build());
    StatusRuntimeException ended = failure(() -> changes.forEachRemaining(batch -> {}));
    assertThat(ended.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ended.getStatus().getDescription())
        .contains("updatedAt")
        .endsWith("resume after sequence 0");
    assertThat(ended.getTrailers().get(SubscribeStream.RESUME_AFTER)).isEqualTo("0");
    assertStillServes();
  }

  @Test
  void aShortIdIsInvalidArgument() {
    StatusRuntimeException e =
        failure(
            () ->
                stub()
                    .fetch(
                        FetchBugRequest.newBuilder()
                            .setId(ByteString.copyFrom(new byte[3]))
                            .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).isEqualTo("id: an id is 16 bytes, was 3");
  }

  @Test
  void itServesTheSameStoreAsTheBlazeBinaryApis() {
    BlazeRecord bug = BugWorkload.bug(SEED, 7);
    try (BlazeClient blaze =
        dev.blazebench.protocol.client.BlazeNativeClient.create(grpc.channel)) {
      blaze.insertMany(BUGS, List.of(bug));
      assertThat(client.fetch(BUGS, idOf(bug))).isEqualTo(bug);
      // A record the typed API has no place for is refused by the mapping, not silently cut.
      BlazeRecord odd = BlazeRecord.builder().put("colour", BlazeValue.string("red")).build();
      java.util.UUID oddId = blaze.insert(BUGS, odd);
      assertKind(() -> client.fetch(BUGS, oddId), Kind.INVALID_ARGUMENT);
    }
  }
}
