package dev.blazebench.protocol.nativegrpc;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.GrpcErrors;
import dev.blazebench.protocol.ParseFailures;
import dev.blazebench.protocol.query.Query;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.UUID;

/**
 * Binds handler functions to {@code blazedb.v1.BlazeDBNative}, giving a {@link
 * ServerServiceDefinition} to add to a server. Headers are read and checked before a handler runs:
 * a missing or empty collection, a bad {@code blazedb-return} or a batch size that is not a
 * positive integer fails the call with {@code INVALID_ARGUMENT}, and so does a message that does
 * not parse ({@link ParseFailures}), with the decoder's message. A handler's exception becomes a
 * status through {@link GrpcErrors}. Methods without a handler answer {@code UNIMPLEMENTED}.
 *
 * <pre>{@code
 * ServerServiceDefinition service = BlazeNativeService.builder()
 *     .insert((call, record) -> store.insert(call.collection(), record))
 *     .fetch((call, id) -> store.fetch(call.collection(), id))
 *     .build();
 * }</pre>
 */
public final class BlazeNativeService {

  private static final Context.Key<NativeCall> CALL = Context.key("blazedb-native-call");

  private BlazeNativeService() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Handles one unary call. */
  @FunctionalInterface
  public interface UnaryHandler<Q, R> {
    R handle(NativeCall call, Q request) throws Exception;
  }

  /**
   * Handles one StreamQuery call: sends batches to {@code batches} and completes it (or fails it
   * with {@code onError}). An exception thrown before anything was sent fails the call; the
   * observer's {@code isReady}/{@code setOnReadyHandler} give flow control.
   */
  @FunctionalInterface
  public interface StreamHandler {
    void handle(NativeCall call, Query query, ServerCallStreamObserver<List<BlazeRecord>> batches)
        throws Exception;
  }

  /**
   * Handles one Subscribe call: sends update records ({@link NativeUpdates}) to {@code updates}
   * until it fails it with the status that ends the subscription. An exception thrown before
   * anything was sent fails the call.
   */
  @FunctionalInterface
  public interface SubscribeHandler {
    void handle(NativeCall call, BlazeRecord request, ServerCallStreamObserver<BlazeRecord> updates)
        throws Exception;
  }

  /** Collects handlers; unset methods answer UNIMPLEMENTED. */
  public static final class Builder {
    private UnaryHandler<BlazeRecord, BlazeRecord> insert;
    private UnaryHandler<List<BlazeRecord>, List<BlazeRecord>> insertMany;
    private UnaryHandler<UUID, BlazeRecord> fetch;
    private UnaryHandler<BlazeRecord, BlazeRecord> update;
    private UnaryHandler<UUID, BlazeRecord> delete;
    private UnaryHandler<Query, List<BlazeRecord>> query;
    private UnaryHandler<Query, List<BlazeRecord>> aggregate;
    private StreamHandler streamQuery;
    private SubscribeHandler subscribe;
    private ParseFailures.MessageGate gate = ParseFailures.MessageGate.OPEN;

    private Builder() {}

    /** Insert: the record in, {@code {"id": uuid}} or (call.returnRecord()) the stored record. */
    public Builder insert(UnaryHandler<BlazeRecord, BlazeRecord> handler) {
      this.insert = handler;
      return this;
    }

    /** InsertMany: records in; one {@code {"id": uuid}} or stored record out per record. */
    public Builder insertMany(UnaryHandler<List<BlazeRecord>, List<BlazeRecord>> handler) {
      this.insertMany = handler;
      return this;
    }

    public Builder fetch(UnaryHandler<UUID, BlazeRecord> handler) {
      this.fetch = handler;
      return this;
    }

    /** Update: the changes record, whose {@code id} names the record to change. */
    public Builder update(UnaryHandler<BlazeRecord, BlazeRecord> handler) {
      this.update = handler;
      return this;
    }

    /** Delete: answers the empty record {@code {}}. */
    public Builder delete(UnaryHandler<UUID, BlazeRecord> handler) {
      this.delete = handler;
      return this;
    }

    public Builder query(UnaryHandler<Query, List<BlazeRecord>> handler) {
      this.query = handler;
      return this;
    }

    public Builder aggregate(UnaryHandler<Query, List<BlazeRecord>> handler) {
      this.aggregate = handler;
      return this;
    }

    public Builder streamQuery(StreamHandler handler) {
      this.streamQuery = handler;
      return this;
    }

    /** Room for each request message before it is parsed (default: none needed). */
    public Builder messageGate(ParseFailures.MessageGate gate) {
      this.gate = gate;
      return this;
    }

    public Builder subscribe(SubscribeHandler handler) {
      this.subscribe = handler;
      return this;
    }

