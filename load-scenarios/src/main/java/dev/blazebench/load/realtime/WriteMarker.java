package dev.blazebench.load.realtime;

import java.util.Locale;

/**
 * How the realtime writer names its writes: the {@code title} it sets is {@code "rt <run> #<n>"},
 * {@code run} a random tag of the run (so that changes of another run on the same collection are
 * told apart) and {@code n} the write's index. Subscribers read it back from every change to know
 * which write they received.
 */
public final class WriteMarker {

  private static final String PREFIX = "rt ";

  private final String run;
  private final String prefix;

  /**
   * @param run the run's tag: letters and digits
   */
  public WriteMarker(String run) {
    if (run.isEmpty() || !run.chars().allMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException("run tag must be letters and digits, was '" + run + "'");
    }
    this.run = run;
    this.prefix = PREFIX + run + " #";
  }

  /** A tag for a new run. */
  public static WriteMarker random() {
    return new WriteMarker(
        Long.toString(
                java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
            .toLowerCase(Locale.ROOT));
  }

  /** The run's tag. */
  public String run() {
    return run;
  }

  /** The title of write {@code index}. */
  public String title(long index) {
    return prefix + index;
  }

  /** The index of the write that set {@code title}, or -1 if another run or writer set it. */
  public long indexOf(String title) {
    if (title == null || !title.startsWith(prefix)) {
      return -1;
    }
    try {
      long index = Long.parseLong(title, prefix.length(), title.length(), 10);
      return index < 0 ? -1 : index;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
