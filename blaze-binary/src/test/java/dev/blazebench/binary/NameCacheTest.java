package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom names decoded once are shared by later decodes, without changing what decodes. */
class NameCacheTest {

  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  @Test
  void aCustomNameDecodedAgainIsTheSameString() {
    BlazeRecord record =
        BlazeRecord.builder()
            .put("assignee", BlazeValue.string("ana.silva"))
            .put("réviseur", BlazeValue.string("bruno"))
            .build();
    byte[] bytes = BlazeBinaryEncoder.encode(record, FormatVersion.V1);

    BlazeRecord first = DECODER.decode(bytes);
    BlazeRecord second = DECODER.decode(bytes);

    assertEquals(record, first);
    assertEquals(record, second);
    assertSame(first.nameAt(0), second.nameAt(0));
    assertSame(first.nameAt(1), second.nameAt(1));
  }

  @Test
  void longNamesAreDecodedEachTimeButStillCorrectly() {
    String name = "a-field-name-of-more-than-thirty-two-bytes";
    BlazeRecord record = BlazeRecord.builder().put(name, BlazeValue.integer(1)).build();
    byte[] bytes = BlazeBinaryEncoder.encode(record, FormatVersion.V1);

    BlazeRecord first = DECODER.decode(bytes);
    BlazeRecord second = DECODER.decode(bytes);

    assertEquals(name, second.nameAt(0));
    assertNotSame(first.nameAt(0), second.nameAt(0));
  }

  @Test
  void sequencesShareDictionaryKeysAcrossRecords() {
    BlazeRecord record =
        BlazeRecord.builder()
            .put("metadata", BlazeValue.dictionary(Map.of("browser", BlazeValue.string("Safari"))))
            .build();

    List<BlazeRecord> decoded =
        BlazeSequences.decodeRecords(
            BlazeSequences.encodeRecords(List.of(record, record), FormatVersion.V2));

    assertEquals(List.of(record, record), decoded);
    assertSame(dictionaryKey(decoded.get(0)), dictionaryKey(decoded.get(1)));
  }

  @Test
  void invalidUtf8InANameIsRejectedEvenAfterTheValidOneWasCached() {
    // "ab" decodes and is cached; "a" + 0xFF (same length, other bytes) must still be refused.
    DECODER.decode(Hex.bytes("424c415a45010001ff000261621201"));

    BlazeBinaryException e =
        assertThrows(
            BlazeBinaryException.class,
            () -> DECODER.decode(Hex.bytes("424c415a45010001ff000261ff1201")));
    assertEquals(12, e.offset());
  }

  @Test
  void buffersWithoutAnArrayDecodeNamesAndStringsThroughTheScratchArray() {
    BlazeRecord record =
        BlazeRecord.builder()
            .put("assignee", BlazeValue.string("ana.silva"))
            .put("description", BlazeValue.string("x".repeat(300) + "ü"))
            .put("title", BlazeValue.string("Fix login bug"))
            .build();
    byte[] bytes = BlazeSequences.encodeRecords(List.of(record, record), FormatVersion.V1);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

    List<BlazeRecord> decoded = BlazeSequences.decodeRecords(direct.asReadOnlyBuffer());

    assertEquals(List.of(record, record), decoded);
  }

  private static String dictionaryKey(BlazeRecord record) {
    return ((BlazeValue.DictionaryValue) record.get("metadata")).entries().nameAt(0);
  }
}
