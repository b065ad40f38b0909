package dev.blazebench.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.blazebench.binary.BlazeRecord;
// The generated message, not this package's POJO of the same name.
import dev.blazebench.protocol.bugs.Bug;
import dev.blazebench.protocol.bugs.BugBatch;
import dev.blazebench.protocol.bugs.BugMapping;
import java.util.List;

/**
 * Typed Protobuf ({@code bugs.proto}), as a Protobuf user writes it: a generated {@link Bug} per
 * message, and a {@link BugBatch} ({@code repeated Bug}) for many. Decoding produces the generated
 * messages. Records become messages through {@link BugMapping}, the mapping the Protobuf API uses.
 */
final class ProtobufCodecs {

  private ProtobufCodecs() {}

  static MessageCodec<Bug> bug() {
    return new MessageCodec<>() {
      @Override
      public Bug messageOf(List<BlazeRecord> records) {
        return BugMapping.fromRecord(Messages.single(records));
      }

      @Override
      public byte[] encode(Bug message) {
        return message.toByteArray();
      }

      @Override
      public Bug decode(byte[] bytes) throws InvalidProtocolBufferException {
        return Bug.parseFrom(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, Bug message) {
        BugRecords.addTo(checksum, BugMapping.toRecord(message));
      }
    };
  }

  static MessageCodec<BugBatch> batch() {
    return new MessageCodec<>() {
      @Override
      public BugBatch messageOf(List<BlazeRecord> records) {
        BugBatch.Builder batch = BugBatch.newBuilder();
        for (BlazeRecord record : records) {
          batch.addBugs(BugMapping.fromRecord(record));
        }
        return batch.build();
      }

      @Override
      public byte[] encode(BugBatch message) {
        return message.toByteArray();
      }

      @Override
      public BugBatch decode(byte[] bytes) throws InvalidProtocolBufferException {
        return BugBatch.parseFrom(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, BugBatch message) {
        for (Bug bug : message.getBugsList()) {
          BugRecords.addTo(checksum, BugMapping.toRecord(bug));
        }
      }
    };
  }
}
