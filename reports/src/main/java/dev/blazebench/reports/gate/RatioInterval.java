package dev.blazebench.reports.gate;

/**
 * A confidence interval of a ratio (current / baseline).
 *
 * @param lower the lower bound
 * @param upper the upper bound
 * @param level the confidence level, e.g. 0.99
 */
public record RatioInterval(double lower, double upper, double level) {

  public RatioInterval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("lower " + lower + " must be <= upper " + upper);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level " + level + " must be between 0 and 1");
    }
  }

  /** True when the whole interval lies above {@code bound}. */
  public boolean isAbove(double bound) {
    return lower > bound;
  }

  /** True when the whole interval lies below {@code bound}. */
  public boolean isBelow(double bound) {
    return upper < bound;
  }
}
