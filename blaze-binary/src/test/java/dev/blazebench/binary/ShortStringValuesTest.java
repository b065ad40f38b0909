package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Short string values repeated in a sequence are shared, and never confused with one another. */
class ShortStringValuesTest {

  /** A record whose status is not within 16 bytes of the input's end (read there as usual). */
  private static BlazeRecord status(String value) {
    return BlazeRecord.builder()
        .put("status", BlazeValue.string(value))
        .put("title", BlazeValue.string("a title after the status"))
        .build();
  }

  @Test
  void aRepeatedShortValueIsOneInstanceAfterTheFirstRecord() {
    List<BlazeRecord> records = List.of(status("open"), status("open"), status("open"));
    List<BlazeRecord> decoded =
        BlazeSequences.decodeRecords(BlazeSequences.encodeRecords(records, FormatVersion.V1));

    assertEquals(records, decoded);
    assertSame(decoded.get(1).get("status"), decoded.get(2).get("status"));
  }

  @Test
  void valuesThatDifferOnlyInLengthOrOneByteStayApart() {
    // Every prefix of a 15-byte value, trailing NULs, and one-byte changes at every position:
    // whatever the slots they fall in, each decodes as itself.
    List<BlazeRecord> records = new ArrayList<>();
    String full = "abcdefghijklmno";
    for (int round = 0; round < 2; round++) {
      for (int length = 1; length <= full.length(); length++) {
        records.add(status(full.substring(0, length)));
        records.add(status(full.substring(0, length - 1) + '\0'));
        records.add(status(full.substring(0, length - 1) + "é".substring(0, 1)));
        for (int at = 0; at < length; at++) {
          char[] chars = full.substring(0, length).toCharArray();
          chars[at] = 'z';
          records.add(status(new String(chars)));
        }
      }
    }

    assertEquals(
        records,
        BlazeSequences.decodeRecords(BlazeSequences.encodeRecords(records, FormatVersion.V1)));
  }
}
