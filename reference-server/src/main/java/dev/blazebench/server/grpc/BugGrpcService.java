package dev.blazebench.server.grpc;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.bugs.AggregateBugsRequest;
import dev.blazebench.protocol.bugs.AggregateBugsResponse;
import dev.blazebench.protocol.bugs.BugBatch;
import dev.blazebench.protocol.bugs.BugChanges;
import dev.blazebench.protocol.bugs.BugMapping;
import dev.blazebench.protocol.bugs.BugQueryMapping;
import dev.blazebench.protocol.bugs.BugServiceGrpc;
import dev.blazebench.protocol.bugs.BugSubscribeRequest;
import dev.blazebench.protocol.bugs.DeleteBugRequest;
import dev.blazebench.protocol.bugs.DeleteBugResponse;
import dev.blazebench.protocol.bugs.FetchBugRequest;
import dev.blazebench.protocol.bugs.FetchBugResponse;
import dev.blazebench.protocol.bugs.InsertBugRequest;
import dev.blazebench.protocol.bugs.InsertBugResponse;
import dev.blazebench.protocol.bugs.InsertBugsRequest;
import dev.blazebench.protocol.bugs.InsertBugsResponse;
import dev.blazebench.protocol.bugs.QueryBugsRequest;
import dev.blazebench.protocol.bugs.QueryBugsResponse;
import dev.blazebench.protocol.bugs.StreamBugsRequest;
import dev.blazebench.protocol.bugs.UpdateBugRequest;
import dev.blazebench.protocol.bugs.UpdateBugResponse;
import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.core.RecordBatches;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code bugs.v1.BugService}: the Protobuf baseline, typed bug messages over the same store.
 *
 * <p>Per call it parses the protobuf message, maps it to records with protocol's {@link BugMapping}
 * and {@link BugQueryMapping}, calls {@link BlazeDatabase}, and maps the records the database
 * returns back to {@code Bug}s, which protobuf encodes: the typed API's honest equivalent of the
 * BlazeBinary services' decode and encode. It serves collection {@value BugCollection#DEFAULT} (or
 * the one named by the optional {@value NativeHeaders#COLLECTION_HEADER} header, see {@link
 * BugCollection}).
 */
final class BugGrpcService extends BugServiceGrpc.BugServiceImplBase {

  private final BlazeDatabase database;

  BugGrpcService(BlazeDatabase database) {
    this.database = database;
  }

  @Override
  public void insert(InsertBugRequest request, StreamObserver<InsertBugResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          BlazeRecord stored =
              database.insert(BugCollection.current(), BugMapping.toRecord(request.getBug()));
          InsertBugResponse.Builder response =
              InsertBugResponse.newBuilder()
                  .setId(UuidBytes.toByteString(BlazeDbGrpcService.idOf(stored)));
          if (request.getReturnBug()) {
            response.setBug(BugMapping.fromRecord(stored));
          }
          return response.build();
        });
  }

  @Override
  public void insertMany(InsertBugsRequest request, StreamObserver<InsertBugsResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          List<BlazeRecord> records = new ArrayList<>(request.getBugsCount());
          for (int i = 0; i < request.getBugsCount(); i++) {
            records.add(BugMapping.toRecord(request.getBugs(i)));
          }
          List<BlazeRecord> stored = database.insertMany(BugCollection.current(), records);
          InsertBugsResponse.Builder response = InsertBugsResponse.newBuilder();
          for (BlazeRecord record : stored) {
            response.addIds(UuidBytes.toByteString(BlazeDbGrpcService.idOf(record)));
            if (request.getReturnBugs()) {
              response.addBugs(BugMapping.fromRecord(record));
            }
          }
          return response.build();
        });
  }

  @Override
  public void fetch(FetchBugRequest request, StreamObserver<FetchBugResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          BlazeRecord record =
              database.fetch(BugCollection.current(), BlazePayloads.id(request.getId(), "id"));
          return FetchBugResponse.newBuilder().setBug(BugMapping.fromRecord(record)).build();
        });
  }

  @Override
  public void update(UpdateBugRequest request, StreamObserver<UpdateBugResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          UUID id = BlazePayloads.id(request.getId(), "id");
          BlazeRecord changes = BugMapping.toChanges(request.getPatch());
          BlazeRecord updated = database.update(BugCollection.current(), id, changes);
          return UpdateBugResponse.newBuilder().setBug(BugMapping.fromRecord(updated)).build();
        });
  }

  @Override
  public void delete(DeleteBugRequest request, StreamObserver<DeleteBugResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          database.delete(BugCollection.current(), BlazePayloads.id(request.getId(), "id"));
          return DeleteBugResponse.getDefaultInstance();
        });
  }

  @Override
  public void query(QueryBugsRequest request, StreamObserver<QueryBugsResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          Query query = BugQueryMapping.toQuery(request.getQuery());
          QueryBugsResponse.Builder response = QueryBugsResponse.newBuilder();
          for (BlazeRecord record : database.query(BugCollection.current(), query)) {
            response.addBugs(BugMapping.fromRecord(record));
          }
          return response.build();
        });
  }

  @Override
  public void aggregate(
      AggregateBugsRequest request, StreamObserver<AggregateBugsResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          Query query = BugQueryMapping.toQuery(request.getQuery());
          AggregateBugsResponse.Builder response = AggregateBugsResponse.newBuilder();
          for (BlazeRecord row : database.aggregate(BugCollection.current(), query)) {
            response.addRows(BugQueryMapping.rowFromRecord(row, query));
          }
          return response.build();
        });
  }

  @Override
  public void streamQuery(StreamBugsRequest request, StreamObserver<BugBatch> responses) {
    RecordBatches batches;
    try {
      Query query = BugQueryMapping.toQuery(request.getQuery());
      batches =
          database.stream(
              BugCollection.current(),
              query,
              BlazePayloads.batchSize(request.getBatchSize(), "batch_size"));
    } catch (RuntimeException e) {
      responses.onError(GrpcStatuses.toException(e));
      return;
    }
    FlowControlledStream.start(
        batches,
        batch -> {
          BugBatch.Builder message = BugBatch.newBuilder();
          for (BlazeRecord record : batch) {
            message.addBugs(BugMapping.fromRecord(record));
          }
          return message.build();
        },
        (ServerCallStreamObserver<BugBatch>) responses);
  }

  @Override
  public void subscribe(BugSubscribeRequest request, StreamObserver<BugChanges> responses) {
    SubscribeStream.start(
        database.changeFeed(),
        BugCollection.current(),
        request.getFromSequence(),
        request.getFromLatest(),
        ChangeMessages::bugChanges,
        (ServerCallStreamObserver<BugChanges>) responses);
  }
}
