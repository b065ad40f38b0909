package dev.blazebench.load.grpc;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.nativegrpc.BlazeNativeMethods;
import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryDocument;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code blazedb.v1.BlazeDBNative}: messages that are BlazeBinary, the collection in a header. The
 * driver calls the same methods as protocol's {@code BlazeNativeMethods} with a byte-array
 * marshaller and encodes and decodes the BlazeBinary itself, so it knows each message's exact size
 * (its payload bytes) and decodes every answer in full, as the wrapped API's client does.
 */
public final class NativeGrpcApi implements BlazeApi {

  /** The API's name in results. */
  public static final String NAME = "grpc-native";

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private static final MethodDescriptor<byte[], byte[]> QUERY =
      raw(BlazeNativeMethods.QUERY_METHOD);
  private static final MethodDescriptor<byte[], byte[]> INSERT_MANY =
      raw(BlazeNativeMethods.INSERT_MANY);

  private final GrpcConnections connections;
  private final List<Channel> channels;
  private final BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();
  private int next;

  public NativeGrpcApi(GrpcConnections connections, int connectionCount) {
    this.connections = connections;
    Channel[] withHeaders = new Channel[connectionCount];
    for (int i = 0; i < connectionCount; i++) {
      withHeaders[i] =
          ClientInterceptors.intercept(connections.next(), NativeHeaders.clientInterceptor());
    }
    this.channels = List.of(withHeaders);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<Answer> query(String collection, Query query, Duration deadline) {
    byte[] request =
        BlazeBinaryEncoder.encode(QueryDocument.toRecord(query), BlazeNativeMethods.WRITE_VERSION);
    return call(
        QUERY,
        collection,
        deadline,
        request,
        "Query",
        response -> {
          List<BlazeRecord> records =
              BlazeSequences.decodeRecords(java.nio.ByteBuffer.wrap(response), decoder);
          return new Answer(records, records.size(), request.length, response.length);
        });
  }

  @Override
  public CompletableFuture<Answer> insertMany(
      String collection, List<BlazeRecord> records, Duration deadline) {
    byte[] request = BlazeSequences.encodeRecords(records, BlazeNativeMethods.WRITE_VERSION);
    return call(
        INSERT_MANY,
        collection,
        deadline,
        request,
        "InsertMany",
        response -> {
          // One {"id": uuid} record per inserted record, decoded in full.
          List<BlazeRecord> ids =
              BlazeSequences.decodeRecords(
                  java.nio.ByteBuffer.wrap(response).asReadOnlyBuffer(), decoder);
          return new Answer(List.of(), ids.size(), request.length, response.length);
        });
  }

  private CompletableFuture<Answer> call(
      MethodDescriptor<byte[], byte[]> method,
      String collection,
      Duration deadline,
      byte[] request,
      String operation,
      Function<byte[], Answer> decode) {
    CallOptions options =
        CallOptions.DEFAULT
            .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS)
            .withOption(NativeHeaders.COLLECTION_OPTION, collection);
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    ClientCalls.asyncUnaryCall(
        nextChannel().newCall(method, options),
        request,
        new StreamObserver<byte[]>() {
          @Override
          public void onNext(byte[] response) {
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
        });
    return answer;
  }

  private Channel nextChannel() {
    // Called from the driver's one dispatch thread; a benign race elsewhere only skews the spread.
    int i = next;
    next = (i + 1) % channels.size();
    return channels.get(i);
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

  private static MethodDescriptor<byte[], byte[]> raw(MethodDescriptor<?, ?> method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(method.getType())
        .setFullMethodName(method.getFullMethodName())
        .setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES)
        .build();
  }
}
