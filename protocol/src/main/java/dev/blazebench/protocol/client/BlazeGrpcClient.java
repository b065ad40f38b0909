package dev.blazebench.protocol.client;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.grpc.AggregateRequest;
import dev.blazebench.protocol.grpc.AggregateResponse;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.DeleteRequest;
import dev.blazebench.protocol.grpc.FetchRequest;
import dev.blazebench.protocol.grpc.InsertManyRequest;
import dev.blazebench.protocol.grpc.InsertManyResponse;
import dev.blazebench.protocol.grpc.InsertRequest;
import dev.blazebench.protocol.grpc.InsertResponse;
import dev.blazebench.protocol.grpc.QueryRequest;
import dev.blazebench.protocol.grpc.QueryResponse;
import dev.blazebench.protocol.grpc.RecordBatch;
import dev.blazebench.protocol.grpc.StreamQueryRequest;
import dev.blazebench.protocol.grpc.SubscribeRequest;
import dev.blazebench.protocol.grpc.SyncUpdate;
import dev.blazebench.protocol.grpc.UpdateRequest;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryDocument;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link BlazeClient} for {@code blazedb.v1.BlazeDBService}: protobuf messages whose payload fields
 * are BlazeBinary bytes (records, record sequences, query documents, 16-byte ids).
 *
 * <pre>{@code
 * try (BlazeGrpcClient client = BlazeGrpcClient.forTarget("127.0.0.1:50051")) {
 *   UUID id = client.insert("bugs", BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0));
 * }
 * }</pre>
 */
public final class BlazeGrpcClient implements BlazeClient {

  private final Channel channel;
  private final ManagedChannel ownedChannel; // null when the caller owns the channel
  private final ClientSettings settings;
  private final BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();

  private BlazeGrpcClient(Channel channel, ManagedChannel ownedChannel, ClientSettings settings) {
    this.channel = channel;
    this.ownedChannel = ownedChannel;
    this.settings = settings;
  }

  /** A client with its own plaintext channel to {@code target} ({@code host:port}). */
  public static BlazeGrpcClient forTarget(String target) {
    return forTarget(target, ClientSettings.defaults());
  }

  public static BlazeGrpcClient forTarget(String target, ClientSettings settings) {
    ManagedChannel channel = settings.plaintextChannel(target);
    return new BlazeGrpcClient(channel, channel, settings);
  }

  /** A client on {@code channel}, which the caller keeps owning (and closes). */
  public static BlazeGrpcClient create(Channel channel) {
    return create(channel, ClientSettings.defaults());
  }

  public static BlazeGrpcClient create(Channel channel, ClientSettings settings) {
    return new BlazeGrpcClient(channel, null, settings);
  }

  @Override
  public BlazeGrpcClient withDeadline(Duration deadline) {
    return new BlazeGrpcClient(channel, null, settings.withDeadline(deadline));
  }

  @Override
  public UUID insert(String collection, BlazeRecord record) {
    InsertResponse response =
        call("Insert", () -> stub().insert(insertRequest(collection, record, false)));
    return id("Insert", response.getId());
  }

  @Override
  public BlazeRecord insertReturningRecord(String collection, BlazeRecord record) {
    InsertResponse response =
        call("Insert", () -> stub().insert(insertRequest(collection, record, true)));
    return decodeRecord("Insert", response.getRecord());
  }

  @Override
  public List<UUID> insertMany(String collection, List<BlazeRecord> records) {
    InsertManyResponse response =
        call("InsertMany", () -> stub().insertMany(insertManyRequest(collection, records, false)));
    ByteString ids = response.getIds();
    if (ids.size() != records.size() * UuidBytes.LENGTH) {
      throw GrpcFailures.malformed(
          "InsertMany",
          new IllegalStateException(
              "expected " + records.size() + " ids (16 bytes each), got " + ids.size() + " bytes"));
    }
    List<UUID> result = new ArrayList<>(records.size());
    ByteBuffer buffer = ids.asReadOnlyByteBuffer();
    for (int i = 0; i < records.size(); i++) {
      result.add(new UUID(buffer.getLong(), buffer.getLong()));
    }
    return result;
  }

  @Override
  public List<BlazeRecord> insertManyReturningRecords(
      String collection, List<BlazeRecord> records) {
    InsertManyResponse response =
        call("InsertMany", () -> stub().insertMany(insertManyRequest(collection, records, true)));
    return decodeRecords("InsertMany", response.getRecords());
  }

  @Override
  public BlazeRecord fetch(String collection, UUID id) {
    FetchRequest request =
        FetchRequest.newBuilder()
            .setCollection(collection)
            .setId(UuidBytes.toByteString(id))
            .build();
    return decodeRecord("Fetch", call("Fetch", () -> stub().fetch(request)).getRecord());
  }

  @Override
  public BlazeRecord update(String collection, UUID id, BlazeRecord changes) {
    UpdateRequest request =
        UpdateRequest.newBuilder()
            .setCollection(collection)
            .setId(UuidBytes.toByteString(id))
            .setChanges(encode(changes))
            .build();
    return decodeRecord("Update", call("Update", () -> stub().update(request)).getRecord());
  }

  @Override
  public void delete(String collection, UUID id) {
    DeleteRequest request =
        DeleteRequest.newBuilder()
            .setCollection(collection)
            .setId(UuidBytes.toByteString(id))
            .build();
    call("Delete", () -> stub().delete(request));
  }

