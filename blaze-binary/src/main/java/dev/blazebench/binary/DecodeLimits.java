package dev.blazebench.binary;

/**
 * Bounds the decoder enforces on untrusted input, so that no input can make it allocate or recurse
 * without bound. Resolved once and shared; immutable.
 *
 * @param maxDepth deepest nesting of arrays and dictionaries (a top-level field value is depth 1)
 * @param maxStringBytes longest string, in UTF-8 bytes
 * @param maxDataBytes longest data value, in bytes
 * @param maxInputBytes largest whole input (record, operation or sequence), in bytes
 * @param maxCount most fields, array items, dictionary entries, vector elements or sequence items
 */
public record DecodeLimits(
    int maxDepth, long maxStringBytes, long maxDataBytes, long maxInputBytes, int maxCount) {

  /** Nesting depth BlazeBench allows by default; the encoder refuses deeper values too. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** BlazeDB's own cap on one string or data value: 100 MB. */
  public static final long DEFAULT_MAX_VALUE_BYTES = 100L * 1024 * 1024;

  /** Default cap on one input: 256 MB. */
  public static final long DEFAULT_MAX_INPUT_BYTES = 256L * 1024 * 1024;

  private static final DecodeLimits DEFAULTS =
      new DecodeLimits(
          DEFAULT_MAX_DEPTH,
          DEFAULT_MAX_VALUE_BYTES,
          DEFAULT_MAX_VALUE_BYTES,
          DEFAULT_MAX_INPUT_BYTES,
          Integer.MAX_VALUE);

  public DecodeLimits {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
    }
    if (maxStringBytes < 0 || maxDataBytes < 0 || maxInputBytes < 0 || maxCount < 0) {
      throw new IllegalArgumentException(
          "limits must not be negative: maxStringBytes="
              + maxStringBytes
              + ", maxDataBytes="
              + maxDataBytes
              + ", maxInputBytes="
              + maxInputBytes
              + ", maxCount="
              + maxCount);
    }
  }

  /** Depth 64, 100 MB strings and data (BlazeDB's cap), 256 MB inputs, counts unbounded. */
  public static DecodeLimits defaults() {
    return DEFAULTS;
  }
}
