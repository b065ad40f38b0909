package dev.blazebench.load.grpc;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.InsertManyRequest;
import dev.blazebench.protocol.grpc.InsertManyResponse;
import dev.blazebench.protocol.grpc.QueryRequest;
import dev.blazebench.protocol.grpc.QueryResponse;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryDocument;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code blazedb.v1.BlazeDBService}: protobuf messages whose payload fields carry BlazeBinary.
 * Calls go out on grpc-java's async stubs; the BlazeBinary inside each answer is decoded on the
 * thread that receives it, before the future completes. Payload bytes are the protobuf messages'
 * serialized sizes.
 */
public final class WrappedGrpcApi implements BlazeApi {

  /** The API's name in results. */
  public static final String NAME = "grpc-blazebinary";

  private static final int ID_BYTES = 16;

  private final GrpcConnections connections;
  private final BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();

  public WrappedGrpcApi(GrpcConnections connections) {
    this.connections = connections;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Answer> query(String collection, Query query, Duration deadline) {
    QueryRequest request =
        QueryRequest.newBuilder()
            .setCollection(collection)
            .setQuery(
                ByteString.copyFrom(
                    BlazeBinaryEncoder.encode(QueryDocument.toRecord(query), FormatVersion.V1)))
            .build();
    long sent = request.getSerializedSize();
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    stub(deadline)
        .query(
            request,
            observer(
                answer,
                "Query",
                (QueryResponse response) -> {
                  List<BlazeRecord> records =
                      BlazeSequences.decodeRecords(
                          response.getRecords().asReadOnlyByteBuffer(), decoder);
                  return new Answer(records, records.size(), sent, response.getSerializedSize());
                }));
    return answer;
  }

  @Override
  public CompletableFuture<Answer> insertMany(
      String collection, List<BlazeRecord> records, Duration deadline) {
    InsertManyRequest request =
        InsertManyRequest.newBuilder()
            .setCollection(collection)
            .setRecords(
                ByteString.copyFrom(BlazeSequences.encodeRecords(records, FormatVersion.V1)))
            .build();
    long sent = request.getSerializedSize();
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    stub(deadline)
        .insertMany(
            request,
            observer(
                answer,
                "InsertMany",
                (InsertManyResponse response) -> {
                  int ids = response.getIds().size() / ID_BYTES;
                  if (response.getIds().size() % ID_BYTES != 0) {
                    throw new IllegalStateException(
                        "ids field of " + response.getIds().size() + " bytes is not 16 per id");
                  }
                  return new Answer(List.of(), ids, sent, response.getSerializedSize());
                }));
    return answer;
  }

  @Override
  public OpOutcome classify(Throwable error) {
    return GrpcFailures.classify(error);
  }

  @Override
  public WireCounter wireCounter() {
    return connections.wireCounter();
  }

  @Override
  public void awaitReady(long timeoutMillis) throws InterruptedException {
    connections.awaitReady(timeoutMillis);
  }

  @Override
  public void close() {
    connections.close();
  }

  private BlazeDBServiceGrpc.BlazeDBServiceStub stub(Duration deadline) {
    return BlazeDBServiceGrpc.newStub(connections.next())
        .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Completes {@code answer} with the decoded response, or with why the call or decode failed. */
  private static <R> StreamObserver<R> observer(
      CompletableFuture<Answer> answer, String operation, Function<R, Answer> decode) {
    return new StreamObserver<>() {
      @Override
      public void onNext(R response) {
        try {
          answer.complete(decode.apply(response));
        } catch (RuntimeException e) {
          answer.completeExceptionally(new DecodeFailure(operation, e));
        }
      }

      @Override
      public void onError(Throwable t) {
        answer.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        if (!answer.isDone()) {
          answer.completeExceptionally(
              new DecodeFailure(operation, new IllegalStateException("no response message")));
        }
      }
    };
  }
}
