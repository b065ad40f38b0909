package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code k} records of a stream in a given order, holding at most {@code k} records: a
 * max-heap whose head is the worst record kept, replaced whenever a better one arrives.
 *
 * <p>Records equal in the order keep their arrival order (each carries its arrival number), so the
 * result is exactly the first {@code k} of a stable sort of the whole stream.
 */
final class TopK {

  private record Ranked(BlazeRecord record, long arrival) {}

  private final int k;
  private final Comparator<Ranked> order;
  private final PriorityQueue<Ranked> heap;
  private long arrivals;

  TopK(int k, Comparator<BlazeRecord> recordOrder) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    this.k = k;
    this.order =
        Comparator.<Ranked, BlazeRecord>comparing(Ranked::record, recordOrder)
            .thenComparingLong(Ranked::arrival);
    // Initial capacity is bounded: k may be large while few records match.
    this.heap = new PriorityQueue<>(Math.min(k, 1024) + 1, order.reversed());
  }

  void offer(BlazeRecord record) {
    Ranked ranked = new Ranked(record, arrivals++);
    if (heap.size() < k) {
      heap.add(ranked);
    } else if (order.compare(ranked, heap.peek()) < 0) {
      heap.poll();
      heap.add(ranked);
    }
  }

  /** The kept records, best first. */
  List<BlazeRecord> sorted() {
    List<Ranked> ranked = new ArrayList<>(heap);
    ranked.sort(order);
    List<BlazeRecord> records = new ArrayList<>(ranked.size());
    for (Ranked r : ranked) {
      records.add(r.record());
    }
    return records;
  }
}
