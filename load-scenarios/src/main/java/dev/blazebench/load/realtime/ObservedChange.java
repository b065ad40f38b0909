package dev.blazebench.load.realtime;

import java.util.UUID;

/**
 * One change as a subscriber received it, decoded in full by its API's client and reduced to what
 * identifies it: where it sits in the collection's change log and which write made it.
 *
 * @param sequence the change's sequence number in the collection's change log
 * @param kind insert, update or delete
 * @param id the record changed
 * @param title the {@code title} the change set (the whole record's for an insert, the patch's for
 *     an update); null if it set none. The realtime writer puts its {@link WriteMarker} there.
 */
public record ObservedChange(long sequence, Kind kind, UUID id, String title) {

  /** What a change did. */
  public enum Kind {
    INSERT,
    UPDATE,
    DELETE,
    /** Anything else the log may carry (index changes): never one of the writer's. */
    OTHER
  }
}
