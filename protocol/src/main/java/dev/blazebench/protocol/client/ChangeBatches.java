package dev.blazebench.protocol.client;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeSequences;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Turns one Subscribe update (either BlazeBinary API) into {@link Change}s. */
final class ChangeBatches {

  private ChangeBatches() {}

  /**
   * The changes of an update whose operations are {@code operations} (a BlazeBinary operation
   * sequence), numbered from {@code firstSequence}, with one commit time each.
   *
   * @throws IllegalArgumentException when the counts disagree
   */
  static List<Change> decode(long firstSequence, long[] commitTimesMicros, ByteBuffer operations) {
    List<BlazeOperation> ops =
        BlazeSequences.decodeOperations(operations, BlazeBinaryDecoder.withDefaults());
    if (ops.size() != commitTimesMicros.length) {
      throw new IllegalArgumentException(
          "the update has "
              + ops.size()
              + " operations but "
              + commitTimesMicros.length
              + " commit times");
    }
    List<Change> changes = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      changes.add(new Change(firstSequence + i, commitTimesMicros[i], ops.get(i)));
    }
    return changes;
  }
}
