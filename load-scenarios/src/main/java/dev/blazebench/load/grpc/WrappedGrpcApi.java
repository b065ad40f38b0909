package dev.blazebench.load.grpc;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.load.api.BlazeRecords;
import dev.blazebench.load.api.PreparedBlazeRecords;
import dev.blazebench.load.api.PreparedRecords;
import dev.blazebench.load.api.RecordChecksum;
import dev.blazebench.load.api.StreamedRecords;
import dev.blazebench.protocol.grpc.AggregateRequest;
import dev.blazebench.protocol.grpc.AggregateResponse;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.DeleteRequest;
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
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryDocument;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code blazedb.v1.BlazeDBService}: protobuf messages whose payload fields carry BlazeBinary, on
 * grpc-java's asynchronous calls. The BlazeBinary inside each answer is decoded in full on the
 * thread that receives it, before the future completes. Payload bytes are the protobuf messages'
 * serialized sizes. Works against any server of {@code blazedb.proto}.
 */
public final class WrappedGrpcApi extends GrpcLoadClient {

  /** The API's name in results. */
  public static final String NAME = "grpc-blazebinary";

  private final BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();

  public WrappedGrpcApi(GrpcConnections connections) {
    super(connections, false);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PreparedRecords prepare(List<BlazeRecord> records) {
    return new PreparedBlazeRecords(records);
  }

  @Override
  public CompletableFuture<Answer> insert(
      String collection, PreparedRecords record, Duration deadline) {
    InsertRequest request =
        InsertRequest.newBuilder()
            .setCollection(collection)
            .setRecord(bytes(PreparedBlazeRecords.single(record)))
            .build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BlazeDBServiceGrpc.getInsertMethod()),
        request,
        "Insert",
        (InsertResponse response) ->
            Answer.ofIds(
                List.of(IdBytes.single(response.getId())), sent, response.getSerializedSize()),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> insertMany(
      String collection, PreparedRecords records, Duration deadline) {
    InsertManyRequest request =
        InsertManyRequest.newBuilder()
            .setCollection(collection)
            .setRecords(
                ByteString.copyFrom(
                    BlazeSequences.encodeRecords(
                        PreparedBlazeRecords.of(records), FormatVersion.V1)))
            .build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BlazeDBServiceGrpc.getInsertManyMethod()),
        request,
        "InsertMany",
        (InsertManyResponse response) ->
            Answer.ofIds(
                IdBytes.concatenated(response.getIds()), sent, response.getSerializedSize()),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> fetch(String collection, UUID id, Duration deadline) {
    FetchRequest request =
        FetchRequest.newBuilder().setCollection(collection).setId(IdBytes.of(id)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BlazeDBServiceGrpc.getFetchMethod()),
        request,
        "Fetch",
        (FetchResponse response) ->
            Answer.ofRecords(one(response.getRecord()), sent, response.getSerializedSize()),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> update(
      String collection, UUID id, BlazeRecord changes, Duration deadline) {
    UpdateRequest request =
        UpdateRequest.newBuilder()
            .setCollection(collection)
            .setId(IdBytes.of(id))
            .setChanges(bytes(changes))
            .build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BlazeDBServiceGrpc.getUpdateMethod()),
        request,
        "Update",
        (UpdateResponse response) ->
            Answer.ofRecords(one(response.getRecord()), sent, response.getSerializedSize()),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> delete(String collection, UUID id, Duration deadline) {
    DeleteRequest request =
        DeleteRequest.newBuilder().setCollection(collection).setId(IdBytes.of(id)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BlazeDBServiceGrpc.getDeleteMethod()),
        request,
        "Delete",
        response -> Answer.empty(sent, response.getSerializedSize()),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> query(String collection, Query query, Duration deadline) {
    QueryRequest request =
        QueryRequest.newBuilder().setCollection(collection).setQuery(document(query)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BlazeDBServiceGrpc.getQueryMethod()),
        request,
        "Query",
        (QueryResponse response) -> {
          long received = response.getSerializedSize();
          return Answer.ofRecords(sequence(response.getRecords()), sent, received);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> aggregate(String collection, Query query, Duration deadline) {
    AggregateRequest request =
        AggregateRequest.newBuilder().setCollection(collection).setQuery(document(query)).build();
    long sent = request.getSerializedSize();
    return GrpcCalls.unary(
        call(BlazeDBServiceGrpc.getAggregateMethod()),
        request,
        "Aggregate",
        (AggregateResponse response) -> {
          long received = response.getSerializedSize();
          return Answer.ofRecords(sequence(response.getRows()), sent, received);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> streamQuery(
      String collection, Query query, int batchSize, Duration deadline) {
    StreamQueryRequest request =
        StreamQueryRequest.newBuilder()
            .setCollection(collection)
            .setQuery(document(query))
            .setBatchSize(batchSize)
            .build();
    long sent = request.getSerializedSize();
    return GrpcCalls.serverStream(
        call(BlazeDBServiceGrpc.getStreamQueryMethod()),
        request,
        "StreamQuery",
        new GrpcCalls.StreamFold<RecordBatch>() {
          private final RecordChecksum.Accumulator checksum = new RecordChecksum.Accumulator();
          private long received;

          @Override
          public void add(RecordBatch batch) {
            received += batch.getSerializedSize();
            for (BlazeRecord record :
                BlazeSequences.decodeRecords(batch.getRecords().asReadOnlyByteBuffer(), decoder)) {
              checksum.add(RecordChecksum.ofRecord(record));
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

  private <Q, R> ClientCall<Q, R> call(MethodDescriptor<Q, R> method) {
    return nextChannel().newCall(method, CallOptions.DEFAULT);
  }

  private static ByteString bytes(BlazeRecord record) {
    return ByteString.copyFrom(BlazeBinaryEncoder.encode(record, FormatVersion.V1));
  }

  private static ByteString document(Query query) {
    return bytes(QueryDocument.toRecord(query));
  }

  private BlazeRecords sequence(ByteString records) {
    return new BlazeRecords(BlazeSequences.decodeRecords(records.asReadOnlyByteBuffer(), decoder));
  }

  private BlazeRecords one(ByteString record) {
    ByteBuffer buffer = record.asReadOnlyByteBuffer();
    return new BlazeRecords(List.of(decoder.decode(buffer)));
  }
}
