package dev.blazebench.protocol.sync;

import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.binary.OperationRole;
import dev.blazebench.binary.OperationType;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes the operations one sync client pushes on {@code BlazeDBService.Sync}: each gets a new id,
 * the next tick of this client's Lamport clock, this client's node id, role CLIENT, a random nonce,
 * no dependencies, no expiry and no signature, as a BlazeDB client's local change would.
 *
 * <p>Not thread-safe: one per client (the Lamport clock is this object's).
 *
 * <pre>{@code
 * ClientOperations ops = new ClientOperations(UUID.randomUUID());
 * byte[] payload = BlazeSequences.encodeOperations(List.of(ops.insert("bugs", id, bug)));
 * }</pre>
 */
public final class ClientOperations {

  private static final SecureRandom NONCES = new SecureRandom();

  private final UUID nodeId;
  private long lamportCounter;

  /** Operations of node {@code nodeId}, its Lamport clock starting at 0. */
  public ClientOperations(UUID nodeId) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
  }

  /** The node id every operation carries. */
  public UUID nodeId() {
    return nodeId;
  }

  /** Inserts {@code record} as record {@code recordId}. */
  public BlazeOperation insert(String collection, UUID recordId, BlazeRecord record) {
    return operation(OperationType.INSERT, collection, recordId, record);
  }

  /** Merges {@code changes} into record {@code recordId} (a null value removes a field). */
  public BlazeOperation update(String collection, UUID recordId, BlazeRecord changes) {
    return operation(OperationType.UPDATE, collection, recordId, changes);
  }

  /** Deletes record {@code recordId}. */
  public BlazeOperation delete(String collection, UUID recordId) {
    return operation(OperationType.DELETE, collection, recordId, BlazeRecord.empty());
  }

  /** An operation of any type, for tests that need one the server refuses. */
  public BlazeOperation operation(
      OperationType type, String collection, UUID recordId, BlazeRecord changes) {
    byte[] nonce = new byte[BlazeOperation.NONCE_BYTES];
    NONCES.nextBytes(nonce);
    lamportCounter++;
    return new BlazeOperation(
        UUID.randomUUID(),
        lamportCounter,
        nodeId,
        nodeId,
        type,
        collection,
        recordId,
        changes,
        FormatVersion.V1,
        List.of(),
        OperationRole.CLIENT,
        nonce,
        Double.doubleToRawLongBits(0.0),
        null);
  }
}
