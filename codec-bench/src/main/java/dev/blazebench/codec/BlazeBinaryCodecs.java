package dev.blazebench.codec;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.binary.GrowableBuffer;
import java.util.List;

/**
 * BlazeBinary as a BlazeDB user calls it: a {@link BlazeRecord} per message through {@link
 * BlazeBinaryEncoder} and {@link BlazeBinaryDecoder}, and a list of records as one sequence ({@link
 * BlazeSequences}). Decoding produces {@code BlazeRecord}s, what a BlazeDB user holds.
 *
 * <p>Each codec keeps one {@link GrowableBuffer} for its output and hands out a copy of the bytes,
 * as a user encoding many messages on one thread would, and as {@link ForyCodecs} lets Fory do with
 * its own kept buffer: so neither format pays for a fresh zeroed output array per message. Like a
 * {@code Fory}, a codec is therefore not thread-safe.
 */
final class BlazeBinaryCodecs {

  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  /** The kept output buffer's first size; it grows to the largest message and stays there. */
  private static final int INITIAL_BUFFER_BYTES = 4096;

  private BlazeBinaryCodecs() {}

  /** One record per message, written in {@code version}. */
  static MessageCodec<BlazeRecord> record(FormatVersion version) {
    GrowableBuffer out = new GrowableBuffer(INITIAL_BUFFER_BYTES);
    return new MessageCodec<>() {
      @Override
      public BlazeRecord messageOf(List<BlazeRecord> records) {
        return Messages.single(records);
      }

      @Override
      public byte[] encode(BlazeRecord message) {
        out.reset();
        BlazeBinaryEncoder.encode(message, version, out);
        return out.toByteArray();
      }

      @Override
      public BlazeRecord decode(byte[] bytes) {
        return DECODER.decode(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, BlazeRecord message) {
        BugRecords.addTo(checksum, message);
      }
    };
  }

  /** Many records per message: a sequence (u32 count, then u32 length + record each). */
  static MessageCodec<List<BlazeRecord>> sequence(FormatVersion version) {
    GrowableBuffer out = new GrowableBuffer(INITIAL_BUFFER_BYTES);
    return new MessageCodec<>() {
      @Override
      public List<BlazeRecord> messageOf(List<BlazeRecord> records) {
        return List.copyOf(records);
      }

      @Override
      public byte[] encode(List<BlazeRecord> message) {
        out.reset();
        BlazeSequences.encodeRecords(message, version, out);
        return out.toByteArray();
      }

      @Override
      public List<BlazeRecord> decode(byte[] bytes) {
        return BlazeSequences.decodeRecords(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, List<BlazeRecord> message) {
        for (BlazeRecord record : message) {
          BugRecords.addTo(checksum, record);
        }
      }
    };
  }
}
