package dev.blazebench.server.grpc;

import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Which collection a {@code bugs.v1.BugService} call serves: {@value #DEFAULT} unless the call
 * carries the optional {@value NativeHeaders#COLLECTION_HEADER} header (same encoding as the native
 * service's). A Protobuf user never sends it; it lets the API contract suite run each test on a
 * fresh collection, as it does on the other APIs.
 */
final class BugCollection implements ServerInterceptor {

  /** The collection the Protobuf API serves by default. */
  static final String DEFAULT = "bugs";

  private static final Context.Key<String> COLLECTION =
      Context.keyWithDefault("bugs-collection", DEFAULT);

  /** The current call's collection. */
  static String current() {
    return COLLECTION.get();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String encoded = headers.get(NativeHeaders.COLLECTION);
    if (encoded == null) {
      return next.startCall(call, headers);
    }
    String collection;
    try {
      collection = NativeHeaders.decodeCollection(encoded);
    } catch (StatusRuntimeException e) {
      call.close(e.getStatus(), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    if (collection.isEmpty()) {
      call.close(
          Status.INVALID_ARGUMENT.withDescription(
              NativeHeaders.COLLECTION_HEADER + ": empty collection name"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(
        Context.current().withValue(COLLECTION, collection), call, headers, next);
  }
}
