package dev.blazebench.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.bugs.AggregateBugsRequest;
import dev.blazebench.protocol.bugs.AggregateBugsResponse;
import dev.blazebench.protocol.bugs.AggregateRow;
import dev.blazebench.protocol.bugs.Bug;
import dev.blazebench.protocol.bugs.BugBatch;
import dev.blazebench.protocol.bugs.BugField;
import dev.blazebench.protocol.bugs.BugMapping;
import dev.blazebench.protocol.bugs.BugServiceGrpc;
import dev.blazebench.protocol.bugs.BugValue;
import dev.blazebench.protocol.bugs.DeleteBugRequest;
import dev.blazebench.protocol.bugs.DeleteBugResponse;
import dev.blazebench.protocol.bugs.FetchBugRequest;
import dev.blazebench.protocol.bugs.FetchBugResponse;
import dev.blazebench.protocol.bugs.FilterOperator;
import dev.blazebench.protocol.bugs.InsertBugRequest;
import dev.blazebench.protocol.bugs.InsertBugResponse;
import dev.blazebench.protocol.bugs.InsertBugsRequest;
import dev.blazebench.protocol.bugs.InsertBugsResponse;
import dev.blazebench.protocol.bugs.QueryBugsRequest;
import dev.blazebench.protocol.bugs.QueryBugsResponse;
import dev.blazebench.protocol.bugs.Status;
import dev.blazebench.protocol.bugs.StreamBugsRequest;
import dev.blazebench.protocol.bugs.UpdateBugRequest;
import dev.blazebench.protocol.bugs.UpdateBugResponse;
import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Protobuf client against a tiny fake {@code BugService}: that records become Bugs and back,
 * queries become BugQuery, the collection header is sent only off the default collection, and
 * failures become typed errors. What the real server answers is tested in reference-server.
 */
class ProtoBugClientTest {

  private static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
  private static final Context.Key<String> COLLECTION = Context.key("collection");

  private final List<Object> requests = new CopyOnWriteArrayList<>();
  private final List<String> collectionHeaders = new CopyOnWriteArrayList<>();
  private TestServer grpc;
  private ProtoBugClient client;

  /** Echoes what it was sent; collection "faulty" makes it answer malformed messages. */
  private final class Fake extends BugServiceGrpc.BugServiceImplBase {
    @Override
    public void insert(InsertBugRequest request, StreamObserver<InsertBugResponse> responses) {
      requests.add(request);
      InsertBugResponse.Builder response =
          InsertBugResponse.newBuilder().setId(UuidBytes.toByteString(ID));
      if (request.getReturnBug()) {
        response.setBug(request.getBug().toBuilder().setId(UuidBytes.toByteString(ID)));
      }
      responses.onNext(response.build());
      responses.onCompleted();
    }

    @Override
    public void insertMany(
        InsertBugsRequest request, StreamObserver<InsertBugsResponse> responses) {
      requests.add(request);
      InsertBugsResponse.Builder response = InsertBugsResponse.newBuilder();
      int ids = "faulty".equals(COLLECTION.get()) ? 1 : request.getBugsCount();
      for (int i = 0; i < ids; i++) {
        response.addIds(UuidBytes.toByteString(new UUID(0, i)));
      }
      responses.onNext(response.build());
      responses.onCompleted();
    }

    @Override
    public void fetch(FetchBugRequest request, StreamObserver<FetchBugResponse> responses) {
      if ("faulty".equals(COLLECTION.get())) {
        Bug badId = Bug.newBuilder().setId(ByteString.copyFromUtf8("short")).build();
        responses.onNext(FetchBugResponse.newBuilder().setBug(badId).build());
        responses.onCompleted();
        return;
      }
      responses.onError(
          io.grpc.Status.NOT_FOUND
              .withDescription("no record " + UuidBytes.fromByteString(request.getId()))
              .asRuntimeException());
    }

