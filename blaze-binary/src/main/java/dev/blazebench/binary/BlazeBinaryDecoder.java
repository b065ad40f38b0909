package dev.blazebench.binary;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads BlazeBinary records, v1 and v2, strictly: anything that is not exactly one well-formed
 * record is a {@link BlazeBinaryException} saying what is wrong and at which byte offset (from the
 * start of the given range). No input makes it throw anything else, allocate beyond a small
 * multiple of the input, or recurse beyond {@link DecodeLimits#maxDepth()}. Immutable and
 * thread-safe; share one instance.
 *
 * <p>Rejected, where BlazeDB's own decoder is lax: trailing bytes, duplicate names or keys
 * (canonically equivalent ones included: they are one key in Swift), unknown tags and common-field
 * ids, ill-formed UTF-8, a v2 field reaching into its checksum, a count that cannot fit in the
 * bytes left, and anything over the {@link DecodeLimits}.
 *
 * <p>Accepted, because BlazeDB's decoder accepts them although its encoder never writes them (their
 * values re-encode in the canonical form, so bytes do not round-trip but values do):
 *
 * <ul>
 *   <li>a short-string tag of length 0 ({@code 0x20}): the empty string;
 *   <li>a long string ({@code 0x01}) of fewer than 16 bytes, the empty string included;
 *   <li>an i64 ({@code 0x02}) holding 0..255;
 *   <li>an array ({@code 0x08}) or dictionary ({@code 0x09}) of count 0;
 *   <li>a bool byte other than 0 or 1: true;
 *   <li>fields or dictionary keys out of key order: they are sorted (but never duplicated).
 * </ul>
 *
 * <p>Vectors are read as float32 big-endian; see {@link BlazeBinaryEncoder} on why they do not
 * interoperate with today's BlazeDB.
 *
 * <pre>{@code
 * BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();
 * BlazeRecord record = decoder.decode(bytes);
 * BlazeRecord fromBuffer = decoder.decode(byteBuffer);   // no copy, position unchanged
 * }</pre>
 */
public final class BlazeBinaryDecoder {

  private static final BlazeBinaryDecoder DEFAULT = new BlazeBinaryDecoder(DecodeLimits.defaults());

  private final DecodeLimits limits;

  private BlazeBinaryDecoder(DecodeLimits limits) {
    this.limits = limits;
  }

  /** A decoder with {@link DecodeLimits#defaults()}. */
  public static BlazeBinaryDecoder withDefaults() {
    return DEFAULT;
  }

  /** A decoder enforcing {@code limits}. */
  public static BlazeBinaryDecoder withLimits(DecodeLimits limits) {
    return new BlazeBinaryDecoder(Objects.requireNonNull(limits, "limits"));
  }

  /** The limits this decoder enforces. */
  public DecodeLimits limits() {
    return limits;
  }

  /** Decodes {@code bytes}, which must hold exactly one record. */
  public BlazeRecord decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes {@code bytes[offset, offset + length)}, which must hold exactly one record; error
   * offsets count from {@code offset}.
   *
   * @throws BlazeBinaryException for malformed input
   * @throws IndexOutOfBoundsException when the range is not inside {@code bytes}
   */
  public BlazeRecord decode(byte[] bytes, int offset, int length) {
    WireReader reader = reader(bytes, offset, length);
    return reader.readRecord(reader.end);
  }

  /**
   * Decodes the bytes from {@code buffer}'s position to its limit, which must hold exactly one
   * record, without copying them. The buffer's position, limit and order are not changed.
   */
  public BlazeRecord decode(ByteBuffer buffer) {
    WireReader reader = reader(buffer);
    return reader.readRecord(reader.end);
  }

  /**
   * The version of the record in {@code bytes[offset, offset + length)}; reads and checks the
   * 8-byte header only (no checksum, no fields).
   *
   * @throws BlazeBinaryException for a short header, bad magic or unknown version
   */
  public FormatVersion versionOf(byte[] bytes, int offset, int length) {
    WireReader reader = reader(bytes, offset, length);
    return reader.readHeader(reader.end);
  }

  /** A reader over an array range; checks the range and {@link DecodeLimits#maxInputBytes()}. */
  WireReader reader(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    checkInputSize(length);
    return new ArrayWireReader(bytes, offset, length, limits);
  }

  /** A reader over a buffer's remaining bytes, using its array when it has one. */
  WireReader reader(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      return reader(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }
    checkInputSize(buffer.remaining());
    return new BufferWireReader(buffer, limits);
  }

  private void checkInputSize(int length) {
    if (length > limits.maxInputBytes()) {
      throw new BlazeBinaryException(
          "input of "
              + length
              + " bytes exceeds the limit of "
              + limits.maxInputBytes()
              + " (maxInputBytes)",
          0);
    }
  }
}
