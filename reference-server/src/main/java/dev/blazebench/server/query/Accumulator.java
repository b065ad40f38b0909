package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.DoubleValue;
import dev.blazebench.binary.BlazeValue.IntValue;
import dev.blazebench.binary.BlazeValue.NullValue;
import dev.blazebench.protocol.query.Aggregate;

/**
 * One aggregate's running state for one group. Values reach it as read from the record: null for a
 * missing or null field.
 *
 * <ul>
 *   <li>count: records in the group, an int.
 *   <li>sum: ints and doubles of the field; other types and absent values are skipped, as BlazeDB
 *       skips them. An int while every summed value is an int and the total fits in 64 bits, else a
 *       double (BlazeDB always answers a double; a Swift reader's {@code doubleValue} reads both).
 *       Null when the group has no number.
 *   <li>avg: the sum over the count of numbers, a double; null when the group has no number
 *       (BlazeDB answers 0 there, which cannot be told from a real average of 0).
 *   <li>min, max: the least (greatest) present value in {@link ValueOrder#compare}'s order, of any
 *       type; null when the group has none. (BlazeDB's max picks a record with the field missing
 *       and answers 0; that is a bug we do not copy.)
 * </ul>
 */
abstract class Accumulator {

  abstract void add(BlazeValue value);

  abstract BlazeValue result();

  static Accumulator of(Aggregate aggregate) {
    switch (aggregate.function()) {
      case COUNT:
        return new Count();
      case SUM:
        return new Sum(false);
      case AVG:
        return new Sum(true);
      case MIN:
        return new Extreme(-1);
      case MAX:
        return new Extreme(1);
      default:
        throw new AssertionError("unknown function " + aggregate.function());
    }
  }

  private static final class Count extends Accumulator {
    private long count;

    @Override
    void add(BlazeValue value) {
      count++;
    }

    @Override
    BlazeValue result() {
      return BlazeValue.integer(count);
    }
  }

  private static final class Sum extends Accumulator {
    private final boolean average;
    private long intSum; // exact while no overflow
    private double doubleSum; // doubles, and ints once intSum overflowed
    private boolean sawDouble;
    private boolean overflowed;
    private long numbers;

    Sum(boolean average) {
      this.average = average;
    }

    @Override
    void add(BlazeValue value) {
      if (value instanceof IntValue x) {
        numbers++;
        if (!overflowed) {
          try {
            intSum = Math.addExact(intSum, x.value());
            return;
          } catch (ArithmeticException e) {
            overflowed = true;
            doubleSum += intSum;
            intSum = 0;
          }
        }
        doubleSum += x.value();
      } else if (value instanceof DoubleValue x) {
        numbers++;
        sawDouble = true;
        doubleSum += x.value();
      }
    }

    @Override
    BlazeValue result() {
      if (numbers == 0) {
        return NullValue.INSTANCE;
      }
      if (average) {
        return BlazeValue.number((doubleSum + intSum) / numbers);
      }
      if (sawDouble || overflowed) {
        return BlazeValue.number(doubleSum + intSum);
      }
      return BlazeValue.integer(intSum);
    }
  }

  private static final class Extreme extends Accumulator {
    private final int sign; // -1 keeps the least value, 1 the greatest
    private BlazeValue best;

    Extreme(int sign) {
      this.sign = sign;
    }

    @Override
    void add(BlazeValue value) {
      if (value != null && (best == null || sign * ValueOrder.compare(value, best) > 0)) {
        best = value;
      }
    }

    @Override
    BlazeValue result() {
      return best == null ? NullValue.INSTANCE : best;
    }
  }
}
