package dev.blazebench.load.results;

import dev.blazebench.load.record.LatencyUnits;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A histogram as text in {@code results.json}: HdrHistogram's compressed encoding in base64 (the
 * same bytes its interval logs carry), so that reports and {@code merge} rebuild it exactly.
 */
public final class HistogramCodec {

  private HistogramCodec() {}

  /**
   * The canonical encoding of {@code histogram}: equal histograms give equal text, however they
   * grew (an auto-resizing histogram's range, which the encoding carries, depends on its history,
   * so it is first copied into a fresh one sized by its maximum).
   */
  public static String encode(Histogram histogram) {
    Histogram canonical = new Histogram(LatencyUnits.SIGNIFICANT_DIGITS);
    canonical.add(histogram);
    ByteBuffer buffer = ByteBuffer.allocate(canonical.getNeededByteBufferCapacity());
    int length = canonical.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  /**
   * The histogram {@code text} encodes, as an auto-resizing histogram that other histograms can be
   * added to.
   *
   * @throws IllegalArgumentException if the text is not a compressed HdrHistogram
   */
  public static Histogram decode(String text) {
    Histogram decoded;
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not a compressed HdrHistogram: " + e.getMessage(), e);
    }
    Histogram histogram = new Histogram(LatencyUnits.SIGNIFICANT_DIGITS);
    histogram.add(decoded);
    return histogram;
  }
}
