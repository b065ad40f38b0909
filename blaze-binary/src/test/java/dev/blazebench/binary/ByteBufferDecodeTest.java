package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Decoding from every kind of ByteBuffer, without touching its position, limit or order. */
class ByteBufferDecodeTest {

  private static final BlazeRecord RECORD =
      BlazeRecord.builder()
          .put("title", BlazeValue.string("Fix the login bug on Safari ✓"))
          .put("id", BlazeValue.uuid(UUID.fromString("550e8400-e29b-41d4-a716-446655440000")))
          .put("age", BlazeValue.integer(-40_000))
          .put("score", BlazeValue.number(0.5))
          .put("blob", BlazeValue.data(new byte[] {1, 2, 3}))
          .put("emb", BlazeValue.vector(new float[] {0.25f, -1f}))
          .put("tags", BlazeValue.array(List.of(BlazeValue.string("ü"), BlazeValue.nullValue())))
          .build();

  private static void assertDecodesUnchanged(ByteBuffer buffer) {
    int position = buffer.position();
    int limit = buffer.limit();
    ByteOrder order = buffer.order();
    assertEquals(RECORD, BlazeBinaryDecoder.withDefaults().decode(buffer));
    assertEquals(position, buffer.position());
    assertEquals(limit, buffer.limit());
    assertEquals(order, buffer.order());
  }

  private static ByteBuffer surrounded(ByteBuffer buffer, byte[] bytes) {
    buffer.put(new byte[] {7, 7, 7}).put(bytes).put((byte) 7);
    return buffer.position(3).limit(3 + bytes.length);
  }

  @Test
  void decodesHeapDirectAndReadOnlyBuffersInBothVersions() {
    for (FormatVersion version : FormatVersion.values()) {
      byte[] bytes = BlazeBinaryEncoder.encode(RECORD, version);
      assertDecodesUnchanged(ByteBuffer.wrap(bytes));
      assertDecodesUnchanged(surrounded(ByteBuffer.allocate(bytes.length + 4), bytes));
      assertDecodesUnchanged(surrounded(ByteBuffer.allocateDirect(bytes.length + 4), bytes));
      assertDecodesUnchanged(
          surrounded(ByteBuffer.allocateDirect(bytes.length + 4), bytes)
              .order(ByteOrder.LITTLE_ENDIAN));
      assertDecodesUnchanged(
          surrounded(ByteBuffer.allocate(bytes.length + 4), bytes).asReadOnlyBuffer());
      // A slice has a non-zero array offset.
      ByteBuffer slice = surrounded(ByteBuffer.allocate(bytes.length + 4), bytes).slice();
      assertDecodesUnchanged(slice);
    }
  }
}
