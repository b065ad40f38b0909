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
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SortSemanticsTest {

  private final QueryEngine engine = new QueryEngine();

  private List<String> namesSorted(List<BlazeRecord> records, SortKey... keys) {
    Query.Builder builder = Query.builder();
    for (SortKey key : keys) {
      builder.sort(key);
    }
    List<String> names = new ArrayList<>();
    for (BlazeRecord r : engine.execute(builder.build(), records.iterator())) {
      names.add(((BlazeValue.StringValue) r.get("name")).value());
    }
    return names;
  }

  @Test
  void sortsByTheFirstKeyThenBreaksTiesWithTheNext() {
    List<BlazeRecord> bugs =
        List.of(
            record("name", string("a"), "priority", integer(1), "title", string("z")),
            record("name", string("b"), "priority", integer(2), "title", string("y")),
            record("name", string("c"), "priority", integer(1), "title", string("x")),
            record("name", string("d"), "priority", integer(2), "title", string("w")));
    assertThat(namesSorted(bugs, SortKey.descending("priority"), SortKey.ascending("title")))
        .containsExactly("d", "b", "c", "a");
    assertThat(namesSorted(bugs, SortKey.ascending("priority"), SortKey.descending("title")))
        .containsExactly("a", "c", "b", "d");
  }

  @Test
  void missingAndNullValuesSortLastInBothDirections() {
    List<BlazeRecord> bugs =
        List.of(
            record("name", string("missing")),
            record("name", string("two"), "rank", integer(2)),
            record("name", string("null"), "rank", nullValue()),
            record("name", string("one"), "rank", integer(1)));
    assertThat(namesSorted(bugs, SortKey.ascending("rank")))
        .containsExactly("one", "two", "missing", "null");
    assertThat(namesSorted(bugs, SortKey.descending("rank")))
        .containsExactly("two", "one", "missing", "null");
  }

  @Test
  void missingValuesOnTheFirstKeyStillSortByTheSecond() {
    List<BlazeRecord> bugs =
        List.of(
            record("name", string("b"), "title", string("2")),
            record("name", string("a"), "title", string("1")),
            record("name", string("c"), "rank", integer(5), "title", string("0")));
    assertThat(namesSorted(bugs, SortKey.ascending("rank"), SortKey.ascending("title")))
        .containsExactly("c", "a", "b");
  }

  @Test
  void recordsEqualOnEveryKeyKeepTheSourceOrder() {
    List<BlazeRecord> bugs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      bugs.add(record("name", string("r" + i), "group", integer(i % 3)));
    }
    List<String> sorted = namesSorted(bugs, SortKey.ascending("group"));
    List<String> expected = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      for (int i = 0; i < 50; i++) {
        if (i % 3 == g) {
          expected.add("r" + i);
        }
      }
    }
    assertThat(sorted).isEqualTo(expected);
  }

  @Test
  void intsDoublesAndDatesSortTogetherByValue() {
    List<BlazeRecord> mixed =
        List.of(
            record("name", string("2.5"), "v", number(2.5)),
            record("name", string("date 1.5"), "v", date(1.5)),
            record("name", string("3"), "v", integer(3)),
            record("name", string("-inf"), "v", number(Double.NEGATIVE_INFINITY)),
            record("name", string("nan"), "v", number(Double.NaN)),
            record("name", string("1"), "v", integer(1)));
    assertThat(namesSorted(mixed, SortKey.ascending("v")))
        .containsExactly("-inf", "1", "date 1.5", "2.5", "3", "nan");
  }

  @Test
  void mixedTypesSortByKindInAFixedOrder() {
    List<BlazeRecord> mixed =
        List.of(
            record("name", string("array"), "v", array(integer(1))),
            record("name", string("uuid"), "v", BlazeValue.uuid(new UUID(0, 0))),
            record("name", string("string"), "v", string("x")),
            record("name", string("number"), "v", integer(7)),
            record("name", string("bool"), "v", bool(false)),
            record("name", string("data"), "v", BlazeValue.data(new byte[] {1})));
    assertThat(namesSorted(mixed, SortKey.ascending("v")))
        .containsExactly("bool", "number", "string", "uuid", "data", "array");
    assertThat(namesSorted(mixed, SortKey.descending("v")))
        .containsExactly("array", "data", "uuid", "string", "number", "bool");
  }

  @Test
  void stringsSortByCodePointAfterNfc() {
    List<BlazeRecord> words =
        List.of(
            record("name", string("emoji"), "w", string("\uD83D\uDE00")),
            record("name", string("private use"), "w", string("\uE000")),
            record("name", string("lower"), "w", string("a")),
            record("name", string("upper"), "w", string("B")));
    assertThat(namesSorted(words, SortKey.ascending("w")))
        .containsExactly("upper", "lower", "private use", "emoji");
  }

  @Test
  void valueOrderIsATotalOrderOverMixedValues() {
    List<BlazeValue> values =
        List.of(
            integer(Long.MIN_VALUE),
            integer(-1),
            integer(0),
            number(-0.0),
            number(0.0),
            integer((1L << 53) + 1),
            number(0x1p53),
            number(Double.NaN),
            number(Double.POSITIVE_INFINITY),
            date(0.0),
            date(-5.5),
            integer(Long.MAX_VALUE),
            number(0x1p63),
            string("a"),
            string("caf\u00e9"),
            string("cafe\u0301"),
            bool(true),
            bool(false),
            BlazeValue.uuid(new UUID(-1, 0)),
            BlazeValue.uuid(new UUID(1, 0)),
            BlazeValue.data(new byte[] {(byte) 0xFF}),
            BlazeValue.data(new byte[] {1, 2}),
            array(integer(1), string("x")),
            array(integer(1)),
            BlazeValue.dictionary(Map.of("k", integer(1))),
            BlazeValue.vector(new float[] {1f, Float.NaN}));
    for (BlazeValue a : values) {
      assertThat(ValueOrder.compare(a, a)).as("%s vs itself", a).isZero();
      for (BlazeValue b : values) {
        int ab = ValueOrder.compare(a, b);
        assertThat(Integer.signum(ab))
            .as("%s vs %s antisymmetric", a, b)
            .isEqualTo(-Integer.signum(ValueOrder.compare(b, a)));
        for (BlazeValue c : values) {
          if (ab <= 0 && ValueOrder.compare(b, c) <= 0) {
            assertThat(ValueOrder.compare(a, c))
                .as("%s <= %s <= %s transitive", a, b, c)
                .isLessThanOrEqualTo(0);
          }
        }
      }
    }
  }
}
