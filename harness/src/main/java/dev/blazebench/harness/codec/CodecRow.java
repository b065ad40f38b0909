package dev.blazebench.harness.codec;

/**
 * One format on one workload, as the codec table shows it: JMH's times and allocation for its
 * {@code encode} and {@code decode} benchmarks and the size report's bytes. A value nobody measured
 * is null.
 *
 * @param workload {@code Fetch1} (one record per message) or {@code Fetch1000}
 * @param format the format's name ({@code BlazeBinaryV1}, {@code Json}, ...)
 * @param encode the encode benchmark, or null
 * @param decode the decode benchmark, or null
 * @param rawBytesPerMessage mean bytes of one message, or null
 * @param gzipBytesPerMessage mean bytes of one message gzipped, or null
 */
record CodecRow(
    String workload,
    String format,
    Timing encode,
    Timing decode,
    Double rawBytesPerMessage,
    Double gzipBytesPerMessage) {

  /**
   * One JMH benchmark's result.
   *
   * @param medianMicros median of the measurement iterations' mean time per op, in microseconds
   * @param scoreMicros JMH's score: the mean over iterations
   * @param errorMicros JMH's 99.9% confidence half-width of the score (NaN with too few iterations)
   * @param allocBytesPerOp bytes allocated per op ({@code gc.alloc.rate.norm}), or null without
   *     {@code -prof gc}
   */
  record Timing(
      double medianMicros, double scoreMicros, double errorMicros, Double allocBytesPerOp) {}

  CodecRow withEncode(Timing timing) {
    return new CodecRow(workload, format, timing, decode, rawBytesPerMessage, gzipBytesPerMessage);
  }

  CodecRow withDecode(Timing timing) {
    return new CodecRow(workload, format, encode, timing, rawBytesPerMessage, gzipBytesPerMessage);
  }

  CodecRow withSizes(Double raw, Double gzip) {
    return new CodecRow(workload, format, encode, decode, raw, gzip);
  }
}
