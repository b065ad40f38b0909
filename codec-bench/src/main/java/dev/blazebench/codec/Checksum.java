package dev.blazebench.codec;

import java.util.List;
import java.util.UUID;

/**
 * What a decoded workload must add up to: the number of bug records, the sum of their priorities,
 * and an order-sensitive 64-bit hash of every field's value. Each format computes it from the
 * objects its decoder produced, so a path that drops, truncates, reorders or mangles a field gets a
 * different checksum and its benchmark fails instead of posting a number.
 *
 * @param records bug records seen
 * @param prioritySum sum of their priorities
 * @param contentHash hash of every field of every record, in order
 */
public record Checksum(int records, long prioritySum, long contentHash) {

  /** Accumulates records in order; not thread-safe. */
  public static final class Builder {
    private int records;
    private long prioritySum;
    private long hash = 0x243F6A8885A308D3L;

    /** Adds one bug's fields; the date as whole milliseconds since 1970. */
    public Builder add(
        UUID id,
        String title,
        String description,
        long priority,
        String status,
        long createdAtMillis,
        String assignee,
        List<String> tags) {
      records++;
      prioritySum += priority;
      mix(id.getMostSignificantBits());
      mix(id.getLeastSignificantBits());
      mix(title);
      mix(description);
      mix(priority);
      mix(status);
      mix(createdAtMillis);
      mix(assignee);
      mix(tags.size());
      for (String tag : tags) {
        mix(tag);
      }
      return this;
    }

    public Checksum build() {
      return new Checksum(records, prioritySum, hash);
    }

    private void mix(String s) {
      // Length too, so that "ab" + "c" and "a" + "bc" differ.
      mix(((long) s.length() << 32) | (s.hashCode() & 0xFFFF_FFFFL));
    }

    private void mix(long value) {
      long h = (hash ^ value) * 0x9E3779B97F4A7C15L;
      hash = h ^ (h >>> 31);
    }
  }

  public static Builder builder() {
    return new Builder();
  }
}
