package dev.blazebench.server.query;

import static dev.blazebench.server.query.TestRecords.array;
import static dev.blazebench.server.query.TestRecords.bool;
import static dev.blazebench.server.query.TestRecords.date;
import static dev.blazebench.server.query.TestRecords.integer;
import static dev.blazebench.server.query.TestRecords.nullValue;
import static dev.blazebench.server.query.TestRecords.number;
import static dev.blazebench.server.query.TestRecords.record;
import static dev.blazebench.server.query.TestRecords.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.query.Filter;
import dev.blazebench.protocol.query.FilterOp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FilterSemanticsTest {

  private static boolean matches(BlazeRecord record, String field, FilterOp op, BlazeValue value) {
    return RecordFilter.of(List.of(new Filter(field, op, value))).test(record);
  }

  @Test
  void eqMatchesAnEqualValueOnly() {
    BlazeRecord bug = record("status", string("open"));
    assertThat(matches(bug, "status", FilterOp.EQ, string("open"))).isTrue();
    assertThat(matches(bug, "status", FilterOp.EQ, string("closed"))).isFalse();
    assertThat(matches(bug, "status", FilterOp.EQ, string("Open"))).isFalse();
  }

  @Test
  void eqComparesIntAndDoubleAsExactNumbers() {
    assertThat(matches(record("n", integer(1)), "n", FilterOp.EQ, number(1.0))).isTrue();
    assertThat(matches(record("n", number(1.0)), "n", FilterOp.EQ, integer(1))).isTrue();
    assertThat(matches(record("n", number(1.5)), "n", FilterOp.EQ, integer(1))).isFalse();
    assertThat(matches(record("n", number(-0.0)), "n", FilterOp.EQ, integer(0))).isTrue();
    // 2^53 + 1 is not representable as a double: converting the int first would call them equal.
    long big = (1L << 53) + 1;
    assertThat(matches(record("n", integer(big)), "n", FilterOp.EQ, number(0x1p53))).isFalse();
  }

  @Test
  void differentTypesAreNeverEqualAndNeverThrow() {
    BlazeRecord one = record("n", integer(1));
    assertThat(matches(one, "n", FilterOp.EQ, string("1"))).isFalse();
    assertThat(matches(one, "n", FilterOp.EQ, bool(true))).isFalse();
    assertThat(matches(one, "n", FilterOp.NE, string("1"))).isTrue();
  }

  @Test
  void neMatchesDifferentValuesAndAbsentFields() {
    assertThat(matches(record("s", string("a")), "s", FilterOp.NE, string("b"))).isTrue();
    assertThat(matches(record("s", string("a")), "s", FilterOp.NE, string("a"))).isFalse();
    assertThat(matches(record(), "s", FilterOp.NE, string("a"))).isTrue();
    assertThat(matches(record("s", nullValue()), "s", FilterOp.NE, string("a"))).isTrue();
  }

  @Test
  void missingFieldFailsEveryOperatorButNeAndIsNull() {
    Map<FilterOp, BlazeValue> operands =
        Map.of(
            FilterOp.EQ, integer(1),
            FilterOp.NE, integer(1),
            FilterOp.GT, integer(1),
            FilterOp.GTE, integer(1),
            FilterOp.LT, integer(1),
            FilterOp.LTE, integer(1),
            FilterOp.CONTAINS, string("x"),
            FilterOp.IN, array(integer(1)));
    BlazeRecord missing = record("other", integer(1));
    for (FilterOp op : FilterOp.values()) {
      boolean expected = op == FilterOp.NE || op == FilterOp.IS_NULL;
      assertThat(matches(missing, "field", op, operands.get(op)))
          .as(op.wireName())
          .isEqualTo(expected);
    }
  }

  @Test
  void nullFieldMatchesLikeAMissingOne() {
    BlazeRecord explicitNull = record("field", nullValue());
    assertThat(matches(explicitNull, "field", FilterOp.IS_NULL, null)).isTrue();
    assertThat(matches(explicitNull, "field", FilterOp.NOT_NULL, null)).isFalse();
    assertThat(matches(explicitNull, "field", FilterOp.LTE, integer(0))).isFalse();
    assertThat(matches(explicitNull, "field", FilterOp.IN, array(integer(0)))).isFalse();
  }

  @Test
  void isNullAndNotNullTellPresentValuesFromAbsentOnes() {
    BlazeRecord present = record("field", integer(0));
    assertThat(matches(present, "field", FilterOp.NOT_NULL, null)).isTrue();
    assertThat(matches(present, "field", FilterOp.IS_NULL, null)).isFalse();
    assertThat(matches(record(), "field", FilterOp.IS_NULL, null)).isTrue();
    assertThat(matches(record(), "field", FilterOp.NOT_NULL, null)).isFalse();
  }

  @Test
  void orderingOperatorsCompareIntsAndDoublesByValue() {
    BlazeRecord two = record("n", integer(2));
    assertThat(matches(two, "n", FilterOp.GT, number(1.5))).isTrue();
    assertThat(matches(two, "n", FilterOp.GT, number(2.0))).isFalse();
    assertThat(matches(two, "n", FilterOp.GTE, number(2.0))).isTrue();
    assertThat(matches(two, "n", FilterOp.LT, number(2.5))).isTrue();
    assertThat(matches(two, "n", FilterOp.LTE, integer(2))).isTrue();
    assertThat(matches(two, "n", FilterOp.LT, integer(2))).isFalse();
    BlazeRecord half = record("n", number(2.5));
    assertThat(matches(half, "n", FilterOp.GT, integer(2))).isTrue();
    assertThat(matches(half, "n", FilterOp.LT, integer(3))).isTrue();
    assertThat(matches(record("n", integer(Long.MAX_VALUE)), "n", FilterOp.LT, number(0x1p63)))
        .isTrue();
  }

  @Test
  void orderingOperatorsOnIncomparableTypesDoNotMatch() {
    assertThat(matches(record("v", string("10")), "v", FilterOp.GT, integer(1))).isFalse();
    assertThat(matches(record("v", string("10")), "v", FilterOp.LT, integer(100))).isFalse();
    assertThat(matches(record("v", integer(10)), "v", FilterOp.GTE, string("1"))).isFalse();
    assertThat(matches(record("v", bool(true)), "v", FilterOp.GT, integer(0))).isFalse();
    assertThat(matches(record("v", array(integer(5))), "v", FilterOp.GT, integer(1))).isFalse();
  }

  @Test
  void nanMatchesNoOrderingAndNoEquality() {
    BlazeRecord nan = record("n", number(Double.NaN));
    for (FilterOp op : List.of(FilterOp.GT, FilterOp.GTE, FilterOp.LT, FilterOp.LTE, FilterOp.EQ)) {
      assertThat(matches(nan, "n", op, number(Double.NaN))).as(op.wireName()).isFalse();
      assertThat(matches(nan, "n", op, integer(0))).as(op.wireName()).isFalse();
    }
    assertThat(matches(nan, "n", FilterOp.NE, number(Double.NaN))).isTrue();
  }

  @Test
  void datesCompareWithDatesAndWithNumbersOfSecondsSince2001() {
    BlazeRecord bug = record("dueDate", date(1000.0));
    assertThat(matches(bug, "dueDate", FilterOp.GT, date(999.5))).isTrue();
    assertThat(matches(bug, "dueDate", FilterOp.LT, date(1000.5))).isTrue();
    assertThat(matches(bug, "dueDate", FilterOp.GT, integer(999))).isTrue();
    assertThat(matches(bug, "dueDate", FilterOp.LT, number(1000.25))).isTrue();
    assertThat(matches(bug, "dueDate", FilterOp.GT, integer(1000))).isFalse();
    // A number field compares with a date operand the same way.
    assertThat(matches(record("t", integer(1001)), "t", FilterOp.GT, date(1000.0))).isTrue();
    // The number is seconds since 2001, not 1970: read as Unix time, 978307200 would be the
    // reference date itself, before this date, and "lt" would not match.
    assertThat(matches(bug, "dueDate", FilterOp.LT, integer(978_307_200L))).isTrue();
  }

  @Test
  void dateEqualsNumberWithinOneMillisecond() {
    BlazeRecord bug = record("t", date(1000.0));
    assertThat(matches(bug, "t", FilterOp.EQ, number(1000.0009))).isTrue();
    assertThat(matches(bug, "t", FilterOp.EQ, number(1000.0011))).isFalse();
    assertThat(matches(bug, "t", FilterOp.EQ, integer(1000))).isTrue();
    // Two dates must be the same instant.
    assertThat(matches(bug, "t", FilterOp.EQ, date(1000.0009))).isFalse();
    // gte is "greater or equal", so the tolerance reaches it as in BlazeDB.
    assertThat(matches(bug, "t", FilterOp.GTE, number(1000.0005))).isTrue();
  }

  @Test
  void uuidEqualsTheSameUuidOrItsTextInEitherCase() {
    UUID id = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
    BlazeRecord bug = record("assignedTo", BlazeValue.uuid(id));
    assertThat(matches(bug, "assignedTo", FilterOp.EQ, BlazeValue.uuid(id))).isTrue();
    assertThat(matches(bug, "assignedTo", FilterOp.EQ, string(id.toString()))).isTrue();
    assertThat(
            matches(bug, "assignedTo", FilterOp.EQ, string(id.toString().toUpperCase(Locale.ROOT))))
        .isTrue();
    assertThat(matches(bug, "assignedTo", FilterOp.IN, array(string("x"), string(id.toString()))))
        .isTrue();
    // A string field holding the text equals a uuid operand too.
    assertThat(matches(record("u", string(id.toString())), "u", FilterOp.EQ, BlazeValue.uuid(id)))
        .isTrue();
    // Text Swift would not read as a UUID is just a different string.
    assertThat(matches(bug, "assignedTo", FilterOp.EQ, string("550e8400e29b41d4a716446655440000")))
        .isFalse();
    assertThat(matches(bug, "assignedTo", FilterOp.EQ, string("{" + id + "}"))).isFalse();
  }

  @Test
  void uuidsOrderByTheirTextWhichIsUnsignedByteOrder() {
    UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
    UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000"); // negative msb in Java
    BlazeRecord bug = record("u", BlazeValue.uuid(high));
    assertThat(matches(bug, "u", FilterOp.GT, BlazeValue.uuid(low))).isTrue();
    assertThat(matches(bug, "u", FilterOp.GT, string(low.toString()))).isTrue();
    assertThat(matches(bug, "u", FilterOp.LT, string("not a uuid"))).isFalse();
    assertThat(matches(bug, "u", FilterOp.GT, string("not a uuid"))).isFalse();
  }

  @Test
  void stringsCompareByCodePointAfterNfc() {
    // U+1F600 (a surrogate pair in UTF-16) is after U+FFFD in code point order, before it in
    // Java's compareTo.
    BlazeRecord emoji = record("s", string("\uD83D\uDE00"));
    assertThat(matches(emoji, "s", FilterOp.GT, string("\uFFFD"))).isTrue();
    assertThat(matches(record("s", string("B")), "s", FilterOp.LT, string("a"))).isTrue();
    // "é" precomposed and decomposed are one string in Swift.
    BlazeRecord composed = record("s", string("caf\u00e9"));
    assertThat(matches(composed, "s", FilterOp.EQ, string("cafe\u0301"))).isTrue();
    assertThat(matches(composed, "s", FilterOp.GTE, string("cafe\u0301"))).isTrue();
    assertThat(matches(composed, "s", FilterOp.GT, string("cafe\u0301"))).isFalse();
  }

  @Test
  void containsFindsASubstringOfAString() {
    BlazeRecord bug = record("title", string("Login fails on café wifi"));
    assertThat(matches(bug, "title", FilterOp.CONTAINS, string("fails"))).isTrue();
    assertThat(matches(bug, "title", FilterOp.CONTAINS, string("Fails"))).isFalse();
    assertThat(matches(bug, "title", FilterOp.CONTAINS, string("cafe\u0301"))).isTrue();
    assertThat(matches(bug, "title", FilterOp.CONTAINS, string(""))).isTrue();
    assertThat(matches(bug, "title", FilterOp.CONTAINS, integer(1))).isFalse();
  }

  @Test
  void containsFindsAnEqualItemOfAnArray() {
    BlazeRecord bug = record("tags", array(string("auth"), integer(3), nullValue()));
    assertThat(matches(bug, "tags", FilterOp.CONTAINS, string("auth"))).isTrue();
    assertThat(matches(bug, "tags", FilterOp.CONTAINS, string("aut"))).isFalse();
    assertThat(matches(bug, "tags", FilterOp.CONTAINS, number(3.0))).isTrue();
    assertThat(matches(bug, "tags", FilterOp.CONTAINS, integer(4))).isFalse();
  }

  @Test
  void containsOnOtherFieldTypesDoesNotMatch() {
    assertThat(matches(record("n", integer(123)), "n", FilterOp.CONTAINS, integer(2))).isFalse();
    assertThat(matches(record("n", integer(123)), "n", FilterOp.CONTAINS, string("2"))).isFalse();
    assertThat(matches(record("b", bool(true)), "b", FilterOp.CONTAINS, bool(true))).isFalse();
  }

  @Test
  void inMatchesAnEqualItemAndAnEmptyListMatchesNothing() {
    BlazeRecord bug = record("priority", integer(3));
    assertThat(matches(bug, "priority", FilterOp.IN, array(integer(1), number(3.0)))).isTrue();
    assertThat(matches(bug, "priority", FilterOp.IN, array(integer(1), integer(2)))).isFalse();
    assertThat(matches(bug, "priority", FilterOp.IN, array())).isFalse();
  }

  @Test
  void containersAreEqualItemByItemUnderTheSameRules() {
    BlazeRecord bug = record("tags", array(integer(1), string("caf\u00e9")));
    assertThat(matches(bug, "tags", FilterOp.EQ, array(number(1.0), string("cafe\u0301"))))
        .isTrue();
    assertThat(matches(bug, "tags", FilterOp.EQ, array(integer(1)))).isFalse();
    BlazeValue meta = BlazeValue.dictionary(Map.of("a", integer(1), "b", bool(true)));
    BlazeRecord withMeta = record("metadata", meta);
    assertThat(
            matches(
                withMeta,
                "metadata",
                FilterOp.EQ,
                BlazeValue.dictionary(Map.of("b", bool(true), "a", number(1.0)))))
        .isTrue();
    assertThat(
            matches(
                withMeta, "metadata", FilterOp.EQ, BlazeValue.dictionary(Map.of("a", integer(1)))))
        .isFalse();
  }

  @Test
  void everyFilterMustHold() {
    RecordFilter openAndUrgent =
        RecordFilter.of(
            List.of(
                Filter.eq("status", string("open")),
                new Filter("priority", FilterOp.GTE, integer(4))));
    assertThat(openAndUrgent.test(record("status", string("open"), "priority", integer(5))))
        .isTrue();
    assertThat(openAndUrgent.test(record("status", string("open"), "priority", integer(3))))
        .isFalse();
    assertThat(openAndUrgent.test(record("status", string("closed"), "priority", integer(5))))
        .isFalse();
    assertThat(RecordFilter.of(List.of()).test(record())).isTrue();
  }
}
