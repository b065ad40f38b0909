package dev.blazebench.load.realtime;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.load.api.TargetUnreachableException;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.SyncAck;
import dev.blazebench.protocol.grpc.SyncMessage;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Clients of {@code BlazeDBService.Sync} (gRPC, BlazeBinary operations in protobuf): each {@link
 * #open} is one client device on its own channel, hence its own HTTP/2 connection, counted at the
 * socket into the one {@link #wireCounter}. Every change message is decoded in full (each
 * operation) on the I/O thread that read it before its changes count as received.
 */
public final class SyncStreams implements AutoCloseable {

  /** The API's name in results: only the BlazeBinary-in-protobuf API serves Sync. */
  public static final String API = "grpc-blazebinary";

  private final String host;
  private final int port;
  private final EventLoopGroup eventLoops;
  private final WireCounter wireCounter = new WireCounter(WireCounter.NETTY_SOCKET_HANDLER);
  private final Set<ManagedChannel> channels = ConcurrentHashMap.newKeySet();

  public SyncStreams(String host, int port) {
    this.host = host;
    this.port = port;
    this.eventLoops =
        new MultiThreadIoEventLoopGroup(
            Math.min(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
  }

  /** What a Sync client hears from the server; called on the I/O thread, one call at a time. */
  public interface Listener {
    /** The server's answer to one of this client's messages, {@code sizeBytes} serialized. */
    void onAck(SyncAck ack, long receivedNanos, long sizeBytes);

    /** Other writers' changes, decoded; {@code sizeBytes} is the message's serialized size. */
    void onChanges(List<ObservedChange> changes, long receivedNanos, long sizeBytes);

    /** The stream ended (never called twice; no other call follows). */
    void onEnd(Throwable cause);
  }

  /** One open Sync stream: sends messages; closing it cancels the call and its connection. */
  public static final class Stream implements AutoCloseable {
    private final ManagedChannel channel;
    private volatile ClientCallStreamObserver<SyncMessage> requests;

    private Stream(ManagedChannel channel) {
      this.channel = channel;
    }

    /** Sends {@code message}; thread-safe (grpc-java's request stream is not). */
    public synchronized void send(SyncMessage message) {
      requests.onNext(message);
    }

    @Override
    public void close() {
      ClientCallStreamObserver<SyncMessage> call = requests;
      if (call != null) {
        call.cancel("sync client closed", null);
      }
      channel.shutdownNow();
    }
  }

  /**
   * Opens a stream on {@code collection} following changes committed from now on, and sends its
   * opening message; the server's ack of it (push_id 0) says the stream follows the collection.
   */
  public Stream open(String collection, Listener listener) {
    ManagedChannel channel = newChannel();
    Stream stream = new Stream(channel);
    BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();
    BlazeDBServiceGrpc.newStub(channel)
        .sync(
            new ClientResponseObserver<SyncMessage, SyncMessage>() {
              private boolean ended;

              @Override
              public void beforeStart(ClientCallStreamObserver<SyncMessage> requestStream) {
                stream.requests = requestStream;
              }

              @Override
              public void onNext(SyncMessage message) {
                if (ended) {
                  return;
                }
                long now = System.nanoTime();
                if (message.hasAck()) {
                  listener.onAck(message.getAck(), now, message.getSerializedSize());
                  return;
                }
                List<ObservedChange> changes;
                try {
                  changes =
                      GrpcSubscribers.operations(
                          message.getFirstSequence(),
                          BlazeSequences.decodeOperations(
                              message.getOperations().asReadOnlyByteBuffer(), decoder));
                } catch (RuntimeException e) {
                  ended = true;
                  stream.requests.cancel("the sync client could not decode a message", e);
                  listener.onEnd(new SubscriptionFailures.UndecodableMessage(API, e));
                  return;
                }
                listener.onChanges(changes, now, message.getSerializedSize());
              }

              @Override
              public void onError(Throwable t) {
                if (!ended) {
                  ended = true;
                  listener.onEnd(t);
                }
              }

              @Override
              public void onCompleted() {
                if (!ended) {
                  ended = true;
                  listener.onEnd(
                      new SubscriptionFailures.ClosedByServer("the server completed the stream"));
                }
              }
            });
    stream.send(SyncMessage.newBuilder().setCollection(collection).setFromLatest(true).build());
    return stream;
  }

  /** The failure an exception of a Sync stream stands for. */
  public OpOutcome classify(Throwable error) {
    return SubscriptionFailures.classify(error);
  }

  /** Socket bytes of every stream's connection. */
  public WireCounter wireCounter() {
    return wireCounter;
  }

  /**
   * Checks that the server is there (one connection made and closed).
   *
   * @throws TargetUnreachableException if not within {@code timeoutMillis}
   */
  public void awaitReady(long timeoutMillis) throws InterruptedException {
    ManagedChannel channel = newChannel();
    try {
      StreamChannels.awaitReady(channel, host, port, timeoutMillis);
    } finally {
      channels.remove(channel);
      channel.shutdownNow();
    }
  }

  private ManagedChannel newChannel() {
    ManagedChannel channel = StreamChannels.newChannel(host, port, eventLoops, wireCounter);
    channels.add(channel);
    return channel;
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
