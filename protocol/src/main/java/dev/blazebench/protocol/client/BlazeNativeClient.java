package dev.blazebench.protocol.client;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.nativegrpc.BlazeNativeMethods;
import dev.blazebench.protocol.nativegrpc.BlazeNativeStub;
import dev.blazebench.protocol.nativegrpc.NativeUpdates;
import dev.blazebench.protocol.query.Query;
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
 * {@link BlazeClient} for {@code blazedb.v1.BlazeDBNative}, whose messages are BlazeBinary with no
 * protobuf around them ({@link dev.blazebench.protocol.nativegrpc.BlazeNativeMethods}). Requests
 * are written in BlazeBinary v1, the version the method descriptors use; {@link
 * ClientSettings#formatVersion()} does not apply here.
 */
public final class BlazeNativeClient implements BlazeClient {

  private static final String ID = "id";

  private final BlazeNativeStub baseStub;
  private final ManagedChannel ownedChannel;
  private final ClientSettings settings;

  private BlazeNativeClient(
      BlazeNativeStub baseStub, ManagedChannel ownedChannel, ClientSettings settings) {
    this.baseStub = baseStub;
    this.ownedChannel = ownedChannel;
    this.settings = settings;
  }

  /** A client with its own plaintext channel to {@code target} ({@code host:port}). */
  public static BlazeNativeClient forTarget(String target) {
    return forTarget(target, ClientSettings.defaults());
  }

  public static BlazeNativeClient forTarget(String target, ClientSettings settings) {
    ManagedChannel channel = settings.plaintextChannel(target);
    return new BlazeNativeClient(BlazeNativeStub.create(channel), channel, settings);
  }

  /** A client on {@code channel}, which the caller keeps owning (and closes). */
  public static BlazeNativeClient create(Channel channel) {
    return create(channel, ClientSettings.defaults());
  }

  public static BlazeNativeClient create(Channel channel, ClientSettings settings) {
    return new BlazeNativeClient(BlazeNativeStub.create(channel), null, settings);
  }

  @Override
  public BlazeNativeClient withDeadline(Duration deadline) {
    return new BlazeNativeClient(baseStub, null, settings.withDeadline(deadline));
  }

  @Override
  public UUID insert(String collection, BlazeRecord record) {
    return idOf("Insert", call("Insert", () -> stub().insert(collection, record, false)));
  }

  @Override
  public BlazeRecord insertReturningRecord(String collection, BlazeRecord record) {
    return call("Insert", () -> stub().insert(collection, record, true));
  }

  @Override
  public List<UUID> insertMany(String collection, List<BlazeRecord> records) {
    List<BlazeRecord> response =
        call("InsertMany", () -> stub().insertMany(collection, records, false));
    if (response.size() != records.size()) {
      throw GrpcFailures.malformed(
          "InsertMany",
          new IllegalStateException(
              "sent " + records.size() + " records, got " + response.size() + " ids"));
    }
    List<UUID> ids = new ArrayList<>(response.size());
    for (BlazeRecord idRecord : response) {
      ids.add(idOf("InsertMany", idRecord));
    }
    return ids;
  }

  @Override
  public List<BlazeRecord> insertManyReturningRecords(
      String collection, List<BlazeRecord> records) {
    return call("InsertMany", () -> stub().insertMany(collection, records, true));
  }

  @Override
  public BlazeRecord fetch(String collection, UUID id) {
    return call("Fetch", () -> stub().fetch(collection, id));
  }

  @Override
  public BlazeRecord update(String collection, UUID id, BlazeRecord changes) {
    BlazeValue given = changes.get(ID);
    if (given != null && !given.equals(BlazeValue.uuid(id))) {
      throw new IllegalArgumentException(
          "changes carry id " + given + " but the update is for " + id + "; an id cannot change");
    }
    BlazeRecord request = changes.toBuilder().put(ID, BlazeValue.uuid(id)).build();
    return call("Update", () -> stub().update(collection, request));
  }

  @Override
  public void delete(String collection, UUID id) {
    call("Delete", () -> stub().delete(collection, id));
  }

  @Override
  public List<BlazeRecord> query(String collection, Query query) {
    return call("Query", () -> stub().query(collection, query));
  }

  @Override
  public List<BlazeRecord> aggregate(String collection, Query query) {
    return call("Aggregate", () -> stub().aggregate(collection, query));
  }

  @Override
  public BatchStream streamQuery(String collection, Query query, int batchSize) {
    if (batchSize < 0) {
      throw new IllegalArgumentException("batchSize must not be negative, was " + batchSize);
    }
    Context.CancellableContext context = Context.current().withCancellation();
    Iterator<List<BlazeRecord>> batches;
    try {
      batches = context.call(() -> stub().streamQuery(collection, query, batchSize));
    } catch (Exception e) {
      context.close();
      throw GrpcFailures.translate(
          "StreamQuery", e instanceof RuntimeException r ? r : new IllegalStateException(e));
    }
    return new BatchStream(context, batches, (List<BlazeRecord> batch) -> batch, "StreamQuery");
  }

  /**
   * Follows {@code collection}'s changes after {@code fromSequence} (0: every change still kept;
   * after a disconnect: the last sequence received), delivering them to {@code listener} until the
   * subscription is cancelled or ends. No deadline applies.
   */
  public ChangeSubscription subscribe(
      String collection, long fromSequence, ChangeListener listener) {
    if (fromSequence < 0) {
      throw new IllegalArgumentException("fromSequence must be at least 0, was " + fromSequence);
    }
    return subscribe(collection, NativeUpdates.request(fromSequence, false), listener);
  }

  /** Follows only the changes of {@code collection} committed from now on. */
  public ChangeSubscription subscribeFromLatest(String collection, ChangeListener listener) {
    return subscribe(collection, NativeUpdates.request(0, true), listener);
  }

  private ChangeSubscription subscribe(
      String collection, BlazeRecord request, ChangeListener listener) {
    return ChangeSubscription.start(
        baseStub.channel(),
        BlazeNativeMethods.SUBSCRIBE,
        baseStub
            .callOptions(collection)
            .withMaxInboundMessageSize(settings.maxInboundMessageBytes()),
        request,
        (BlazeRecord update) ->
            ChangeBatches.decode(
                NativeUpdates.first(update),
                NativeUpdates.commitTimesMicros(update),
                ByteBuffer.wrap(NativeUpdates.operations(update))),
        listener);
  }

  @Override
  public void close() {
    OwnedChannel.close(ownedChannel);
  }

  private BlazeNativeStub stub() {
    BlazeNativeStub stub = baseStub.withMaxInboundMessageSize(settings.maxInboundMessageBytes());
    if (settings.deadline() != null) {
      stub = stub.withDeadlineAfter(settings.deadline().toNanos(), TimeUnit.NANOSECONDS);
    }
    return stub;
  }

  private static UUID idOf(String operation, BlazeRecord response) {
    if (response.get(ID) instanceof BlazeValue.UuidValue id) {
      return id.value();
    }
    throw GrpcFailures.malformed(
        operation, new IllegalStateException("response has no uuid \"id\": " + response));
  }

  private static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw GrpcFailures.translate(operation, e);
    }
  }
}