    @Override
    public void update(UpdateBugRequest request, StreamObserver<UpdateBugResponse> responses) {
      requests.add(request);
      Bug bug =
          Bug.newBuilder().setId(request.getId()).setTitle(request.getPatch().getTitle()).build();
      responses.onNext(UpdateBugResponse.newBuilder().setBug(bug).build());
      responses.onCompleted();
    }

    @Override
    public void delete(DeleteBugRequest request, StreamObserver<DeleteBugResponse> responses) {
      requests.add(request);
      responses.onNext(DeleteBugResponse.getDefaultInstance());
      responses.onCompleted();
    }

    @Override
    public void query(QueryBugsRequest request, StreamObserver<QueryBugsResponse> responses) {
      requests.add(request);
      QueryBugsResponse.Builder response = QueryBugsResponse.newBuilder();
      for (BlazeRecord bug : BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 3)) {
        response.addBugs(BugMapping.fromRecord(bug));
      }
      responses.onNext(response.build());
      responses.onCompleted();
    }

    @Override
    public void aggregate(
        AggregateBugsRequest request, StreamObserver<AggregateBugsResponse> responses) {
      requests.add(request);
      AggregateRow row =
          AggregateRow.newBuilder()
              .addGroup(BugValue.newBuilder().setStatusValue(Status.STATUS_OPEN))
              .addValues(BugValue.newBuilder().setIntValue(42))
              .build();
      responses.onNext(AggregateBugsResponse.newBuilder().addRows(row).build());
      responses.onCompleted();
    }

