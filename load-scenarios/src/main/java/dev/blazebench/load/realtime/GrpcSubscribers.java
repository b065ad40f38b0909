package dev.blazebench.load.realtime;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.OperationType;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.bugs.BugChange;
import dev.blazebench.protocol.bugs.BugChanges;
import dev.blazebench.protocol.bugs.BugMapping;
import dev.blazebench.protocol.bugs.BugServiceGrpc;
import dev.blazebench.protocol.bugs.BugSubscribeRequest;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.SubscribeRequest;
import dev.blazebench.protocol.grpc.SyncUpdate;
import dev.blazebench.protocol.nativegrpc.BlazeMarshallers;
import dev.blazebench.protocol.nativegrpc.BlazeNativeMethods;
import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import dev.blazebench.protocol.nativegrpc.NativeUpdates;
import dev.blazebench.protocol.workload.BugFields;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Subscribers on a gRPC {@code Subscribe} stream, on any of the reference server's three gRPC APIs:
 * {@code blazedb.v1.BlazeDBService} (BlazeBinary operations in a protobuf {@code SyncUpdate}),
 * {@code blazedb.v1.BlazeDBNative} (an update that is a BlazeBinary record) or {@code
 * bugs.v1.BugService} (typed {@code BugChange}s). Each subscriber has its own channel, hence its
 * own HTTP/2 connection, counted at the socket as the request/response clients' are. Every message
 * is decoded in full (each operation, each record or patch) on the I/O thread that read it before
 * its changes count as received.
 */
public final class GrpcSubscribers implements SubscriberApi {

  /** The three gRPC APIs' Subscribe. */
  public enum Flavor {
    WRAPPED("grpc-blazebinary"),
    NATIVE("grpc-native"),
    PROTOBUF("grpc-protobuf");

    final String apiName;

    Flavor(String apiName) {
      this.apiName = apiName;
    }
  }

  private static final MethodDescriptor<byte[], byte[]> NATIVE_SUBSCRIBE =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(BlazeNativeMethods.SUBSCRIBE.getType())
          .setFullMethodName(BlazeNativeMethods.SUBSCRIBE.getFullMethodName())
          .setRequestMarshaller(BlazeMarshallers.bytes())
          .setResponseMarshaller(BlazeMarshallers.bytes())
          .build();

  private final Flavor flavor;
  private final String host;
  private final int port;
  private final EventLoopGroup eventLoops;
  private final WireCounter wireCounter = new WireCounter(WireCounter.NETTY_SOCKET_HANDLER);
  private final Set<ManagedChannel> channels = ConcurrentHashMap.newKeySet();
  private final BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();

