package dev.blazebench.load.grpc;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Ids as the gRPC APIs send them: 16 bytes each, in the order of the UUID's text. */
final class IdBytes {

  static final int LENGTH = 16;

  private IdBytes() {}

  static ByteString of(UUID id) {
    ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
    bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return ByteString.copyFrom(bytes.array());
  }

  static UUID single(ByteString bytes) {
    if (bytes.size() != LENGTH) {
      throw new IllegalStateException("an id of " + bytes.size() + " bytes, not " + LENGTH);
    }
    ByteBuffer buffer = bytes.asReadOnlyByteBuffer();
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  /** Ids concatenated, as InsertMany's {@code ids} field holds them. */
  static List<UUID> concatenated(ByteString bytes) {
    if (bytes.size() % LENGTH != 0) {
      throw new IllegalStateException(
          "an ids field of " + bytes.size() + " bytes is not " + LENGTH + " per id");
    }
    ByteBuffer buffer = bytes.asReadOnlyByteBuffer();
    List<UUID> ids = new ArrayList<>(bytes.size() / LENGTH);
    while (buffer.hasRemaining()) {
      ids.add(new UUID(buffer.getLong(), buffer.getLong()));
    }
    return ids;
  }
}
