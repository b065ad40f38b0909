package dev.blazebench.server.store;

/**
 * The consecutive sequences one write's changes were given in a collection's change log, {@code
 * first} to {@code last} inclusive: what a sync client is acknowledged with.
 *
 * @param first the sequence of the first change, at least 1
 * @param last the sequence of the last change, at least {@code first}
 */
public record SequenceRange(long first, long last) {

  /** Checks that the range is not empty and starts at 1 or later. */
  public SequenceRange {
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("not a sequence range: " + first + ".." + last);
    }
  }

  /** How many sequences the range holds. */
  public long count() {
    return last - first + 1;
  }

  /** Whether {@code sequence} is in the range. */
  public boolean contains(long sequence) {
    return sequence >= first && sequence <= last;
  }
}