  @Override
  public List<BlazeRecord> query(String collection, Query query) {
    QueryRequest request =
        QueryRequest.newBuilder()
            .setCollection(collection)
            .setQuery(encode(QueryDocument.toRecord(query)))
            .build();
    QueryResponse response = call("Query", () -> stub().query(request));
    return decodeRecords("Query", response.getRecords());
  }

  @Override
  public List<BlazeRecord> aggregate(String collection, Query query) {
    AggregateRequest request =
        AggregateRequest.newBuilder()
            .setCollection(collection)
            .setQuery(encode(QueryDocument.toRecord(query)))
            .build();
    AggregateResponse response = call("Aggregate", () -> stub().aggregate(request));
    return decodeRecords("Aggregate", response.getRows());
  }

  @Override
  public BatchStream streamQuery(String collection, Query query, int batchSize) {
    if (batchSize < 0) {
      throw new IllegalArgumentException("batchSize must not be negative, was " + batchSize);
    }
    StreamQueryRequest request =
        StreamQueryRequest.newBuilder()
            .setCollection(collection)
            .setQuery(encode(QueryDocument.toRecord(query)))
            .setBatchSize(batchSize)
            .build();
    Context.CancellableContext context = Context.current().withCancellation();
    Iterator<RecordBatch> batches;
    try {
      batches = context.call(() -> stub().streamQuery(request));
    } catch (Exception e) {
      context.close();
      throw GrpcFailures.translate("StreamQuery", asRuntime(e));
    }
    return new BatchStream(
        context,
        batches,
        (RecordBatch batch) -> decodeRecords("StreamQuery", batch.getRecords()),
        "StreamQuery");
  }

  /**
   * Follows {@code collection}'s changes after {@code fromSequence} (0: every change still kept;
   * after a disconnect: the last sequence received), delivering them to {@code listener} until the
   * subscription is cancelled or ends. No deadline applies.
   */
  public ChangeSubscription subscribe(
      String collection, long fromSequence, ChangeListener listener) {
    return subscribe(
        SubscribeRequest.newBuilder()
            .setCollection(collection)
            .setFromSequence(fromSequence)
            .build(),
        listener);
  }

  /** Follows only the changes of {@code collection} committed from now on. */
  public ChangeSubscription subscribeFromLatest(String collection, ChangeListener listener) {
    return subscribe(
        SubscribeRequest.newBuilder().setCollection(collection).setFromLatest(true).build(),
        listener);
  }

  private ChangeSubscription subscribe(SubscribeRequest request, ChangeListener listener) {
    if (request.getFromSequence() < 0) {
      throw new IllegalArgumentException(
          "fromSequence must be at least 0, was " + request.getFromSequence());
    }
    return ChangeSubscription.start(
        channel,
        BlazeDBServiceGrpc.getSubscribeMethod(),
        CallOptions.DEFAULT.withMaxInboundMessageSize(settings.maxInboundMessageBytes()),
        request,
        (SyncUpdate update) ->
            ChangeBatches.decode(
                update.getFirstSequence(),
                update.getCommitTimeMicrosList().stream().mapToLong(Long::longValue).toArray(),
                update.getOperations().asReadOnlyByteBuffer()),
        listener);
  }

  @Override
  public void close() {
    OwnedChannel.close(ownedChannel);
  }

  private BlazeDBServiceGrpc.BlazeDBServiceBlockingStub stub() {
    BlazeDBServiceGrpc.BlazeDBServiceBlockingStub stub =
        BlazeDBServiceGrpc.newBlockingStub(channel)
            .withMaxInboundMessageSize(settings.maxInboundMessageBytes());
    if (settings.deadline() != null) {
      stub = stub.withDeadlineAfter(settings.deadline().toNanos(), TimeUnit.NANOSECONDS);
    }
    return stub;
  }

  private InsertRequest insertRequest(String collection, BlazeRecord record, boolean returnRecord) {
    return InsertRequest.newBuilder()
        .setCollection(collection)
        .setRecord(encode(record))
        .setReturnRecord(returnRecord)
        .build();
  }

  private InsertManyRequest insertManyRequest(
      String collection, List<BlazeRecord> records, boolean returnRecords) {
    return InsertManyRequest.newBuilder()
        .setCollection(collection)
        .setRecords(
            UnsafeBytes.wrap(BlazeSequences.encodeRecords(records, settings.formatVersion())))
        .setReturnRecords(returnRecords)
        .build();
  }

  private ByteString encode(BlazeRecord record) {
    return UnsafeBytes.wrap(BlazeBinaryEncoder.encode(record, settings.formatVersion()));
  }

  private BlazeRecord decodeRecord(String operation, ByteString bytes) {
    try {
      return decoder.decode(bytes.asReadOnlyByteBuffer());
    } catch (RuntimeException e) {
      throw GrpcFailures.malformed(operation, e);
    }
  }

  private List<BlazeRecord> decodeRecords(String operation, ByteString bytes) {
    try {
      return BlazeSequences.decodeRecords(bytes.asReadOnlyByteBuffer(), decoder);
    } catch (RuntimeException e) {
      throw GrpcFailures.malformed(operation, e);
    }
  }

  private static UUID id(String operation, ByteString bytes) {
    try {
      return UuidBytes.fromByteString(bytes);
    } catch (IllegalArgumentException e) {
      throw GrpcFailures.malformed(operation, e);
    }
  }

  private static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw GrpcFailures.translate(operation, e);
    }
  }

  private static RuntimeException asRuntime(Exception e) {
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }
}
