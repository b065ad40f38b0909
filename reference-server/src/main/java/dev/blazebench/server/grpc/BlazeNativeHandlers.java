package dev.blazebench.server.grpc;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.ParseFailures;
import dev.blazebench.protocol.nativegrpc.BlazeNativeService;
import dev.blazebench.protocol.nativegrpc.BlazeNativeService.UnaryHandler;
import dev.blazebench.protocol.nativegrpc.NativeUpdates;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.core.InvalidRequestException;
import dev.blazebench.server.core.RecordBatches;
import io.grpc.ServerServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code blazedb.v1.BlazeDBNative}: the same operations as {@link BlazeDbGrpcService} with messages
 * that are BlazeBinary, bound through protocol's {@link BlazeNativeService} (which reads the
 * headers and reports unparseable messages as INVALID_ARGUMENT).
 *
 * <p>Per call the request marshaller decodes the BlazeBinary message fully into records, the
 * handler calls {@link BlazeDatabase}, and the response marshaller encodes the returned records in
 * v1: the wrapped service's work without the protobuf wrapper.
 */
final class BlazeNativeHandlers {

  private static final String ID = "id";

  private BlazeNativeHandlers() {}

  /** The native service over {@code database}, each request parsed once {@code gate} has room. */
  static ServerServiceDefinition service(BlazeDatabase database, ParseFailures.MessageGate gate) {
    return BlazeNativeService.builder()
        .messageGate(gate)
        .insert(
            mapped(
                (call, record) -> {
                  BlazeRecord stored = database.insert(call.collection(), record);
                  return call.returnRecord() ? stored : idRecord(stored);
                }))
        .insertMany(
            mapped(
                (call, records) -> {
                  List<BlazeRecord> stored = database.insertMany(call.collection(), records);
                  if (call.returnRecord()) {
                    return stored;
                  }
                  List<BlazeRecord> ids = new ArrayList<>(stored.size());
                  for (BlazeRecord record : stored) {
                    ids.add(idRecord(record));
                  }
                  return ids;
                }))
        .fetch(mapped((call, id) -> database.fetch(call.collection(), id)))
        .update(
            mapped(
                (call, changes) -> {
                  UUID id = targetId(changes);
                  return database.update(
                      call.collection(), id, changes.toBuilder().remove(ID).build());
                }))
        .delete(
            mapped(
                (call, id) -> {
                  database.delete(call.collection(), id);
                  return BlazeRecord.builder().build();
                }))
        .query(mapped((call, query) -> database.query(call.collection(), query)))
        .aggregate(mapped((call, query) -> database.aggregate(call.collection(), query)))
        .streamQuery(
            (call, query, responses) -> {
              RecordBatches batches;
              try {
                batches = database.stream(call.collection(), query, call.batchSize());
              } catch (RuntimeException e) {
                throw GrpcStatuses.toException(e);
              }
              FlowControlledStream.start(batches, batch -> batch, responses);
            })
        .subscribe(
            (call, request, updates) ->
                SubscribeStream.start(
                    database.changeFeed(),
                    call.collection(),
                    NativeUpdates.fromSequence(request),
                    NativeUpdates.fromLatest(request),
                    ChangeMessages::nativeUpdate,
                    updates))
        .build();
  }

  /** The uuid in the changes' {@code id}, which names the record an Update changes. */
  private static UUID targetId(BlazeRecord changes) {
    BlazeValue id = changes.get(ID);
    if (id instanceof BlazeValue.UuidValue uuid) {
      return uuid.value();
    }
    throw new InvalidRequestException(
        id == null
            ? "changes: missing \"id\" (a uuid naming the record to update)"
            : "changes: \"id\" must be a uuid, was " + id.typeName());
  }

  private static BlazeRecord idRecord(BlazeRecord stored) {
    return BlazeRecord.builder().put(ID, stored.get(ID)).build();
  }

  /**
   * {@code handler} with its failures turned into statuses by {@link GrpcStatuses}, as the other
   * adapters do (BlazeNativeService's own fallback would call a missing record INTERNAL).
   */
  private static <Q, R> UnaryHandler<Q, R> mapped(UnaryHandler<Q, R> handler) {
    return (call, request) -> {
      try {
        return handler.handle(call, request);
      } catch (RuntimeException e) {
        throw GrpcStatuses.toException(e);
      }
    };
  }
}