    /** The service definition, with header checking in front of every method. */
    public ServerServiceDefinition build() {
      ServerServiceDefinition definition =
          ServerServiceDefinition.builder(BlazeNativeMethods.SERVICE)
              .addMethod(BlazeNativeMethods.INSERT, unary(BlazeNativeMethods.INSERT, insert))
              .addMethod(
                  BlazeNativeMethods.INSERT_MANY, unary(BlazeNativeMethods.INSERT_MANY, insertMany))
              .addMethod(BlazeNativeMethods.FETCH, unary(BlazeNativeMethods.FETCH, fetch))
              .addMethod(BlazeNativeMethods.UPDATE, unary(BlazeNativeMethods.UPDATE, update))
              .addMethod(BlazeNativeMethods.DELETE, unary(BlazeNativeMethods.DELETE, delete))
              .addMethod(
                  BlazeNativeMethods.QUERY_METHOD, unary(BlazeNativeMethods.QUERY_METHOD, query))
              .addMethod(
                  BlazeNativeMethods.AGGREGATE, unary(BlazeNativeMethods.AGGREGATE, aggregate))
              .addMethod(BlazeNativeMethods.STREAM_QUERY, stream(streamQuery))
              .addMethod(BlazeNativeMethods.SUBSCRIBE, subscription(subscribe))
              .build();
      // Parse failures must reach the client as INVALID_ARGUMENT (see ParseFailures).
      return ServerInterceptors.intercept(
          ParseFailures.reportAsInvalidArgument(definition, gate), new HeaderReader());
    }
  }

  private static <Q, R> ServerCallHandler<Q, R> unary(
      MethodDescriptor<Q, R> method, UnaryHandler<Q, R> handler) {
    if (handler == null) {
      return ServerCalls.asyncUnaryCall(
          (request, responses) -> ServerCalls.asyncUnimplementedUnaryCall(method, responses));
    }
    return ServerCalls.asyncUnaryCall(
        (Q request, StreamObserver<R> responses) -> {
          R response;
          try {
            response = handler.handle(CALL.get(), request);
          } catch (Exception e) {
            responses.onError(GrpcErrors.toException(e));
            return;
          }
          responses.onNext(response);
          responses.onCompleted();
        });
  }

  private static ServerCallHandler<Query, List<BlazeRecord>> stream(StreamHandler handler) {
    if (handler == null) {
      return ServerCalls.asyncServerStreamingCall(
          (request, responses) ->
              ServerCalls.asyncUnimplementedUnaryCall(BlazeNativeMethods.STREAM_QUERY, responses));
    }
    return ServerCalls.asyncServerStreamingCall(
        (Query request, StreamObserver<List<BlazeRecord>> responses) -> {
          ServerCallStreamObserver<List<BlazeRecord>> batches =
              (ServerCallStreamObserver<List<BlazeRecord>>) responses;
          try {
            handler.handle(CALL.get(), request, batches);
          } catch (Exception e) {
            responses.onError(GrpcErrors.toException(e));
          }
        });
  }

  private static ServerCallHandler<BlazeRecord, BlazeRecord> subscription(
      SubscribeHandler handler) {
    if (handler == null) {
      return ServerCalls.asyncServerStreamingCall(
          (request, responses) ->
              ServerCalls.asyncUnimplementedUnaryCall(BlazeNativeMethods.SUBSCRIBE, responses));
    }
    return ServerCalls.asyncServerStreamingCall(
        (BlazeRecord request, StreamObserver<BlazeRecord> responses) -> {
          try {
            handler.handle(CALL.get(), request, (ServerCallStreamObserver<BlazeRecord>) responses);
          } catch (Exception e) {
            responses.onError(GrpcErrors.toException(e));
          }
        });
  }

  /** Reads and checks the headers, then makes them the handler's {@link NativeCall}. */
  private static final class HeaderReader implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      NativeCall nativeCall;
      try {
        nativeCall = readHeaders(headers);
      } catch (io.grpc.StatusRuntimeException e) {
        call.close(e.getStatus(), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return Contexts.interceptCall(
          Context.current().withValue(CALL, nativeCall), call, headers, next);
    }
  }

  static NativeCall readHeaders(Metadata headers) {
    String encoded = headers.get(NativeHeaders.COLLECTION);
    if (encoded == null || encoded.isEmpty()) {
      throw invalid("missing header " + NativeHeaders.COLLECTION_HEADER + " (the collection name)");
    }
    String collection = NativeHeaders.decodeCollection(encoded);
    String returnValue = headers.get(NativeHeaders.RETURN);
    if (returnValue != null && !returnValue.equals(NativeHeaders.RETURN_RECORD)) {
      throw invalid(
          NativeHeaders.RETURN_HEADER
              + ": expected \""
              + NativeHeaders.RETURN_RECORD
              + "\", was \""
              + returnValue
              + "\"");
    }
    int batchSize = NativeHeaders.DEFAULT_BATCH_SIZE;
    String batchValue = headers.get(NativeHeaders.BATCH_SIZE);
    if (batchValue != null) {
      try {
        batchSize = Integer.parseInt(batchValue);
      } catch (NumberFormatException e) {
        batchSize = 0;
      }
      if (batchSize < 1) {
        throw invalid(
            NativeHeaders.BATCH_SIZE_HEADER
                + ": expected a positive integer, was \""
                + batchValue
                + "\"");
      }
    }
    return new NativeCall(collection, returnValue != null, batchSize);
  }

  private static io.grpc.StatusRuntimeException invalid(String description) {
    return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
  }
}
