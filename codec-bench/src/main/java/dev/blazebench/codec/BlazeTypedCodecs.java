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

  /** Built once: the mappers are immutable and thread-safe. Bound at run time by reflection. */
  private static final BlazeBinaryMapper<Bug> BUGS = BlazeBinaryMapper.reflective(Bug.class);

  /** Through {@code Bug_BlazeBinaryCodec}, written at compile time ({@code @GenerateCodec}). */
  private static final BlazeBinaryMapper<Bug> GENERATED = generated();

  private static final int INITIAL_BUFFER_BYTES = 4096;

  private BlazeTypedCodecs() {}

  private static BlazeBinaryMapper<Bug> generated() {
    BlazeBinaryMapper<Bug> mapper = BlazeBinaryMapper.of(Bug.class);
    if (!mapper.usesGeneratedCode()) {
      // The benchmark would measure the run-time binding under the generated code's name.
      throw new IllegalStateException(
          "Bug has no generated codec: build codec-bench with blaze-binary-processor");
    }
    return mapper;
  }

  /** The run-time binding the codecs use, for tests. */
  static BlazeBinaryMapper<Bug> mapper() {
    return BUGS;
  }

  /** The binding through generated code, for tests. */
  static BlazeBinaryMapper<Bug> generatedMapper() {
    return GENERATED;
  }

  /** One {@code Bug} per message, through the run-time binding. */
  static MessageCodec<Bug> one() {
    return one(BUGS);
  }

  /** Many {@code Bug}s per message, through the run-time binding. */
  static MessageCodec<List<Bug>> many() {
    return many(BUGS);
  }

  /** One {@code Bug} per message, through {@code mapper}. */
  static MessageCodec<Bug> one(BlazeBinaryMapper<Bug> mapper) {
    GrowableBuffer out = new GrowableBuffer(INITIAL_BUFFER_BYTES);
    return new MessageCodec<>() {
      @Override
      public Bug messageOf(List<BlazeRecord> records) {
        return BugPojos.of(Messages.single(records));
      }

      @Override
      public byte[] encode(Bug message) {
        out.reset();
        mapper.encode(message, FormatVersion.V1, out);
        return out.toByteArray();
      }

      @Override
      public Bug decode(byte[] bytes) {
        return mapper.decode(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, Bug message) {
        BugPojos.addTo(checksum, message);
      }
    };
  }

  /** Many {@code Bug}s per message: a sequence, as {@link BlazeBinaryCodecs#sequence} writes. */
  static MessageCodec<List<Bug>> many(BlazeBinaryMapper<Bug> mapper) {
    GrowableBuffer out = new GrowableBuffer(INITIAL_BUFFER_BYTES);
    return new MessageCodec<>() {
      @Override
      public List<Bug> messageOf(List<BlazeRecord> records) {
        return BugPojos.of(records);
      }

      @Override
      public byte[] encode(List<Bug> message) {
        out.reset();
        mapper.encodeSequence(message, FormatVersion.V1, out);
        return out.toByteArray();
      }

      @Override
      public List<Bug> decode(byte[] bytes) {
        return mapper.decodeSequence(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, List<Bug> message) {
        BugPojos.addTo(checksum, message);
      }
    };
  }
}