  public GrpcSubscribers(Flavor flavor, String host, int port) {
    this.flavor = flavor;
    this.host = host;
    this.port = port;
    this.eventLoops =
        new MultiThreadIoEventLoopGroup(
            Math.min(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
  }

  @Override
  public String name() {
    return flavor.apiName;
  }

  @Override
  public WireCounter wireCounter() {
    return wireCounter;
  }

  @Override
  public OpOutcome classify(Throwable error) {
    return SubscriptionFailures.classify(error);
  }

  private ManagedChannel newChannel() {
    ManagedChannel channel = StreamChannels.newChannel(host, port, eventLoops, wireCounter);
    channels.add(channel);
    return channel;
  }

  @Override
  public void awaitReady(long timeoutMillis) throws InterruptedException {
    ManagedChannel channel = newChannel();
    try {
      StreamChannels.awaitReady(channel, host, port, timeoutMillis);
    } finally {
      channels.remove(channel);
      channel.shutdownNow();
    }
  }

  @Override
  public AutoCloseable subscribe(String collection, ChangeSink sink) {
    ManagedChannel channel = newChannel();
    ClientCall<?, ?> call =
        switch (flavor) {
          case WRAPPED ->
              start(
                  channel.newCall(BlazeDBServiceGrpc.getSubscribeMethod(), CallOptions.DEFAULT),
                  SubscribeRequest.newBuilder()
                      .setCollection(collection)
                      .setFromLatest(true)
                      .build(),
                  (SyncUpdate update) ->
                      operations(
                          update.getFirstSequence(),
                          BlazeSequences.decodeOperations(
                              update.getOperations().asReadOnlyByteBuffer(), decoder)),
                  SyncUpdate::getSerializedSize,
                  sink);
          case NATIVE ->
              start(
                  ClientInterceptors.intercept(channel, NativeHeaders.clientInterceptor())
                      .newCall(
                          NATIVE_SUBSCRIBE,
                          CallOptions.DEFAULT.withOption(
                              NativeHeaders.COLLECTION_OPTION, collection)),
                  encodeNative(),
                  (byte[] message) -> {
                    BlazeRecord update = decoder.decode(message);
                    byte[] operations = NativeUpdates.operations(update);
                    return operations(
                        NativeUpdates.first(update),
                        BlazeSequences.decodeOperations(operations, 0, operations.length, decoder));
                  },
                  message -> message.length,
                  sink);
          case PROTOBUF -> {
            Channel withHeader =
                ClientInterceptors.intercept(channel, NativeHeaders.clientInterceptor());
            CallOptions options = CallOptions.DEFAULT;
            if (!BugFields.COLLECTION.equals(collection)) {
              options = options.withOption(NativeHeaders.COLLECTION_OPTION, collection);
            }
            yield start(
                withHeader.newCall(BugServiceGrpc.getSubscribeMethod(), options),
                BugSubscribeRequest.newBuilder().setFromLatest(true).build(),
                GrpcSubscribers::bugChanges,
                BugChanges::getSerializedSize,
                sink);
          }
        };
    return () -> {
      call.cancel("subscriber closed", null);
      channels.remove(channel);
      channel.shutdownNow();
    };
  }

  private byte[] encodeNative() {
    return dev.blazebench.binary.BlazeBinaryEncoder.encode(
        NativeUpdates.request(0, true), BlazeNativeMethods.WRITE_VERSION);
  }

  /** How one API's message turns into changes. */
  private interface Decode<R> {
    List<ObservedChange> apply(R message);
  }

  private interface Size<R> {
    long of(R message);
  }

  private <Q, R> ClientCall<Q, R> start(
      ClientCall<Q, R> call, Q request, Decode<R> decode, Size<R> size, ChangeSink sink) {
    ClientCalls.asyncServerStreamingCall(
        call,
        request,
        new StreamObserver<R>() {
          private boolean ended;

          @Override
          public void onNext(R message) {
            if (ended) {
              return;
            }
            List<ObservedChange> changes;
            try {
              changes = decode.apply(message);
            } catch (RuntimeException e) {
              ended = true;
              call.cancel("the subscriber could not decode a message", e);
              sink.onEnd(new SubscriptionFailures.UndecodableMessage(flavor.apiName, e));
              return;
            }
            sink.onChanges(changes, System.nanoTime(), size.of(message));
          }

          @Override
          public void onError(Throwable t) {
            if (!ended) {
              ended = true;
              sink.onEnd(t);
            }
          }

          @Override
          public void onCompleted() {
            if (!ended) {
              ended = true;
              sink.onEnd(
                  new SubscriptionFailures.ClosedByServer("the server completed the stream"));
            }
          }
        });
    return call;
  }

  static List<ObservedChange> operations(long firstSequence, List<BlazeOperation> ops) {
    List<ObservedChange> changes = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      BlazeOperation op = ops.get(i);
      changes.add(
          new ObservedChange(
              firstSequence + i, kind(op.type()), op.recordId(), title(op.changes())));
    }
    return changes;
  }

  private static List<ObservedChange> bugChanges(BugChanges message) {
    List<ObservedChange> changes = new ArrayList<>(message.getChangesCount());
    for (BugChange change : message.getChangesList()) {
      UUID id = UuidBytes.fromByteString(change.getId());
      ObservedChange.Kind kind =
          switch (change.getType()) {
            case TYPE_INSERT -> ObservedChange.Kind.INSERT;
            case TYPE_UPDATE -> ObservedChange.Kind.UPDATE;
            case TYPE_DELETE -> ObservedChange.Kind.DELETE;
            default -> ObservedChange.Kind.OTHER;
          };
      // Decode the bug or the patch in full, as a Protobuf user's code would use it.
      BlazeRecord fields =
          change.hasBug()
              ? BugMapping.toRecord(change.getBug())
              : change.hasPatch() ? BugMapping.toChanges(change.getPatch()) : null;
      changes.add(new ObservedChange(change.getSequence(), kind, id, title(fields)));
    }
    return changes;
  }

  private static ObservedChange.Kind kind(OperationType type) {
    return switch (type) {
      case INSERT -> ObservedChange.Kind.INSERT;
      case UPDATE -> ObservedChange.Kind.UPDATE;
      case DELETE -> ObservedChange.Kind.DELETE;
      default -> ObservedChange.Kind.OTHER;
    };
  }

  private static String title(BlazeRecord fields) {
    return fields != null && fields.get(BugFields.TITLE) instanceof BlazeValue.StringValue s
        ? s.value()
        : null;
  }

  @Override
  public void close() {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow();
    }
    channels.clear();
    eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
