package dev.blazebench.server.grpc;

import com.google.protobuf.UnsafeByteOperations;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.grpc.AggregateRequest;
import dev.blazebench.protocol.grpc.AggregateResponse;
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
import dev.blazebench.protocol.grpc.SubscribeRequest;
import dev.blazebench.protocol.grpc.SyncMessage;
import dev.blazebench.protocol.grpc.SyncUpdate;
import dev.blazebench.protocol.grpc.UpdateRequest;
import dev.blazebench.protocol.grpc.UpdateResponse;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.core.RecordBatches;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

/**
 * {@code blazedb.v1.BlazeDBService}: the seed's service, protobuf messages whose payload fields are
 * BlazeBinary (see {@code blazedb.proto}).
 *
 * <p>Per call it parses the protobuf message (grpc-java's marshaller), decodes the BlazeBinary
 * payloads fully into records ({@link BlazePayloads}), calls {@link BlazeDatabase}, and encodes the
 * records the database returns into v1 BlazeBinary: the same decode and encode work as the native
 * service, plus the protobuf wrapper. Add it to a server through {@link GrpcApis}, which reports
 * unparseable messages as INVALID_ARGUMENT.
 */
final class BlazeDbGrpcService extends BlazeDBServiceGrpc.BlazeDBServiceImplBase {

  private final BlazeDatabase database;
  private final BlazePayloads payloads = new BlazePayloads();

  BlazeDbGrpcService(BlazeDatabase database) {
    this.database = database;
  }

  @Override
  public void insert(InsertRequest request, StreamObserver<InsertResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          String collection = BlazePayloads.collection(request.getCollection(), "collection");
          BlazeRecord stored =
              database.insert(collection, payloads.record(request.getRecord(), "record"));
          InsertResponse.Builder response =
              InsertResponse.newBuilder().setId(UuidBytes.toByteString(idOf(stored)));
          if (request.getReturnRecord()) {
            response.setRecord(BlazePayloads.encode(stored));
          }
          return response.build();
        });
  }

  @Override
  public void insertMany(InsertManyRequest request, StreamObserver<InsertManyResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          String collection = BlazePayloads.collection(request.getCollection(), "collection");
          List<BlazeRecord> stored =
              database.insertMany(collection, payloads.records(request.getRecords(), "records"));
          ByteBuffer ids = ByteBuffer.allocate(stored.size() * UuidBytes.LENGTH);
          for (BlazeRecord record : stored) {
            UUID id = idOf(record);
            ids.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
          }
          InsertManyResponse.Builder response =
              InsertManyResponse.newBuilder()
                  .setIds(UnsafeByteOperations.unsafeWrap(ids.array()))
                  .setCount(stored.size());
          if (request.getReturnRecords()) {
            response.setRecords(BlazePayloads.encode(stored));
          }
          return response.build();
        });
  }

  @Override
  public void fetch(FetchRequest request, StreamObserver<FetchResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          String collection = BlazePayloads.collection(request.getCollection(), "collection");
          BlazeRecord record = database.fetch(collection, BlazePayloads.id(request.getId(), "id"));
          return FetchResponse.newBuilder().setRecord(BlazePayloads.encode(record)).build();
        });
  }

  @Override
  public void update(UpdateRequest request, StreamObserver<UpdateResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          String collection = BlazePayloads.collection(request.getCollection(), "collection");
          UUID id = BlazePayloads.id(request.getId(), "id");
          BlazeRecord changes = payloads.record(request.getChanges(), "changes");
          BlazeRecord updated = database.update(collection, id, changes);
          return UpdateResponse.newBuilder().setRecord(BlazePayloads.encode(updated)).build();
        });
  }

  @Override
  public void delete(DeleteRequest request, StreamObserver<DeleteResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          String collection = BlazePayloads.collection(request.getCollection(), "collection");
          database.delete(collection, BlazePayloads.id(request.getId(), "id"));
          return DeleteResponse.getDefaultInstance();
        });
  }

  @Override
  public void query(QueryRequest request, StreamObserver<QueryResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          String collection = BlazePayloads.collection(request.getCollection(), "collection");
          List<BlazeRecord> records =
              database.query(collection, payloads.query(request.getQuery(), "query"));
          return QueryResponse.newBuilder()
              .setRecords(BlazePayloads.encode(records))
              .setCount(records.size())
              .build();
        });
  }

  @Override
  public void aggregate(AggregateRequest request, StreamObserver<AggregateResponse> responses) {
    Unary.respond(
        responses,
        () -> {
          String collection = BlazePayloads.collection(request.getCollection(), "collection");
          List<BlazeRecord> rows =
              database.aggregate(collection, payloads.query(request.getQuery(), "query"));
          return AggregateResponse.newBuilder()
              .setRows(BlazePayloads.encode(rows))
              .setCount(rows.size())
              .build();
        });
  }

  @Override
  public void streamQuery(StreamQueryRequest request, StreamObserver<RecordBatch> responses) {
    RecordBatches batches;
    try {
      String collection = BlazePayloads.collection(request.getCollection(), "collection");
      Query query = payloads.query(request.getQuery(), "query");
      batches =
          database.stream(
              collection, query, BlazePayloads.batchSize(request.getBatchSize(), "batch_size"));
    } catch (RuntimeException e) {
      responses.onError(GrpcStatuses.toException(e));
      return;
    }
    FlowControlledStream.start(
        batches,
        batch ->
            RecordBatch.newBuilder()
                .setRecords(BlazePayloads.encode(batch))
                .setCount(batch.size())
                .build(),
        (ServerCallStreamObserver<RecordBatch>) responses);
  }

  @Override
  public void subscribe(SubscribeRequest request, StreamObserver<SyncUpdate> responses) {
    String collection;
    try {
      collection = BlazePayloads.collection(request.getCollection(), "collection");
    } catch (RuntimeException e) {
      responses.onError(GrpcStatuses.toException(e));
      return;
    }
    SubscribeStream.start(
        database.changeFeed(),
        collection,
        request.getFromSequence(),
        request.getFromLatest(),
        ChangeMessages::syncUpdate,
        (ServerCallStreamObserver<SyncUpdate>) responses);
  }

  /** Bidirectional sync of one collection: {@link SyncStream}. */
  @Override
  public StreamObserver<SyncMessage> sync(StreamObserver<SyncMessage> responses) {
    return SyncStream.start(database, responses);
  }

  static UUID idOf(BlazeRecord stored) {
    // The store always sets a uuid id on insert; anything else is a server bug (INTERNAL).
    return ((BlazeValue.UuidValue) stored.get("id")).value();
  }
}
