package dev.blazebench.protocol.nativegrpc;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.query.Query;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.stub.ClientCalls;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A blocking client stub for {@code blazedb.v1.BlazeDBNative}, built on {@link ClientCalls}: one
 * method per RPC, the collection and options sent as headers. Immutable; the {@code with...}
 * methods return a changed copy. Calls throw {@link io.grpc.StatusRuntimeException}.
 *
 * <p>For asynchronous calls, use {@link ClientCalls} with {@link BlazeNativeMethods}' descriptors
 * on {@link #channel()} and {@link #callOptions(String)}.
 */
public final class BlazeNativeStub {

  private final Channel channel; // with the header interceptor
  private final CallOptions options;

  private BlazeNativeStub(Channel channel, CallOptions options) {
    this.channel = channel;
    this.options = options;
  }

  /** A stub on {@code channel} (which the caller keeps owning). */
  public static BlazeNativeStub create(Channel channel) {
    return new BlazeNativeStub(
        ClientInterceptors.intercept(channel, NativeHeaders.clientInterceptor()),
        CallOptions.DEFAULT);
  }

  /** The same stub, its calls failing with DEADLINE_EXCEEDED after {@code duration}. */
  public BlazeNativeStub withDeadlineAfter(long duration, TimeUnit unit) {
    return new BlazeNativeStub(channel, options.withDeadlineAfter(duration, unit));
  }

  /** The same stub with responses up to {@code bytes} accepted (gRPC's default is 4 MiB). */
  public BlazeNativeStub withMaxInboundMessageSize(int bytes) {
    return new BlazeNativeStub(channel, options.withMaxInboundMessageSize(bytes));
  }

  /** The channel calls go through, with the header interceptor installed. */
  public Channel channel() {
    return channel;
  }

  /** This stub's call options for a call on {@code collection}. */
  public CallOptions callOptions(String collection) {
    return options.withOption(NativeHeaders.COLLECTION_OPTION, collection);
  }

  /** Inserts {@code record}; answers {@code {"id": uuid}}, or the stored record if asked. */
  public BlazeRecord insert(String collection, BlazeRecord record, boolean returnRecord) {
    return ClientCalls.blockingUnaryCall(
        channel,
        BlazeNativeMethods.INSERT,
        callOptions(collection).withOption(NativeHeaders.RETURN_RECORD_OPTION, returnRecord),
        record);
  }

  /** Inserts {@code records}; one {@code {"id": uuid}} (or stored record) per record, in order. */
  public List<BlazeRecord> insertMany(
      String collection, List<BlazeRecord> records, boolean returnRecords) {
    return ClientCalls.blockingUnaryCall(
        channel,
        BlazeNativeMethods.INSERT_MANY,
        callOptions(collection).withOption(NativeHeaders.RETURN_RECORD_OPTION, returnRecords),
        records);
  }

  public BlazeRecord fetch(String collection, UUID id) {
    return ClientCalls.blockingUnaryCall(
        channel, BlazeNativeMethods.FETCH, callOptions(collection), id);
  }

  /** Applies {@code changes}, whose {@code id} field names the record; answers the new record. */
  public BlazeRecord update(String collection, BlazeRecord changes) {
    return ClientCalls.blockingUnaryCall(
        channel, BlazeNativeMethods.UPDATE, callOptions(collection), changes);
  }

  public BlazeRecord delete(String collection, UUID id) {
    return ClientCalls.blockingUnaryCall(
        channel, BlazeNativeMethods.DELETE, callOptions(collection), id);
  }

  public List<BlazeRecord> query(String collection, Query query) {
    return ClientCalls.blockingUnaryCall(
        channel, BlazeNativeMethods.QUERY_METHOD, callOptions(collection), query);
  }

  public List<BlazeRecord> aggregate(String collection, Query query) {
    return ClientCalls.blockingUnaryCall(
        channel, BlazeNativeMethods.AGGREGATE, callOptions(collection), query);
  }

  /**
   * Streams the query's result in batches. Abandoning the iterator leaks the call: run it in a
   * cancellable {@link io.grpc.Context} and cancel that (as {@code BlazeNativeClient} does).
   *
   * @param batchSize records per batch; 0 for the server's default
   */
  public Iterator<List<BlazeRecord>> streamQuery(String collection, Query query, int batchSize) {
    CallOptions callOptions = callOptions(collection);
    if (batchSize > 0) {
      callOptions = callOptions.withOption(NativeHeaders.BATCH_SIZE_OPTION, batchSize);
    }
    return ClientCalls.blockingServerStreamingCall(
        channel, BlazeNativeMethods.STREAM_QUERY, callOptions, query);
  }
}
