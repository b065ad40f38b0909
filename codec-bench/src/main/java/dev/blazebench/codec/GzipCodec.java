package dev.blazebench.codec;

import dev.blazebench.binary.BlazeRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Another codec's bytes gzipped (deflate level 6, the JDK's and most HTTP servers' default), as
 * {@code Content-Encoding: gzip} sends them. Encoding compresses the inner codec's output; decoding
 * inflates, then decodes. Decoding produces what the inner codec produces.
 *
 * @param <M> the inner codec's message
 */
final class GzipCodec<M> implements MessageCodec<M> {

  private final MessageCodec<M> inner;

  GzipCodec(MessageCodec<M> inner) {
    this.inner = inner;
  }

  /** {@code bytes} gzipped. */
  static byte[] compress(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  /** {@code gzipped} inflated. */
  static byte[] decompress(byte[] gzipped) throws IOException {
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(gzipped), 8192)) {
      return gzip.readAllBytes();
    }
  }

  @Override
  public M messageOf(List<BlazeRecord> records) {
    return inner.messageOf(records);
  }

  @Override
  public byte[] encode(M message) throws IOException {
    return compress(inner.encode(message));
  }

  @Override
  public M decode(byte[] bytes) throws IOException {
    return inner.decode(decompress(bytes));
  }

  @Override
  public void addTo(Checksum.Builder checksum, M message) {
    inner.addTo(checksum, message);
  }
}
