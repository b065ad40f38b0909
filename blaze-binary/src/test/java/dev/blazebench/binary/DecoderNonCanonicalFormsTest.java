package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forms BlazeDB's encoder never writes but its decoder reads: accepted here too, read as the same
 * values, and re-encoded in the canonical form.
 */
class DecoderNonCanonicalFormsTest {

  private static final String FIELD_A = DecoderRejectionTest.FIELD_A;
  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  private static void assertReadsAsCanonical(
      String nonCanonicalValueHex, String canonicalValueHex) {
    BlazeRecord record = DECODER.decode(Hex.bytes(FIELD_A + nonCanonicalValueHex));
    assertEquals(
        FIELD_A + canonicalValueHex, Hex.hex(BlazeBinaryEncoder.encode(record, FormatVersion.V1)));
    assertEquals(record, DECODER.decode(Hex.bytes(FIELD_A + canonicalValueHex)));
  }

  @Test
  void shortStringOfLengthZeroIsTheEmptyString() {
    assertReadsAsCanonical("20", "11");
    assertEquals(BlazeValue.string(""), DECODER.decode(Hex.bytes(FIELD_A + "20")).get("a"));
  }

  @Test
  void longStringUnder16BytesIsAccepted() {
    assertReadsAsCanonical("0100000003616263", "23616263");
    assertReadsAsCanonical("0100000000", "11");
    assertReadsAsCanonical("010000000f" + "61".repeat(15), "2f" + "61".repeat(15));
  }

  @Test
  void int64HoldingZeroTo255IsAccepted() {
    assertReadsAsCanonical("020000000000000000", "1200");
    assertReadsAsCanonical("0200000000000000ff", "12ff");
  }

  @Test
  void countedEmptyContainersAreAccepted() {
    assertReadsAsCanonical("080000", "18");
    assertReadsAsCanonical("090000", "19");
  }

  @Test
  void anyNonZeroBoolByteIsTrue() {
    assertReadsAsCanonical("0402", "0401");
    assertReadsAsCanonical("04ff", "0401");
  }

  @Test
  void fieldsOutOfKeyOrderAreSorted() {
    String unsorted = "424c415a45010003" + "ff0001621202" + "091201" + "ff0001611203";
    BlazeRecord record = DECODER.decode(Hex.bytes(unsorted));
    assertEquals(List.of("a", "b", "priority"), List.copyOf(record.fields().keySet()));
    assertEquals(
        "424c415a45010003" + "ff0001611203" + "ff0001621202" + "091201",
        Hex.hex(BlazeBinaryEncoder.encode(record, FormatVersion.V1)));
  }

  @Test
  void dictionaryKeysOutOfOrderAreSorted() {
    BlazeRecord record =
        DECODER.decode(Hex.bytes(FIELD_A + "090002" + "0001791201" + "0001781202"));
    assertReadsAsCanonical(
        "090002" + "0001791201" + "0001781202", "090002" + "0001781202" + "0001791201");
    assertEquals(
        List.of("x", "y"),
        List.copyOf(((BlazeValue.DictionaryValue) record.get("a")).entries().fields().keySet()));
  }

  @Test
  void emptyNamesAndKeysAreAccepted() {
    BlazeRecord record =
        DECODER.decode(
            Hex.bytes(DecoderRejectionTest.ONE_FIELD + "ff0000" + "090001" + "0000" + "0b"));
    BlazeValue.DictionaryValue dictionary = (BlazeValue.DictionaryValue) record.get("");
    assertEquals(BlazeValue.nullValue(), dictionary.entries().get(""));
  }
}
