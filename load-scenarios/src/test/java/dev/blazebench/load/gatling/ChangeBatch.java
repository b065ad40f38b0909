package dev.blazebench.load.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One batch of changes as the reference server sends it, on the WebSocket ({@code {"changes":
 * [...], "lastSequence": N}}) and in a polling answer (the same, plus {@code hasMore}): the
 * sequence and server commit time of each change, nothing else.
 *
 * @param sequences each change's sequence, in the order received
 * @param commitTimesMicros each change's commit time on the server, µs since the epoch
 * @param lastSequence the batch's {@code lastSequence}
 */
record ChangeBatch(long[] sequences, long[] commitTimesMicros, long lastSequence) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads a batch; a body that is not one names what is wrong. */
  static ChangeBatch parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("change batch: not JSON: " + e.getMessage(), e);
    }
    JsonNode changes = root.path("changes");
    JsonNode last = root.path("lastSequence");
    if (!changes.isArray() || !last.canConvertToLong()) {
      throw new IllegalArgumentException(
          "change batch: expected {\"changes\": [...], \"lastSequence\": N}, was "
              + abbreviate(json));
    }
    long[] sequences = new long[changes.size()];
    long[] commitTimes = new long[changes.size()];
    for (int i = 0; i < changes.size(); i++) {
      JsonNode change = changes.get(i);
      if (!change.path("sequence").canConvertToLong()
          || !change.path("commitTimeMicros").canConvertToLong()) {
        throw new IllegalArgumentException(
            "change batch: changes[" + i + "] lacks sequence or commitTimeMicros: " + change);
      }
      sequences[i] = change.get("sequence").asLong();
      commitTimes[i] = change.get("commitTimeMicros").asLong();
    }
    return new ChangeBatch(sequences, commitTimes, last.asLong());
  }

  int size() {
    return sequences.length;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
