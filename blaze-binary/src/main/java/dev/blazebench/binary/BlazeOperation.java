package dev.blazebench.binary;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One replicated change, as BlazeDB's sync layer sends it ({@code BlazeOperation} in Swift).
 * Immutable: the byte arrays are copied in and out.
 *
 * <p>The natural order ({@link #LAMPORT_ORDER}) is BlazeDB's Lamport order: the counter as an
 * unsigned 64-bit number, then the Lamport node id as Swift compares its {@code uuidString}, which
 * is the unsigned order of the UUID's 16 bytes.
 *
 * @param id the operation's id
 * @param lamportCounter Lamport clock value; an unsigned 64-bit number held in a {@code long}
 * @param lamportNodeId the node whose clock produced {@code lamportCounter}
 * @param nodeId the node that made the change
 * @param type what the change does
 * @param collection the collection name; at most 255 UTF-8 bytes on the wire
 * @param recordId the record the change applies to
 * @param changes the changed fields
 * @param changesVersion the format {@code changes} is written in (BlazeDB writes V1 or V2)
 * @param dependencies operations this one depends on; at most 255 on the wire
 * @param role the side the change came from
 * @param nonce 16 random bytes against replay
 * @param expiresAtBits raw bits of a double count of seconds since 1970-01-01Z (not 2001)
 * @param signature null, or a 32-byte HMAC-SHA256
 */
public record BlazeOperation(
    UUID id,
    long lamportCounter,
    UUID lamportNodeId,
    UUID nodeId,
    OperationType type,
    String collection,
    UUID recordId,
    BlazeRecord changes,
    FormatVersion changesVersion,
    List<UUID> dependencies,
    OperationRole role,
    byte[] nonce,
    long expiresAtBits,
    byte[] signature)
    implements Comparable<BlazeOperation> {

  /** Length of {@link #nonce()} on the wire. */
  public static final int NONCE_BYTES = 16;

  /** Length of a present {@link #signature()} on the wire. */
  public static final int SIGNATURE_BYTES = 32;

  /** BlazeDB's Lamport order: unsigned counter, then node id bytes (unsigned). */
  public static final Comparator<BlazeOperation> LAMPORT_ORDER =
      (a, b) -> {
        int byCounter = Long.compareUnsigned(a.lamportCounter, b.lamportCounter);
        if (byCounter != 0) {
          return byCounter;
        }
        int byHigh =
            Long.compareUnsigned(
                a.lamportNodeId.getMostSignificantBits(), b.lamportNodeId.getMostSignificantBits());
        return byHigh != 0
            ? byHigh
            : Long.compareUnsigned(
                a.lamportNodeId.getLeastSignificantBits(),
                b.lamportNodeId.getLeastSignificantBits());
      };

  /** Checks for nulls and copies the arrays and the list; wire limits are the codec's to check. */
  public BlazeOperation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lamportNodeId, "lamportNodeId");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(changesVersion, "changesVersion");
    dependencies = List.copyOf(Objects.requireNonNull(dependencies, "dependencies"));
    Objects.requireNonNull(role, "role");
    nonce = Objects.requireNonNull(nonce, "nonce").clone();
    signature = signature == null ? null : signature.clone();
  }

  /** A copy of the nonce. */
  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  /** A copy of the signature, or null when the operation is unsigned. */
  @Override
  public byte[] signature() {
    return signature == null ? null : signature.clone();
  }

  /** Expiry as seconds since 1970-01-01T00:00:00Z. */
  public double expiresAtUnixSeconds() {
    return Double.longBitsToDouble(expiresAtBits);
  }

  /** The nonce without copying; for codecs in this package. */
  byte[] unsafeNonce() {
    return nonce;
  }

  /** The signature without copying; for codecs in this package. */
  byte[] unsafeSignature() {
    return signature;
  }

  @Override
  public int compareTo(BlazeOperation other) {
    return LAMPORT_ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlazeOperation other
        && id.equals(other.id)
        && lamportCounter == other.lamportCounter
        && lamportNodeId.equals(other.lamportNodeId)
        && nodeId.equals(other.nodeId)
        && type == other.type
        && collection.equals(other.collection)
        && recordId.equals(other.recordId)
        && changes.equals(other.changes)
        && changesVersion == other.changesVersion
        && dependencies.equals(other.dependencies)
        && role == other.role
        && Arrays.equals(nonce, other.nonce)
        && expiresAtBits == other.expiresAtBits
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    int h = id.hashCode();
    h = 31 * h + Long.hashCode(lamportCounter);
    h = 31 * h + lamportNodeId.hashCode();
    h = 31 * h + nodeId.hashCode();
    h = 31 * h + type.hashCode();
    h = 31 * h + collection.hashCode();
    h = 31 * h + recordId.hashCode();
    h = 31 * h + changes.hashCode();
    h = 31 * h + changesVersion.hashCode();
    h = 31 * h + dependencies.hashCode();
    h = 31 * h + role.hashCode();
    h = 31 * h + Arrays.hashCode(nonce);
    h = 31 * h + Long.hashCode(expiresAtBits);
    return 31 * h + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "BlazeOperation[id="
        + id
        + ", lamport="
        + Long.toUnsignedString(lamportCounter)
        + "@"
        + lamportNodeId
        + ", nodeId="
        + nodeId
        + ", type="
        + type
        + ", collection="
        + collection
        + ", recordId="
        + recordId
        + ", changes="
        + changes
        + " ("
        + changesVersion
        + "), dependencies="
        + dependencies
        + ", role="
        + role
        + ", nonce="
        + hex.formatHex(nonce)
        + ", expiresAt="
        + expiresAtUnixSeconds()
        + ", signature="
        + (signature == null ? "none" : hex.formatHex(signature))
        + "]";
  }
}
