package dev.blazebench.codec;

import java.io.IOException;

/**
 * The size of one format's messages for one workload, summed over the workload's messages: raw, and
 * each message gzipped on its own (as {@code Content-Encoding: gzip} would send it).
 *
 * @param workload the workload's shape ({@code Fetch1}, {@code Fetch1000})
 * @param format the format's mechanism name ({@code BlazeBinaryV1}, ...)
 * @param messages messages in the workload
 * @param recordsPerMessage records in each message
 * @param rawBytes bytes of all messages as the format writes them
 * @param gzipBytes bytes of all messages each gzipped, or null for a format that is gzip already
 */
public record MessageSize(
    String workload,
    String format,
    int messages,
    int recordsPerMessage,
    long rawBytes,
    Long gzipBytes) {

  /** Encodes {@code workload} in {@code format} (after checking it decodes back) and measures. */
  public static MessageSize measure(Format format, Workload workload) throws IOException {
    PreparedMessages<?> prepared = PreparedMessages.of(format, workload);
    prepared.verify();
    long raw = 0;
    long gzip = 0;
    for (int i = 0; i < prepared.size(); i++) {
      byte[] bytes = prepared.encodedBytes(i);
      raw += bytes.length;
      gzip += GzipCodec.compress(bytes).length;
    }
    return new MessageSize(
        workload.shape(),
        format.mechanism(),
        prepared.size(),
        workload.recordsPerMessage(),
        raw,
        format.compressed() ? null : gzip);
  }

  /** Mean raw bytes per message. */
  public double rawBytesPerMessage() {
    return (double) rawBytes / messages;
  }

  /** Mean gzipped bytes per message, or null. */
  public Double gzipBytesPerMessage() {
    return gzipBytes == null ? null : (double) gzipBytes / messages;
  }
}
