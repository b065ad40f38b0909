package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The size prediction the encoders allocate by: exact for ASCII text, never above otherwise. */
class EncodedSizeTest {

  private static final BlazeRecord EVERY_TYPE =
      BlazeRecord.builder()
          .put("id", BlazeValue.uuid(UUID.fromString("550e8400-e29b-41d4-a716-446655440000")))
          .put("title", BlazeValue.string("Fix login bug"))
          .put("description", BlazeValue.string("A string of sixteen or more characters"))
          .put("status", BlazeValue.string(""))
          .put("priority", BlazeValue.integer(5))
          .put("count", BlazeValue.integer(-1))
          .put("average", BlazeValue.number(0.5))
          .put("createdAt", BlazeValue.dateSinceReferenceDate(1.5))
          .put("isActive", BlazeValue.bool(true))
          .put("attachment", BlazeValue.data(new byte[] {1, 2, 3}))
          .put("embedding", BlazeValue.vector(new float[] {0.5f, -1f}))
          .put("deletedAt", BlazeValue.nullValue())
          .put(
              "tags", BlazeValue.array(List.of(BlazeValue.string("auth"), BlazeValue.integer(300))))
          .put("none", BlazeValue.array(List.of()))
          .put(
              "metadata",
              BlazeValue.dictionary(
                  Map.of(
                      "key",
                      BlazeValue.string("value"),
                      "nested",
                      BlazeValue.dictionary(Map.of("deep", BlazeValue.bool(false))))))
          .put("empty", BlazeValue.dictionary(Map.of()))
          .build();

  @Test
  void asciiRecordsArePredictedExactlyInBothVersions() {
    for (FormatVersion version : FormatVersion.values()) {
      assertEquals(
          BlazeBinaryEncoder.encode(EVERY_TYPE, version).length,
          EncodedSize.of(EVERY_TYPE, version),
          version.name());
    }
  }

  @Test
  void nonAsciiTextIsPredictedShortAndStillEncodesCorrectly() {
    BlazeRecord record =
        BlazeRecord.builder()
            .put("naïve name", BlazeValue.string("crème brûlée"))
            .put("title", BlazeValue.string("日本語のタイトル、十六文字を超える長さ"))
            .put("metadata", BlazeValue.dictionary(Map.of("ключ", BlazeValue.string("значение"))))
            .build();

    byte[] bytes = BlazeBinaryEncoder.encode(record, FormatVersion.V1);

    assertTrue(EncodedSize.of(record, FormatVersion.V1) < bytes.length);
    assertEquals(record, BlazeBinaryDecoder.withDefaults().decode(bytes));
  }

  @Test
  void sequencesOfAsciiRecordsComeOutExactlyFilled() {
    List<BlazeRecord> records = List.of(EVERY_TYPE, EVERY_TYPE);

    byte[] bytes = BlazeSequences.encodeRecords(records, FormatVersion.V2);

    assertEquals(4 + 2 * (4 + EncodedSize.of(EVERY_TYPE, FormatVersion.V2)), bytes.length);
    assertEquals(records, BlazeSequences.decodeRecords(bytes));
  }
}
