package dev.blazebench.load.grpc;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.load.api.BlazeRecords;
import dev.blazebench.load.api.PreparedRecords;
import dev.blazebench.load.api.RecordChecksum;
import dev.blazebench.load.api.StreamedRecords;
import dev.blazebench.protocol.bugs.AggregateBugsRequest;
import dev.blazebench.protocol.bugs.AggregateBugsResponse;
import dev.blazebench.protocol.bugs.AggregateRow;
import dev.blazebench.protocol.bugs.Bug;
import dev.blazebench.protocol.bugs.BugBatch;
import dev.blazebench.protocol.bugs.BugMapping;
import dev.blazebench.protocol.bugs.BugQuery;
import dev.blazebench.protocol.bugs.BugQueryMapping;
import dev.blazebench.protocol.bugs.BugServiceGrpc;
import dev.blazebench.protocol.bugs.DeleteBugRequest;
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
import dev.blazebench.protocol.workload.BugFields;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bugs.v1.BugService}, the Protobuf baseline, as a Protobuf user calls it: records to insert
 * are held as generated {@code Bug} messages (built in {@link #prepare}, outside the timed call),
 * answers are parsed into {@code Bug} messages by protobuf's generated code and read through their
 * getters ({@link BugRecords}), never turned into BlazeRecords. Same connections and socket byte
 * counting as the other gRPC clients; payload bytes are the messages' serialized sizes.
 *
 * <p>The service serves collection {@value BugFields#COLLECTION}; for any other collection the
 * client sends the reference server's optional {@code blazedb-collection} header (a plain {@code
 * bugs.v1} server would ignore it and serve its one collection).
 */
public final class ProtobufGrpcApi extends GrpcLoadClient {

  /** The API's name in results. */
  public static final String NAME = "grpc-protobuf";

  public ProtobufGrpcApi(GrpcConnections connections) {
    super(connections, true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PreparedRecords prepare(List<BlazeRecord> records) {
    List<Bug> bugs = new ArrayList<>(records.size());
    for (BlazeRecord record : records) {
      bugs.add(BugMapping.fromRecord(record));
    }
    return new PreparedBugs(bugs);
  }

  @Override
  public CompletableFuture<Answer> insert(
      String collection, PreparedRecords record, Duration deadline) {
    List<Bug> bugs = PreparedBugs.of(record);
    if (bugs.size() != 1) {
      throw new IllegalArgumentException("a single insert takes one bug, got " + bugs.size());
    }
    InsertBugRequest request = InsertBugRequest.newBuilder().setBug(bugs.get(0)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BugServiceGrpc.getInsertMethod(), collection),
        request,
        "Insert",
        (InsertBugResponse response) -> {
          long received = response.getSerializedSize();
          return Answer.ofIds(List.of(IdBytes.single(response.getId())), sent, received);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> insertMany(
      String collection, PreparedRecords records, Duration deadline) {
    InsertBugsRequest request =
        InsertBugsRequest.newBuilder().addAllBugs(PreparedBugs.of(records)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BugServiceGrpc.getInsertManyMethod(), collection),
        request,
        "InsertMany",
        (InsertBugsResponse response) -> {
          long received = response.getSerializedSize();
          List<UUID> ids = new ArrayList<>(response.getIdsCount());
          for (ByteString id : response.getIdsList()) {
            ids.add(IdBytes.single(id));
          }
          return Answer.ofIds(ids, sent, received);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> fetch(String collection, UUID id, Duration deadline) {
    FetchBugRequest request = FetchBugRequest.newBuilder().setId(IdBytes.of(id)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BugServiceGrpc.getFetchMethod(), collection),
        request,
        "Fetch",
        (FetchBugResponse response) -> {
          long received = response.getSerializedSize();
          if (!response.hasBug()) {
            throw new IllegalStateException("a FetchBugResponse without a bug");
          }
          return Answer.ofRecords(one(response.getBug()), sent, received);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> update(
      String collection, UUID id, BlazeRecord changes, Duration deadline) {
    UpdateBugRequest request =
        UpdateBugRequest.newBuilder()
            .setId(IdBytes.of(id))
            .setPatch(BugMapping.patchFromChanges(changes))
            .build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BugServiceGrpc.getUpdateMethod(), collection),
        request,
        "Update",
        (UpdateBugResponse response) -> {
          long received = response.getSerializedSize();
          if (!response.hasBug()) {
            throw new IllegalStateException("an UpdateBugResponse without a bug");
          }
          return Answer.ofRecords(one(response.getBug()), sent, received);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> delete(String collection, UUID id, Duration deadline) {
    DeleteBugRequest request = DeleteBugRequest.newBuilder().setId(IdBytes.of(id)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BugServiceGrpc.getDeleteMethod(), collection),
        request,
        "Delete",
        response -> Answer.empty(sent, response.getSerializedSize()),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> query(String collection, Query query, Duration deadline) {
    QueryBugsRequest request = QueryBugsRequest.newBuilder().setQuery(bugQuery(query)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BugServiceGrpc.getQueryMethod(), collection),
        request,
        "Query",
        (QueryBugsResponse response) -> {
          // The size first, while the strings are still the parsed bytes (cheap to measure).
          long received = response.getSerializedSize();
          return Answer.ofRecords(new BugRecords(response.getBugsList()), sent, received);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> aggregate(String collection, Query query, Duration deadline) {
    AggregateBugsRequest request =
        AggregateBugsRequest.newBuilder().setQuery(bugQuery(query)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BugServiceGrpc.getAggregateMethod(), collection),
        request,
        "Aggregate",
        (AggregateBugsResponse response) -> {
          long received = response.getSerializedSize();
          // A handful of rows: read as records of groupBy fields and aliases, as the others.
          List<BlazeRecord> rows = new ArrayList<>(response.getRowsCount());
          for (AggregateRow row : response.getRowsList()) {
            rows.add(BugQueryMapping.rowToRecord(row, query));
          }
          return Answer.ofRecords(new BlazeRecords(rows), sent, received);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> streamQuery(
      String collection, Query query, int batchSize, Duration deadline) {
    StreamBugsRequest request =
        StreamBugsRequest.newBuilder().setQuery(bugQuery(query)).setBatchSize(batchSize).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.serverStream(
        call(BugServiceGrpc.getStreamQueryMethod(), collection),
        request,
        "StreamQuery",
        new GrpcCalls.StreamFold<BugBatch>() {
          private final RecordChecksum.Accumulator checksum = new RecordChecksum.Accumulator();
          private long received;

          @Override
          public void add(BugBatch batch) {
            received += batch.getSerializedSize();
            for (int i = 0; i < batch.getBugsCount(); i++) {
              checksum.add(BugChecksum.of(batch.getBugs(i)));
            }
          }

          @Override
          public Answer finish() {
            return Answer.ofRecords(StreamedRecords.of(checksum), sent, received);
          }
        },
        connections.deadlines(),
        deadline);
  }

  private <Q, R> ClientCall<Q, R> call(MethodDescriptor<Q, R> method, String collection) {
    CallOptions options = CallOptions.DEFAULT;
    if (!BugFields.COLLECTION.equals(collection)) {
      options = options.withOption(NativeHeaders.COLLECTION_OPTION, collection);
    }
    return nextChannel().newCall(method, options);
  }

  private static BugQuery bugQuery(Query query) {
    return BugQueryMapping.fromQuery(query);
  }

  private static BugRecords one(Bug bug) {
    return new BugRecords(List.of(bug));
  }

  /** Records to insert as Bug messages. */
  private record PreparedBugs(List<Bug> bugs) implements PreparedRecords {

    PreparedBugs {
      bugs = List.copyOf(bugs);
    }

    @Override
    public int size() {
      return bugs.size();
    }

    static List<Bug> of(PreparedRecords prepared) {
      if (prepared instanceof PreparedBugs bugs) {
        return bugs.bugs;
      }
      throw new IllegalArgumentException(
          "records prepared by another client (" + prepared.getClass().getSimpleName() + ")");
    }
  }
}
