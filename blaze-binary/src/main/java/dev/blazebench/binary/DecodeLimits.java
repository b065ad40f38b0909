package dev.blazebench.binary;

/**
 * Bounds the decoders enforce on untrusted input, so that no input can make them allocate or
 * recurse without bound. Immutable; resolve once and share.
 *
 * <p>The defaults ({@link #defaults()}) accept everything BlazeDB's own decoder accepts except
 * nesting deeper than 64: strings and data up to BlazeDB's 100,000,000 bytes, vectors (and other
 * counts) under BlazeDB's one million elements.
 *
 * @param maxDepth deepest nesting of arrays and dictionaries (a container in a field is at depth
 *     1); between 1 and {@value #MAX_DEPTH_LIMIT}
 * @param maxStringBytes longest string value, name or key, in UTF-8 bytes
 * @param maxDataBytes longest data value, in bytes
 * @param maxInputBytes largest whole input (record, operation or sequence), in bytes
 * @param maxCount most fields, array items, dictionary entries, vector elements, dependencies or
 *     sequence items in one container
 */
public record DecodeLimits(
    int maxDepth, long maxStringBytes, long maxDataBytes, long maxInputBytes, int maxCount) {

  /** Nesting depth allowed by default, by the decoder and the encoder. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /**
   * The deepest nesting any limit may allow: decoding and encoding recurse once per level, and this
   * keeps the stack they need small whatever the input.
   */
  public static final int MAX_DEPTH_LIMIT = 1024;

  /** BlazeDB's own cap on one string or data value ("max 100MB", checked as 100,000,000). */
  public static final long DEFAULT_MAX_VALUE_BYTES = 100_000_000L;

  /** Default cap on one whole input: 256 MiB. */
  public static final long DEFAULT_MAX_INPUT_BYTES = 256L * 1024 * 1024;

  /** BlazeDB's decoder refuses vectors of a million elements or more. */
  public static final int DEFAULT_MAX_COUNT = 999_999;

  private static final DecodeLimits DEFAULTS =
      new DecodeLimits(
          DEFAULT_MAX_DEPTH,
          DEFAULT_MAX_VALUE_BYTES,
          DEFAULT_MAX_VALUE_BYTES,
          DEFAULT_MAX_INPUT_BYTES,
          DEFAULT_MAX_COUNT);

  public DecodeLimits {
    checkDepthLimit(maxDepth);
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

  /** Depth 64, 100,000,000-byte strings and data, 256 MiB inputs, counts under a million. */
  public static DecodeLimits defaults() {
    return DEFAULTS;
  }

  /** These limits with {@code maxDepth} changed. */
  public DecodeLimits withMaxDepth(int maxDepth) {
    return new DecodeLimits(maxDepth, maxStringBytes, maxDataBytes, maxInputBytes, maxCount);
  }

  /** These limits with {@code maxStringBytes} changed. */
  public DecodeLimits withMaxStringBytes(long maxStringBytes) {
    return new DecodeLimits(maxDepth, maxStringBytes, maxDataBytes, maxInputBytes, maxCount);
  }

  /** These limits with {@code maxDataBytes} changed. */
  public DecodeLimits withMaxDataBytes(long maxDataBytes) {
    return new DecodeLimits(maxDepth, maxStringBytes, maxDataBytes, maxInputBytes, maxCount);
  }

  /** These limits with {@code maxInputBytes} changed. */
  public DecodeLimits withMaxInputBytes(long maxInputBytes) {
    return new DecodeLimits(maxDepth, maxStringBytes, maxDataBytes, maxInputBytes, maxCount);
  }

  /** These limits with {@code maxCount} changed. */
  public DecodeLimits withMaxCount(int maxCount) {
    return new DecodeLimits(maxDepth, maxStringBytes, maxDataBytes, maxInputBytes, maxCount);
  }

  static void checkDepthLimit(int maxDepth) {
    if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
      throw new IllegalArgumentException(
          "maxDepth must be between 1 and " + MAX_DEPTH_LIMIT + ", was " + maxDepth);
    }
  }
}
