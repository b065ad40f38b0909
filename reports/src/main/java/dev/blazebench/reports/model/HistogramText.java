package dev.blazebench.reports.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A histogram as text in {@code results.json}: base64 of HdrHistogram's compressed encoding, the
 * same bytes its interval logs carry and load results schema 2 uses, so histograms move between the
 * load driver, compare and reports without loss.
 */
public final class HistogramText {

  /** Three significant digits: 1 µs resolution up to 1 ms, as the load driver records. */
  static final int SIGNIFICANT_DIGITS = 3;

  private HistogramText() {}

  /** The canonical encoding: equal histograms give equal text, however they grew. */
  public static String encode(Histogram histogram) {
    Histogram canonical = new Histogram(SIGNIFICANT_DIGITS);
    canonical.add(histogram);
    ByteBuffer buffer = ByteBuffer.allocate(canonical.getNeededByteBufferCapacity());
    int length = canonical.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }

  /**
   * The histogram {@code text} encodes, auto-resizing so others can be added to it.
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
    Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    histogram.add(decoded);
    return histogram;
  }
}
