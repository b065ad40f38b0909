package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A record of a sequence read against the previous record's {@link FieldLayout} decodes, and fails,
 * exactly as it does on its own: the same value, or the same error at the same offset (shifted by
 * where the record starts in the sequence).
 */
class FieldLayoutTest {

  private static final BlazeRecord FIRST = bug("ana.silva", "open", 3);
  private static final BlazeRecord SECOND = bug("bruno", "closed", 300);

  private static BlazeRecord bug(String assignee, String status, long priority) {
    return BlazeRecord.builder()
        .put("id", BlazeValue.uuid(new UUID(1, priority)))
        .put("title", BlazeValue.string("a title of more than fifteen bytes"))
        .put("priority", BlazeValue.integer(priority))
        .put("status", BlazeValue.string(status))
        .put("assignee", BlazeValue.string(assignee))
        .put("réviseur", BlazeValue.string("chloé"))
        .put("tags", BlazeValue.array(List.of(BlazeValue.string("ui"))))
        .build();
  }

  @Test
  void recordsWithTheSameNamesShareTheirNameArrays() {
    List<BlazeRecord> decoded =
        BlazeSequences.decodeRecords(
            BlazeSequences.encodeRecords(List.of(FIRST, SECOND, FIRST, SECOND), FormatVersion.V1));

    assertEquals(List.of(FIRST, SECOND, FIRST, SECOND), decoded);
    for (int i = 0; i < FIRST.size(); i++) {
      assertSame(decoded.get(1).nameAt(i), decoded.get(3).nameAt(i));
    }
  }

  @Test
  void recordsWithOtherNamesDecodeAsOnTheirOwn() {
    BlazeRecord[] others = {
      FIRST.toBuilder().remove("assignee").put("assignef", BlazeValue.string("x")).build(),
      FIRST.toBuilder().remove("assignee").put("assigne", BlazeValue.string("x")).build(),
      FIRST.toBuilder().remove("status").put("state", BlazeValue.string("x")).build(),
      FIRST.toBuilder().remove("title").put("titles", BlazeValue.string("x")).build(),
      FIRST.toBuilder().put("zzz", BlazeValue.integer(1)).build(),
      FIRST.toBuilder().remove("tags").build(),
      BlazeRecord.empty(),
    };
    for (BlazeRecord other : others) {
      List<BlazeRecord> records = List.of(FIRST, SECOND, other, SECOND);
      assertEquals(
          records,
          BlazeSequences.decodeRecords(BlazeSequences.encodeRecords(records, FormatVersion.V2)));
    }
  }

  @Test
  void everyChangedOrTruncatedThirdRecordFailsOrDecodesAsOnItsOwn() {
    byte[] third = BlazeBinaryEncoder.encode(SECOND, FormatVersion.V1);
    for (int at = 0; at < third.length; at++) {
      for (int delta : new int[] {1, -1, 0x80, 0x40}) {
        byte[] changed = third.clone();
        changed[at] = (byte) (changed[at] + delta);
        checkDecodesAsOnItsOwn(changed);
      }
      byte[] swapped = third.clone(); // also brings names out of order
      if (at + 1 < third.length) {
        swapped[at] = third[at + 1];
        swapped[at + 1] = third[at];
        checkDecodesAsOnItsOwn(swapped);
      }
    }
    for (int length = 0; length < third.length; length++) {
      checkDecodesAsOnItsOwn(Arrays.copyOf(third, length));
    }
  }

  private static void checkDecodesAsOnItsOwn(byte[] third) {
    byte[] prefix = BlazeSequences.encodeRecords(List.of(FIRST, SECOND), FormatVersion.V1);
    byte[] sequence = new byte[prefix.length + 4 + third.length];
    System.arraycopy(prefix, 0, sequence, 0, prefix.length);
    sequence[3] = 3; // the count: 3 records
    ByteBuffer.wrap(sequence, prefix.length, 4).putInt(third.length);
    System.arraycopy(third, 0, sequence, prefix.length + 4, third.length);
    int thirdStart = prefix.length + 4;

    String alone;
    try {
      alone = "decoded " + BlazeBinaryDecoder.withDefaults().decode(third);
    } catch (BlazeBinaryException e) {
      alone = e.getMessage().replace(" at byte offset " + e.offset(), "") + " @" + e.offset();
    }
    for (boolean buffer : new boolean[] {false, true}) {
      String inSequence;
      try {
        List<BlazeRecord> records =
            buffer
                ? BlazeSequences.decodeRecords(ByteBuffer.wrap(sequence).asReadOnlyBuffer())
                : BlazeSequences.decodeRecords(sequence);
        inSequence = "decoded " + records.get(2);
      } catch (BlazeBinaryException e) {
        inSequence =
            e.getMessage().replace(" at byte offset " + e.offset(), "")
                + " @"
                + (e.offset() - thirdStart);
      }
      assertEquals(alone, inSequence, () -> Hex.hex(third));
    }
  }
}
