package dev.blazebench.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.protocol.grpc.FetchResponse;
import dev.blazebench.protocol.grpc.QueryResponse;
import java.util.List;

/**
 * BlazeBinary inside the Protobuf messages of {@code blazedb.proto}, as the gRPC service sends it:
 * a v1 record in {@link FetchResponse#getRecord()}, a sequence in {@link
 * QueryResponse#getRecords()}. Encoding wraps the fresh BlazeBinary bytes without copying them, as
 * the client does; decoding parses the Protobuf message and then decodes its bytes field through a
 * read-only {@code ByteBuffer}, exactly as {@code BlazeGrpcClient} does. Decoding produces {@code
 * BlazeRecord}s.
 */
final class BlazeWrappedCodecs {

  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  private BlazeWrappedCodecs() {}

  static MessageCodec<BlazeRecord> fetchResponse() {
    return new MessageCodec<>() {
      @Override
      public BlazeRecord messageOf(List<BlazeRecord> records) {
        return Messages.single(records);
      }

      @Override
      public byte[] encode(BlazeRecord message) {
        byte[] record = BlazeBinaryEncoder.encode(message, FormatVersion.V1);
        return FetchResponse.newBuilder()
            .setRecord(UnsafeByteOperations.unsafeWrap(record))
            .build()
            .toByteArray();
      }

      @Override
      public BlazeRecord decode(byte[] bytes) throws InvalidProtocolBufferException {
        return DECODER.decode(FetchResponse.parseFrom(bytes).getRecord().asReadOnlyByteBuffer());
      }

      @Override
      public void addTo(Checksum.Builder checksum, BlazeRecord message) {
        BugRecords.addTo(checksum, message);
      }
    };
  }

  static MessageCodec<List<BlazeRecord>> queryResponse() {
    return new MessageCodec<>() {
      @Override
      public List<BlazeRecord> messageOf(List<BlazeRecord> records) {
        return List.copyOf(records);
      }

      @Override
      public byte[] encode(List<BlazeRecord> message) {
        byte[] records = BlazeSequences.encodeRecords(message, FormatVersion.V1);
        return QueryResponse.newBuilder()
            .setRecords(UnsafeByteOperations.unsafeWrap(records))
            .setCount(message.size())
            .build()
            .toByteArray();
      }

      @Override
      public List<BlazeRecord> decode(byte[] bytes) throws InvalidProtocolBufferException {
        QueryResponse response = QueryResponse.parseFrom(bytes);
        return BlazeSequences.decodeRecords(response.getRecords().asReadOnlyByteBuffer(), DECODER);
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
