package dev.blazebench.codec;

import dev.blazebench.binary.BlazeBinaryMapper;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.binary.GrowableBuffer;
import java.util.List;

/**
 * BlazeBinary v1 through its typed binding ({@link BlazeBinaryMapper}), as a user holding {@link
 * Bug} POJOs writes it: the same bytes as {@link BlazeBinaryCodecs} (field names in key order,
 * common-field ids, shortest value forms), but encoded from and decoded into {@code Bug}s, the
 * objects Fory, Jackson and CBOR read and write here. So this is the like-for-like comparison with
 * them and with typed Protobuf; {@code BlazeBinaryV1} measures the schemaless {@code BlazeRecord}
 * model.
 *
 * <p>As in {@link BlazeBinaryCodecs}, each codec keeps one output buffer and hands out a copy of
 * the bytes; not thread-safe.
 */
final class BlazeTypedCodecs {

  /** Built once: the mapper is immutable and thread-safe. */
  private static final BlazeBinaryMapper<Bug> BUGS = BlazeBinaryMapper.of(Bug.class);

  private static final int INITIAL_BUFFER_BYTES = 4096;

  private BlazeTypedCodecs() {}

  /** The binding the codecs use, for tests. */
  static BlazeBinaryMapper<Bug> mapper() {
    return BUGS;
  }

  /** One {@code Bug} per message. */
  static MessageCodec<Bug> one() {
    GrowableBuffer out = new GrowableBuffer(INITIAL_BUFFER_BYTES);
    return new MessageCodec<>() {
      @Override
      public Bug messageOf(List<BlazeRecord> records) {
        return BugPojos.of(Messages.single(records));
      }

      @Override
      public byte[] encode(Bug message) {
        out.reset();
        BUGS.encode(message, FormatVersion.V1, out);
        return out.toByteArray();
      }

      @Override
      public Bug decode(byte[] bytes) {
        return BUGS.decode(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, Bug message) {
        BugPojos.addTo(checksum, message);
      }
    };
  }

  /** Many {@code Bug}s per message: a sequence, as {@link BlazeBinaryCodecs#sequence} writes. */
  static MessageCodec<List<Bug>> many() {
    GrowableBuffer out = new GrowableBuffer(INITIAL_BUFFER_BYTES);
    return new MessageCodec<>() {
      @Override
      public List<Bug> messageOf(List<BlazeRecord> records) {
        return BugPojos.of(records);
      }

      @Override
      public byte[] encode(List<Bug> message) {
        out.reset();
        BUGS.encodeSequence(message, FormatVersion.V1, out);
        return out.toByteArray();
      }

      @Override
      public List<Bug> decode(byte[] bytes) {
        return BUGS.decodeSequence(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, List<Bug> message) {
        BugPojos.addTo(checksum, message);
      }
    };
  }
}
