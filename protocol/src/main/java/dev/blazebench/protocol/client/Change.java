package dev.blazebench.protocol.client;

import dev.blazebench.binary.BlazeOperation;
import java.util.Objects;

/**
 * One change a subscription delivered: its place in the collection's change log, when the server
 * committed it, and the operation.
 *
 * @param sequence the change's sequence number (1 for a collection's first change); resume a
 *     subscription after the last one received
 * @param commitTimeMicros the server's commit time, microseconds since 1970-01-01T00:00:00Z
 * @param operation the change itself
 */
public record Change(long sequence, long commitTimeMicros, BlazeOperation operation) {

  public Change {
    Objects.requireNonNull(operation, "operation");
  }
}
