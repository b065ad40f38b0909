package dev.blazebench.protocol.workload;

/**
 * SplitMix64 (Steele, Lea, Flood 2014), written out here rather than taken from {@link
 * java.util.SplittableRandom} so that the workload stays the same on every JVM and version: the JDK
 * does not promise its generators' sequences.
 */
final class SplitMix64 {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  /** The SplitMix64 output function, also a good 64-bit mixer on its own. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in [0, bound); {@code bound} at most 2^31 - 1. */
  int nextInt(int bound) {
    // Multiply-shift on the top 31 bits: no modulo bias worth measuring, and deterministic.
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** An index into {@code weights}, chosen with probability proportional to its weight. */
  int nextWeighted(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  <T> T pick(T[] items) {
    return items[nextInt(items.length)];
  }
}
