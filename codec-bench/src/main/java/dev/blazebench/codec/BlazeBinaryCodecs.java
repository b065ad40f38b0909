package dev.blazebench.codec;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.FormatVersion;
import java.util.List;

/**
 * BlazeBinary as a BlazeDB user calls it: a {@link BlazeRecord} per message through {@link
 * BlazeBinaryEncoder} and {@link BlazeBinaryDecoder}, and a list of records as one sequence ({@link
 * BlazeSequences}). Decoding produces {@code BlazeRecord}s, what a BlazeDB user holds.
 */
final class BlazeBinaryCodecs {

  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  private BlazeBinaryCodecs() {}

  /** One record per message, written in {@code version}. */
  static MessageCodec<BlazeRecord> record(FormatVersion version) {
    return new MessageCodec<>() {
      @Override
      public BlazeRecord messageOf(List<BlazeRecord> records) {
        return Messages.single(records);
      }

      @Override
      public byte[] encode(BlazeRecord message) {
        return BlazeBinaryEncoder.encode(message, version);
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
    return new MessageCodec<>() {
      @Override
      public List<BlazeRecord> messageOf(List<BlazeRecord> records) {
        return List.copyOf(records);
      }

      @Override
      public byte[] encode(List<BlazeRecord> message) {
        return BlazeSequences.encodeRecords(message, version);
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
