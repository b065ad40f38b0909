package dev.blazebench.server.grpc;

import com.google.protobuf.UnsafeByteOperations;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.bugs.BugChange;
import dev.blazebench.protocol.bugs.BugChanges;
import dev.blazebench.protocol.bugs.BugMapping;
import dev.blazebench.protocol.grpc.SyncMessage;
import dev.blazebench.protocol.grpc.SyncUpdate;
import dev.blazebench.protocol.nativegrpc.NativeUpdates;
import dev.blazebench.server.store.ChangeEvent;
import java.util.List;

/**
 * A batch of committed changes as each gRPC API sends it: the two BlazeBinary APIs forward the
 * stored operation bytes untouched (no decode), the Protobuf API maps each operation to a typed
 * {@link BugChange}.
 */
final class ChangeMessages {

  private ChangeMessages() {}

  /** {@code blazedb.v1.SyncUpdate}: the operation sequence, sequences and commit times. */
  static SyncUpdate syncUpdate(List<ChangeEvent> events) {
    SyncUpdate.Builder update =
        SyncUpdate.newBuilder()
            .setOperations(UnsafeByteOperations.unsafeWrap(ChangeEvent.encodeOperations(events)))
            .setFirstSequence(events.get(0).sequence())
            .setLastSequence(events.get(events.size() - 1).sequence());
    for (ChangeEvent event : events) {
      update.addCommitTimeMicros(event.commitTimeMicros());
    }
    return update.build();
  }

  /** {@code blazedb.v1.SyncMessage} carrying consecutive changes, as {@link #syncUpdate}. */
  static SyncMessage syncMessage(List<ChangeEvent> events) {
    SyncMessage.Builder message =
        SyncMessage.newBuilder()
            .setOperations(UnsafeByteOperations.unsafeWrap(ChangeEvent.encodeOperations(events)))
            .setFirstSequence(events.get(0).sequence())
            .setLastSequence(events.get(events.size() - 1).sequence());
    for (ChangeEvent event : events) {
      message.addCommitTimeMicros(event.commitTimeMicros());
    }
    return message.build();
  }

  /** The native update record ({@link NativeUpdates}). */
  static BlazeRecord nativeUpdate(List<ChangeEvent> events) {
    long[] commitTimes = new long[events.size()];
    for (int i = 0; i < commitTimes.length; i++) {
      commitTimes[i] = events.get(i).commitTimeMicros();
    }
    return NativeUpdates.update(
        events.get(0).sequence(), commitTimes, ChangeEvent.encodeOperations(events));
  }

  /** {@code bugs.v1.BugChanges}: one typed change per operation. */
  static BugChanges bugChanges(List<ChangeEvent> events) {
    BugChanges.Builder changes = BugChanges.newBuilder();
    for (ChangeEvent event : events) {
      changes.addChanges(bugChange(event));
    }
    return changes.build();
  }

  private static BugChange bugChange(ChangeEvent event) {
    BlazeOperation operation = event.operation();
    BugChange.Builder change =
        BugChange.newBuilder()
            .setSequence(event.sequence())
            .setCommitTimeMicros(event.commitTimeMicros())
            .setId(UuidBytes.toByteString(operation.recordId()));
    switch (operation.type()) {
      case INSERT ->
          change
              .setType(BugChange.Type.TYPE_INSERT)
              .setBug(BugMapping.fromRecord(operation.changes()));
      case UPDATE ->
          change
              .setType(BugChange.Type.TYPE_UPDATE)
              .setPatch(BugMapping.patchFromChanges(operation.changes()));
      case DELETE -> change.setType(BugChange.Type.TYPE_DELETE);
      default -> change.setType(BugChange.Type.TYPE_UNSPECIFIED);
    }
    return change.build();
  }
}
