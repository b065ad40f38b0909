package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeOperation;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One committed change as the change log holds it: which collection, its place in that collection's
 * log ({@code sequence}, gap-free from 1), when the server committed it, and the {@link
 * BlazeOperation} itself.
 *
 * <p>The operation is kept as the BlazeBinary bytes the log stored, and decoded only when {@link
 * #operation()} is first called, so an adapter that forwards bytes ({@link
 * #encodeOperations(List)}) never decodes. Immutable and thread-safe.
 */
public final class ChangeEvent {

  private final String collection;
  private final long sequence;
  private final long commitTimeMicros;
  private final byte[] bytes; // holds the operation at [offset, offset + length)
  private final int offset;
  private final int length;
  private volatile BlazeOperation operation; // decoded on first use; racing decodes agree

  ChangeEvent(
      String collection,
      long sequence,
      long commitTimeMicros,
      byte[] bytes,
      int offset,
      int length,
      BlazeOperation operation) {
    this.collection = collection;
    this.sequence = sequence;
    this.commitTimeMicros = commitTimeMicros;
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.operation = operation;
  }

  /** The collection the change belongs to. */
  public String collection() {
    return collection;
  }

  /** Its position in the collection's log: 1 for the first change, then one more per change. */
  public long sequence() {
    return sequence;
  }

  /**
   * The server's clock when the change was committed, in microseconds since 1970-01-01T00:00:00Z;
   * all changes of one commit share it. A client compares it with its own clock to measure delivery
   * latency.
   */
  public long commitTimeMicros() {
    return commitTimeMicros;
  }

  /** {@link #commitTimeMicros()} as an instant. */
  public Instant commitTime() {
    return Instant.ofEpochSecond(
        Math.floorDiv(commitTimeMicros, 1_000_000L),
        Math.floorMod(commitTimeMicros, 1_000_000L) * 1000L);
  }

  /**
   * The operation.
   *
   * @throws StoreCorruptedException when the stored bytes do not decode
   */
  public BlazeOperation operation() {
    BlazeOperation op = operation;
    if (op == null) {
      op = LogEntries.decodeOperation(bytes, offset, length, collection, sequence);
      operation = op;
    }
    return op;
  }

  /** The operation's BlazeBinary bytes ({@code BlazeOperationCodec} layout), read-only. */
  public ByteBuffer operationBytes() {
    return ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer();
  }

  /** Length of {@link #operationBytes()}: what the change costs to hold or send. */
  public int operationSizeBytes() {
    return length;
  }

  /**
   * The events' operations as one BlazeBinary sequence (u32 count, then u32 length and bytes of
   * each; {@code BlazeSequences.decodeOperations} reads it), copied from the stored bytes without
   * re-encoding: the payload of one batched update on the wire.
   */
  public static byte[] encodeOperations(List<ChangeEvent> events) {
    long total = 4;
    for (ChangeEvent event : events) {
      total += 4L + event.length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          events.size() + " operations take " + total + " bytes, more than one array can hold");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total);
    out.putInt(events.size());
    for (ChangeEvent event : events) {
      out.putInt(event.length);
      out.put(event.bytes, event.offset, event.length);
    }
    return out.array();
  }

  /** Equal when collection, sequence, commit time and operation bytes are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ChangeEvent other
        && sequence == other.sequence
        && commitTimeMicros == other.commitTimeMicros
        && collection.equals(other.collection)
        && Arrays.equals(
            bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
  }

  @Override
  public int hashCode() {
    return Objects.hash(collection, sequence, commitTimeMicros);
  }

  @Override
  public String toString() {
    return "ChangeEvent["
        + collection
        + " #"
        + sequence
        + " at "
        + commitTime()
        + ", "
        + length
        + " operation bytes]";
  }
}
