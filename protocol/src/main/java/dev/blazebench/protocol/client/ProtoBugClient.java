package dev.blazebench.protocol.client;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.bugs.AggregateBugsRequest;
import dev.blazebench.protocol.bugs.AggregateBugsResponse;
import dev.blazebench.protocol.bugs.AggregateRow;
import dev.blazebench.protocol.bugs.Bug;
import dev.blazebench.protocol.bugs.BugBatch;
import dev.blazebench.protocol.bugs.BugMapping;
import dev.blazebench.protocol.bugs.BugMappingException;
import dev.blazebench.protocol.bugs.BugPatch;
import dev.blazebench.protocol.bugs.BugQuery;
import dev.blazebench.protocol.bugs.BugQueryMapping;
import dev.blazebench.protocol.bugs.BugServiceGrpc;
import dev.blazebench.protocol.bugs.DeleteBugRequest;
import dev.blazebench.protocol.bugs.FetchBugRequest;
import dev.blazebench.protocol.bugs.InsertBugRequest;
import dev.blazebench.protocol.bugs.InsertBugResponse;
import dev.blazebench.protocol.bugs.InsertBugsRequest;
import dev.blazebench.protocol.bugs.InsertBugsResponse;
import dev.blazebench.protocol.bugs.QueryBugsRequest;
import dev.blazebench.protocol.bugs.StreamBugsRequest;
import dev.blazebench.protocol.bugs.UpdateBugRequest;
import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link BlazeClient} for {@code bugs.v1.BugService}, the typed Protobuf baseline: records go out
 * as {@code Bug} messages and come back from them through {@link BugMapping}, queries through
 * {@link BugQueryMapping}, so the same code (the API contract suite, a load scenario) can run on
 * every API.
 *
 * <p>The typed API holds only what a {@code Bug} holds. A record or query it cannot express (a
 * field a Bug has no place for, a value of the wrong type) fails before anything is sent, with
 * {@link BlazeClientException.Kind#INVALID_ARGUMENT} and no status. Records read back follow
 * BugMapping's rules: an empty string is absent, {@code tags} is always present.
 *
 * <p>The service serves collection {@value #DEFAULT_COLLECTION}. For any other collection the
 * client sends the optional {@value NativeHeaders#COLLECTION_HEADER} header, which the reference
 * server honours (so tests can use a fresh collection each); calls on {@value #DEFAULT_COLLECTION}
 * send no header, as a plain Protobuf client would.
 *
 * <pre>{@code
 * try (ProtoBugClient client = ProtoBugClient.forTarget("127.0.0.1:50051")) {
 *   UUID id = client.insert("bugs", BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0));
 * }
 * }</pre>
 */
public final class ProtoBugClient implements BlazeClient {

  /** The collection {@code bugs.v1.BugService} serves when no header names another. */
  public static final String DEFAULT_COLLECTION = "bugs";

  private final Channel channel;
  private final ManagedChannel ownedChannel; // null when the caller owns the channel
  private final ClientSettings settings;

  private ProtoBugClient(Channel channel, ManagedChannel ownedChannel, ClientSettings settings) {
    this.channel = ClientInterceptors.intercept(channel, NativeHeaders.clientInterceptor());
    this.ownedChannel = ownedChannel;
    this.settings = settings;
  }

  /** A client with its own plaintext channel to {@code target} ({@code host:port}). */
  public static ProtoBugClient forTarget(String target) {
    return forTarget(target, ClientSettings.defaults());
  }

  public static ProtoBugClient forTarget(String target, ClientSettings settings) {
    ManagedChannel channel = settings.plaintextChannel(target);
    return new ProtoBugClient(channel, channel, settings);
  }

  /** A client on {@code channel}, which the caller keeps owning (and closes). */
  public static ProtoBugClient create(Channel channel) {
    return create(channel, ClientSettings.defaults());
  }

  public static ProtoBugClient create(Channel channel, ClientSettings settings) {
    return new ProtoBugClient(channel, null, settings);
  }

  private ProtoBugClient(ProtoBugClient base, ClientSettings settings) {
    this.channel = base.channel;
    this.ownedChannel = null;
    this.settings = settings;
  }

  @Override
  public ProtoBugClient withDeadline(Duration deadline) {
    return new ProtoBugClient(this, settings.withDeadline(deadline));
  }

  @Override
  public UUID insert(String collection, BlazeRecord record) {
    InsertBugRequest request =
        InsertBugRequest.newBuilder().setBug(toBug("Insert", record)).build();
    InsertBugResponse response = call("Insert", () -> stub(collection).insert(request));
    return id("Insert", response.getId());
  }

  @Override
  public BlazeRecord insertReturningRecord(String collection, BlazeRecord record) {
    InsertBugRequest request =
        InsertBugRequest.newBuilder().setBug(toBug("Insert", record)).setReturnBug(true).build();
    InsertBugResponse response = call("Insert", () -> stub(collection).insert(request));
    return fromBug("Insert", response.getBug());
  }

  @Override
  public List<UUID> insertMany(String collection, List<BlazeRecord> records) {
    InsertBugsResponse response =
        call("InsertMany", () -> stub(collection).insertMany(insertMany(records, false)));
    if (response.getIdsCount() != records.size()) {
      throw GrpcFailures.malformed(
          "InsertMany",
          new IllegalStateException(
              "sent " + records.size() + " bugs, got " + response.getIdsCount() + " ids"));
    }
    List<UUID> ids = new ArrayList<>(records.size());
    for (ByteString id : response.getIdsList()) {
      ids.add(id("InsertMany", id));
    }
    return ids;
  }

  @Override
  public List<BlazeRecord> insertManyReturningRecords(
      String collection, List<BlazeRecord> records) {
    InsertBugsResponse response =
        call("InsertMany", () -> stub(collection).insertMany(insertMany(records, true)));
    return fromBugs("InsertMany", response.getBugsList());
  }

  @Override
  public BlazeRecord fetch(String collection, UUID id) {
    FetchBugRequest request =
        FetchBugRequest.newBuilder().setId(UuidBytes.toByteString(id)).build();
    return fromBug("Fetch", call("Fetch", () -> stub(collection).fetch(request)).getBug());
  }

  @Override
  public BlazeRecord update(String collection, UUID id, BlazeRecord changes) {
    BugPatch patch = mapRequest("Update", () -> BugMapping.patchFromChanges(changes));
    UpdateBugRequest request =
        UpdateBugRequest.newBuilder().setId(UuidBytes.toByteString(id)).setPatch(patch).build();
    return fromBug("Update", call("Update", () -> stub(collection).update(request)).getBug());
  }

  @Override
  public void delete(String collection, UUID id) {
    DeleteBugRequest request =
        DeleteBugRequest.newBuilder().setId(UuidBytes.toByteString(id)).build();
    call("Delete", () -> stub(collection).delete(request));
  }

  @Override
  public List<BlazeRecord> query(String collection, Query query) {
    QueryBugsRequest request =
        QueryBugsRequest.newBuilder().setQuery(bugQuery("Query", query)).build();
    return fromBugs("Query", call("Query", () -> stub(collection).query(request)).getBugsList());
  }

  @Override
  public List<BlazeRecord> aggregate(String collection, Query query) {
    AggregateBugsRequest request =
        AggregateBugsRequest.newBuilder().setQuery(bugQuery("Aggregate", query)).build();
    AggregateBugsResponse response = call("Aggregate", () -> stub(collection).aggregate(request));
    List<BlazeRecord> rows = new ArrayList<>(response.getRowsCount());
    for (AggregateRow row : response.getRowsList()) {
      rows.add(mapResponse("Aggregate", () -> BugQueryMapping.rowToRecord(row, query)));
    }
    return rows;
  }

  @Override
  public BatchStream streamQuery(String collection, Query query, int batchSize) {
    if (batchSize < 0) {
      throw new IllegalArgumentException("batchSize must not be negative, was " + batchSize);
    }
    StreamBugsRequest request =
        StreamBugsRequest.newBuilder()
            .setQuery(bugQuery("StreamQuery", query))
            .setBatchSize(batchSize)
            .build();
    Context.CancellableContext context = Context.current().withCancellation();
    Iterator<BugBatch> batches;
    try {
      batches = context.call(() -> stub(collection).streamQuery(request));
    } catch (Exception e) {
      context.close();
      throw GrpcFailures.translate(
          "StreamQuery", e instanceof RuntimeException r ? r : new IllegalStateException(e));
    }
    Function<BugBatch, List<BlazeRecord>> decode =
        batch -> fromBugs("StreamQuery", batch.getBugsList());
    return new BatchStream(context, batches, decode, "StreamQuery");
  }

  @Override
  public void close() {
    OwnedChannel.close(ownedChannel);
  }

  private BugServiceGrpc.BugServiceBlockingStub stub(String collection) {
    BugServiceGrpc.BugServiceBlockingStub stub =
        BugServiceGrpc.newBlockingStub(channel)
            .withMaxInboundMessageSize(settings.maxInboundMessageBytes());
    if (!DEFAULT_COLLECTION.equals(collection)) {
      stub = stub.withOption(NativeHeaders.COLLECTION_OPTION, collection);
    }
    if (settings.deadline() != null) {
      stub = stub.withDeadlineAfter(settings.deadline().toNanos(), TimeUnit.NANOSECONDS);
    }
    return stub;
  }

  private static InsertBugsRequest insertMany(List<BlazeRecord> records, boolean returnBugs) {
    InsertBugsRequest.Builder request = InsertBugsRequest.newBuilder().setReturnBugs(returnBugs);
    for (BlazeRecord record : records) {
      request.addBugs(toBug("InsertMany", record));
    }
    return request.build();
  }

  private static Bug toBug(String operation, BlazeRecord record) {
    return mapRequest(operation, () -> BugMapping.fromRecord(record));
  }

  private static BugQuery bugQuery(String operation, Query query) {
    return mapRequest(operation, () -> BugQueryMapping.fromQuery(query));
  }

  private static BlazeRecord fromBug(String operation, Bug bug) {
    return mapResponse(operation, () -> BugMapping.toRecord(bug));
  }

  private static List<BlazeRecord> fromBugs(String operation, List<Bug> bugs) {
    List<BlazeRecord> records = new ArrayList<>(bugs.size());
    for (Bug bug : bugs) {
      records.add(fromBug(operation, bug));
    }
    return records;
  }

  /** A request the typed API cannot express: the caller's mistake, reported before sending. */
  private static <T> T mapRequest(String operation, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (BugMappingException | InvalidQueryException e) {
      throw new BlazeClientException(
          BlazeClientException.Kind.INVALID_ARGUMENT,
          null,
          operation + ": not expressible in bugs.v1.BugService: " + e.getMessage(),
          e);
    }
  }

  private static <T> T mapResponse(String operation, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (BugMappingException | InvalidQueryException e) {
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
}
