package dev.blazebench.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.server.query.ValueOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IndexKeysTest {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000007");

  private static byte[] keyOf(BlazeValue value) {
    BlazeRecord record =
        value == null ? BlazeRecord.empty() : BlazeRecord.builder().put("k", value).build();
    return IndexKeys.key(record, "k", ID);
  }

  private static List<BlazeValue> sample() {
    List<BlazeValue> values = new ArrayList<>();
    for (long n :
        new long[] {
          Long.MIN_VALUE,
          -1,
          0,
          1,
          255,
          (1L << 53) - 1,
          1L << 53,
          (1L << 53) + 1,
          Long.MAX_VALUE - 1,
          Long.MAX_VALUE
        }) {
      values.add(BlazeValue.integer(n));
    }
    for (double d :
        new double[] {
          Double.NEGATIVE_INFINITY,
          -1e300,
          -1.5,
          -0.0,
          0.0,
          Double.MIN_VALUE,
          0.5,
          0x1p53,
          0x1p63,
          Double.POSITIVE_INFINITY,
          Double.NaN
        }) {
      values.add(BlazeValue.number(d));
      values.add(BlazeValue.dateSinceReferenceDate(d));
    }
    String shared = "x".repeat(IndexKeys.STRING_PREFIX_BYTES);
    for (String s :
        new String[] {
          "",
          "\u0000",
          "a",
          "a\u0000",
          "ab",
          "B",
          "caf\u00e9",
          "cafe\u0301",
          "\uE000",
          "\uD83D\uDE00",
          shared,
          shared + "a",
          shared + "b",
          "\u00e9".repeat(20)
        }) {
      values.add(BlazeValue.string(s));
    }
    values.add(BlazeValue.bool(false));
    values.add(BlazeValue.bool(true));
    values.add(BlazeValue.uuid(new UUID(0, 0)));
    values.add(BlazeValue.uuid(new UUID(-1, 5)));
    values.add(BlazeValue.uuid(new UUID(Long.MAX_VALUE, -1)));
    values.add(BlazeValue.data(new byte[0]));
    values.add(BlazeValue.data(new byte[] {(byte) 0xFF}));
    values.add(BlazeValue.data(new byte[] {1, 2}));
    values.add(BlazeValue.data(new byte[40]));
    values.add(BlazeValue.array(List.of(BlazeValue.integer(2))));
    values.add(BlazeValue.array(List.of(BlazeValue.integer(1), BlazeValue.string("z"))));
    values.add(BlazeValue.dictionary(Map.of("a", BlazeValue.integer(1))));
    values.add(BlazeValue.vector(new float[] {1f}));
    return values;
  }

  @Test
  void keysNeverOrderTwoValuesAgainstTheirSortOrder() {
    List<BlazeValue> values = sample();
    for (BlazeValue a : values) {
      for (BlazeValue b : values) {
        if (ValueOrder.compare(a, b) < 0) {
          assertThat(Arrays.compareUnsigned(keyOf(a), keyOf(b)))
              .as("key(%s) <= key(%s)", a, b)
              .isLessThanOrEqualTo(0);
        }
      }
    }
  }

  @Test
  void equalValuesShareARunAndAbsentValuesComeAfterEveryValue() {
    assertThat(IndexKeys.sameRun(keyOf(BlazeValue.integer(1)), keyOf(BlazeValue.number(1.0))))
        .isTrue();
    assertThat(IndexKeys.sameRun(keyOf(BlazeValue.number(-0.0)), keyOf(BlazeValue.integer(0))))
        .isTrue();
    assertThat(
            IndexKeys.sameRun(
                keyOf(BlazeValue.string("caf\u00e9")), keyOf(BlazeValue.string("cafe\u0301"))))
        .isTrue();
    byte[] missing = keyOf(null);
    assertThat(missing).isEqualTo(keyOf(BlazeValue.nullValue()));
    for (BlazeValue value : sample()) {
      assertThat(Arrays.compareUnsigned(keyOf(value), missing)).as("%s", value).isNegative();
      assertThat(Arrays.compareUnsigned(keyOf(value), IndexKeys.FIRST_ABSENT_KEY)).isNegative();
    }
    assertThat(Arrays.compareUnsigned(missing, IndexKeys.FIRST_ABSENT_KEY)).isPositive();
  }

  @Test
  void theIdIsTheLastSixteenBytes() {
    assertThat(IndexKeys.idOf(keyOf(BlazeValue.string("x")))).isEqualTo(ID);
    assertThat(IndexKeys.idOf(keyOf(null))).isEqualTo(ID);
  }
}