    @Override
    public void streamQuery(StreamBugsRequest request, StreamObserver<BugBatch> responses) {
      requests.add(request);
      for (int i = 0; i < 3; i++) {
        BugBatch.Builder batch = BugBatch.newBuilder();
        for (BlazeRecord bug : BugWorkload.bugs(BugWorkload.DEFAULT_SEED, i * 2, 2)) {
          batch.addBugs(BugMapping.fromRecord(bug));
        }
        responses.onNext(batch.build());
      }
      responses.onCompleted();
    }
  }

  /** Records the collection header of each call and makes it the fake's {@link #COLLECTION}. */
  private final class HeaderRecorder implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String collection = headers.get(NativeHeaders.COLLECTION);
      collectionHeaders.add(String.valueOf(collection));
      return Contexts.interceptCall(
          Context.current().withValue(COLLECTION, collection), call, headers, next);
    }
  }

  @BeforeEach
  void start() throws IOException {
    grpc =
        TestServer.inProcess(
            ServerInterceptors.intercept(new Fake().bindService(), new HeaderRecorder()));
    client = ProtoBugClient.create(grpc.channel);
  }

  @AfterEach
  void stop() throws InterruptedException {
    client.close();
    grpc.close();
  }

  @Test
  void insertSendsTheRecordAsATypedBug() {
    BlazeRecord bug = BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0);
    assertThat(client.insert("bugs", bug)).isEqualTo(ID);
    InsertBugRequest sent = (InsertBugRequest) requests.get(0);
    assertThat(sent.getBug()).isEqualTo(BugMapping.fromRecord(bug));
    assertThat(sent.getReturnBug()).isFalse();
    assertThat(client.insertReturningRecord("bugs", bug))
        .isEqualTo(bug.toBuilder().put("id", BlazeValue.uuid(ID)).build());
  }

  @Test
  void theCollectionHeaderIsSentOnlyOffTheDefaultCollection() {
    BlazeRecord bug = BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0);
    client.insert("bugs", bug);
    client.insert("bugs-test 1", bug);
    assertThat(collectionHeaders).containsExactly("null", "bugs-test%201");
  }

  @Test
  void insertManyReadsOneIdPerBugAndChecksTheCount() {
    List<BlazeRecord> bugs = BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 0, 3);
    assertThat(client.insertMany("bugs", bugs))
        .containsExactly(new UUID(0, 0), new UUID(0, 1), new UUID(0, 2));
    assertThatThrownBy(() -> client.insertMany("faulty", bugs))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.MALFORMED_RESPONSE);
              assertThat(e).hasMessageContaining("sent 3 bugs, got 1 ids");
            });
  }

  @Test
  void updateSendsChangesAsAPatchWithRemovals() {
    BlazeRecord changes =
        BlazeRecord.builder()
            .put("title", BlazeValue.string("Renamed"))
            .put("assignee", BlazeValue.nullValue())
            .build();
    BlazeRecord updated = client.update("bugs", ID, changes);
    UpdateBugRequest sent = (UpdateBugRequest) requests.get(0);
    assertThat(UuidBytes.fromByteString(sent.getId())).isEqualTo(ID);
    assertThat(sent.getPatch().getTitle()).isEqualTo("Renamed");
    assertThat(sent.getPatch().getRemoveList()).containsExactly(BugField.BUG_FIELD_ASSIGNEE);
    assertThat(updated.get("title")).isEqualTo(BlazeValue.string("Renamed"));
    assertThat(updated.get("id")).isEqualTo(BlazeValue.uuid(ID));
  }

  @Test
  void queryAndAggregateTravelAsTypedQueries() {
    Query open =
        Query.builder()
            .where("status", FilterOp.EQ, BlazeValue.string("open"))
            .sortDescending("createdAt")
            .limit(3)
            .build();
    assertThat(client.query("bugs", open))
        .isEqualTo(BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 3));
    QueryBugsRequest sent = (QueryBugsRequest) requests.get(0);
    assertThat(sent.getQuery().getFilters(0).getOp()).isEqualTo(FilterOperator.FILTER_OPERATOR_EQ);
    assertThat(sent.getQuery().getFilters(0).getValue().getStatusValue())
        .isEqualTo(Status.STATUS_OPEN);
    assertThat(sent.getQuery().getLimit()).isEqualTo(3);

    Query perStatus = Query.builder().groupBy("status").aggregate(Aggregate.count("n")).build();
    assertThat(client.aggregate("bugs", perStatus))
        .containsExactly(
            BlazeRecord.builder()
                .put("status", BlazeValue.string("open"))
                .put("n", BlazeValue.integer(42))
                .build());
  }

  @Test
  void streamQueryDeliversEveryBatch() {
    List<BlazeRecord> received = new ArrayList<>();
    long count = client.streamQuery("bugs", Query.all(), 2, received::addAll);
    assertThat(count).isEqualTo(6);
    assertThat(received).isEqualTo(BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 6));
    assertThat(((StreamBugsRequest) requests.get(0)).getBatchSize()).isEqualTo(2);
  }

  @Test
  void aRecordABugCannotHoldFailsBeforeAnythingIsSent() {
    BlazeRecord odd = BlazeRecord.builder().put("colour", BlazeValue.string("red")).build();
    assertThatThrownBy(() -> client.insert("bugs", odd))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.INVALID_ARGUMENT);
              assertThat(e.status()).isNull();
              assertThat(e).hasMessageContaining("\"colour\"");
            });
    Query byColour = Query.builder().whereEquals("colour", BlazeValue.string("red")).build();
    assertThatThrownBy(() -> client.query("bugs", byColour))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.INVALID_ARGUMENT));
    assertThat(requests).isEmpty();
  }

  @Test
  void statusesAndUnmappableAnswersBecomeTypedErrors() {
    assertThatThrownBy(() -> client.fetch("bugs", ID))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.NOT_FOUND);
              assertThat(e).hasMessage("Fetch failed with NOT_FOUND: no record " + ID);
            });
    assertThatThrownBy(() -> client.fetch("faulty", ID))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.MALFORMED_RESPONSE));
  }

  @Test
  void deleteSendsTheId() {
    client.delete("bugs", ID);
    assertThat(UuidBytes.fromByteString(((DeleteBugRequest) requests.get(0)).getId()))
        .isEqualTo(ID);
  }
}
