package dev.blazebench.load.grpc;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.BlazeRecords;
import dev.blazebench.load.api.PreparedBlazeRecords;
import dev.blazebench.load.api.PreparedRecords;
import dev.blazebench.load.api.RecordChecksum;
import dev.blazebench.load.api.StreamedRecords;
import dev.blazebench.protocol.nativegrpc.BlazeMarshallers;
import dev.blazebench.protocol.nativegrpc.BlazeNativeMethods;
import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryDocument;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code blazedb.v1.BlazeDBNative}: messages that are BlazeBinary, the collection in a header. The
 * driver calls the same methods as protocol's {@code BlazeNativeMethods} with a byte-array
 * marshaller and encodes and decodes the BlazeBinary itself, so it knows each message's exact size
 * (its payload bytes) and decodes every answer in full, as the wrapped API's client does.
 */
public final class NativeGrpcApi extends GrpcLoadClient {

  /** The API's name in results. */
  public static final String NAME = "grpc-native";

  private static final MethodDescriptor<byte[], byte[]> INSERT = raw(BlazeNativeMethods.INSERT);
  private static final MethodDescriptor<byte[], byte[]> INSERT_MANY =
      raw(BlazeNativeMethods.INSERT_MANY);
  private static final MethodDescriptor<byte[], byte[]> FETCH = raw(BlazeNativeMethods.FETCH);
  private static final MethodDescriptor<byte[], byte[]> UPDATE = raw(BlazeNativeMethods.UPDATE);
  private static final MethodDescriptor<byte[], byte[]> DELETE = raw(BlazeNativeMethods.DELETE);
  private static final MethodDescriptor<byte[], byte[]> QUERY =
      raw(BlazeNativeMethods.QUERY_METHOD);
  private static final MethodDescriptor<byte[], byte[]> AGGREGATE =
      raw(BlazeNativeMethods.AGGREGATE);
  private static final MethodDescriptor<byte[], byte[]> STREAM_QUERY =
      raw(BlazeNativeMethods.STREAM_QUERY);

  private final BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();

  public NativeGrpcApi(GrpcConnections connections) {
    super(connections, true);
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
    byte[] request = encode(PreparedBlazeRecords.single(record));
    return GrpcCalls.unary(
        call(INSERT, collection),
        request,
        "Insert",
        response ->
            Answer.ofIds(List.of(idOf(decoder.decode(response))), request.length, response.length),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> insertMany(
      String collection, PreparedRecords records, Duration deadline) {
    byte[] request =
        BlazeSequences.encodeRecords(
            PreparedBlazeRecords.of(records), BlazeNativeMethods.WRITE_VERSION);
    return GrpcCalls.unary(
        call(INSERT_MANY, collection),
        request,
        "InsertMany",
        response -> {
          // One {"id": uuid} record per inserted record, decoded in full.
          List<BlazeRecord> idRecords = BlazeSequences.decodeRecords(wrap(response), decoder);
          List<UUID> ids = new ArrayList<>(idRecords.size());
          for (BlazeRecord idRecord : idRecords) {
            ids.add(idOf(idRecord));
          }
          return Answer.ofIds(ids, request.length, response.length);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> fetch(String collection, UUID id, Duration deadline) {
    byte[] request = encode(idRecord(id));
    return GrpcCalls.unary(
        call(FETCH, collection),
        request,
        "Fetch",
        response -> Answer.ofRecords(one(response), request.length, response.length),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> update(
      String collection, UUID id, BlazeRecord changes, Duration deadline) {
    // The native Update names its target by the changes' own "id".
    byte[] request = encode(changes.toBuilder().put("id", BlazeValue.uuid(id)).build());
    return GrpcCalls.unary(
        call(UPDATE, collection),
        request,
        "Update",
        response -> Answer.ofRecords(one(response), request.length, response.length),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> delete(String collection, UUID id, Duration deadline) {
    byte[] request = encode(idRecord(id));
    return GrpcCalls.unary(
        call(DELETE, collection),
        request,
        "Delete",
        response -> {
          decoder.decode(response); // the empty record {}
          return Answer.empty(request.length, response.length);
        },
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> query(String collection, Query query, Duration deadline) {
    byte[] request = encode(QueryDocument.toRecord(query));
    return GrpcCalls.unary(
        call(QUERY, collection),
        request,
        "Query",
        response -> Answer.ofRecords(sequence(response), request.length, response.length),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> aggregate(String collection, Query query, Duration deadline) {
    byte[] request = encode(QueryDocument.toRecord(query));
    return GrpcCalls.unary(
        call(AGGREGATE, collection),
        request,
        "Aggregate",
        response -> Answer.ofRecords(sequence(response), request.length, response.length),
        connections.deadlines(),
        deadline);
  }

  @Override
  public CompletableFuture<Answer> streamQuery(
      String collection, Query query, int batchSize, Duration deadline) {
    byte[] request = encode(QueryDocument.toRecord(query));
    CallOptions options = options(collection);
    if (batchSize > 0) {
      options = options.withOption(NativeHeaders.BATCH_SIZE_OPTION, batchSize);
    }
    return GrpcCalls.serverStream(
        nextChannel().newCall(STREAM_QUERY, options),
        request,
        "StreamQuery",
        new GrpcCalls.StreamFold<byte[]>() {
          private final RecordChecksum.Accumulator checksum = new RecordChecksum.Accumulator();
          private long received;

          @Override
          public void add(byte[] batch) {
            received += batch.length;
            for (BlazeRecord record : BlazeSequences.decodeRecords(wrap(batch), decoder)) {
              checksum.add(RecordChecksum.ofRecord(record));
            }
          }

          @Override
          public Answer finish() {
            return Answer.ofRecords(StreamedRecords.of(checksum), request.length, received);
          }
        },
        connections.deadlines(),
        deadline);
  }

  private ClientCall<byte[], byte[]> call(
      MethodDescriptor<byte[], byte[]> method, String collection) {
    return nextChannel().newCall(method, options(collection));
  }

  private static CallOptions options(String collection) {
    return CallOptions.DEFAULT.withOption(NativeHeaders.COLLECTION_OPTION, collection);
  }

  private static byte[] encode(BlazeRecord record) {
    return BlazeBinaryEncoder.encode(record, BlazeNativeMethods.WRITE_VERSION);
  }

  private static BlazeRecord idRecord(UUID id) {
    return BlazeRecord.builder().put("id", BlazeValue.uuid(id)).build();
  }

  private static UUID idOf(BlazeRecord record) {
    if (record.get("id") instanceof BlazeValue.UuidValue id) {
      return id.value();
    }
    throw new IllegalStateException("expected a {\"id\": uuid} record, got " + record);
  }

  private BlazeRecords one(byte[] response) {
    return new BlazeRecords(List.of(decoder.decode(response)));
  }

  private BlazeRecords sequence(byte[] response) {
    return new BlazeRecords(BlazeSequences.decodeRecords(wrap(response), decoder));
  }

  private static ByteBuffer wrap(byte[] bytes) {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  private static MethodDescriptor<byte[], byte[]> raw(MethodDescriptor<?, ?> method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(method.getType())
        .setFullMethodName(method.getFullMethodName())
        .setRequestMarshaller(BlazeMarshallers.bytes())
        .setResponseMarshaller(BlazeMarshallers.bytes())
        .build();
  }
}
