package dev.blazebench.codec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares formats by the CPU time one thread spends per encode or decode, for a machine too loaded
 * for JMH's wall-clock times to mean anything (other jobs on the same cores stretch every
 * wall-clock sample; they stretch CPU time far less). Not a replacement for the JMH table: it
 * leaves out the garbage collector's threads, so allocation costs show only in part.
 *
 * <p>IMPLEMENTATION NOTES. Every format is prepared and checked as in the benchmarks ({@link
 * PreparedMessages#verify()}). Rounds then give each (format, operation) one slice of {@value
 * #SLICE_MILLIS} ms of thread CPU time in turn, so a change of load hits all formats alike; the
 * first {@value #WARMUP_ROUNDS} rounds are warmup. Reports the median and the minimum over rounds,
 * and each format's speed as a multiple of Protobuf's and Fory's: the median over rounds of their
 * time over its in the same round (paired, so a slow spell of the machine, which stretches one
 * round's slices alike, cancels out), and in brackets the same ratio of the medians.
 *
 * <pre>{@code
 * java -cp codec-bench/target/benchmarks.jar dev.blazebench.codec.CpuTimeComparison \
 *     Fetch1000 BlazeBinaryV1,Protobuf,Fory 15
 * }</pre>
 */
public final class CpuTimeComparison {

  private static final long SLICE_MILLIS = 150;
  private static final int WARMUP_ROUNDS = 5;

  /** Keeps results reachable so the JIT cannot drop the work. */
  private static volatile Object sink;

  private CpuTimeComparison() {}

  /** Arguments: shape ({@code Fetch1000}), comma-separated mechanisms, measured rounds. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println(
          "usage: CpuTimeComparison SHAPE MECHANISM[,MECHANISM...] ROUNDS"
              + "  (e.g. Fetch1000 BlazeBinaryV1,Protobuf,Fory 15)");
      System.exit(1);
    }
    Workload workload = Workload.ofShape(args[0]);
    List<Format> formats = new ArrayList<>();
    for (String mechanism : args[1].split(",")) {
      formats.add(Format.ofMechanism(mechanism));
    }
    Map<String, List<Double>> rounds = run(workload, formats, rounds(args[2]));
    for (Format format : formats) {
      for (String op : new String[] {"encode", "decode"}) {
        List<Double> micros = rounds.get(format.mechanism() + "." + op);
        System.out.printf(
            Locale.ROOT,
            "%-26s speed: %s Protobuf, %s Fory%n",
            format.mechanism() + "." + op,
            ratio(rounds.get("Protobuf." + op), micros),
            ratio(rounds.get("Fory." + op), micros));
      }
    }
  }

  private static int rounds(String arg) {
    return Integer.parseInt(arg);
  }

  /** "1.23x (1.20x)": the median of per-round ratios, then the ratio of the medians; or "-". */
  private static String ratio(List<Double> baselineMicros, List<Double> micros) {
    if (baselineMicros == null) {
      return "-";
    }
    List<Double> perRound = new ArrayList<>();
    for (int r = 0; r < micros.size(); r++) {
      perRound.add(baselineMicros.get(r) / micros.get(r));
    }
    return String.format(
        Locale.ROOT, "%.2fx (%.2fx)", median(perRound), median(baselineMicros) / median(micros));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /**
   * Runs the rounds, prints one line per (format, operation), returns the µs per op of every round
   * by "Mechanism.operation".
   */
  private static Map<String, List<Double>> run(Workload workload, List<Format> formats, int rounds)
      throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<PreparedMessages<?>> prepared = new ArrayList<>();
    for (Format format : formats) {
      PreparedMessages<?> messages = PreparedMessages.of(format, workload);
      messages.verify();
      prepared.add(messages);
    }
    Map<String, List<Double>> microsPerOp = new LinkedHashMap<>();
    long sliceNanos = SLICE_MILLIS * 1_000_000L;
    for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
      for (int f = 0; f < formats.size(); f++) {
        PreparedMessages<?> messages = prepared.get(f);
        for (boolean encode : new boolean[] {true, false}) {
          long start = threads.getCurrentThreadCpuTime();
          long now;
          long ops = 0;
          do {
            int index = (int) (ops % messages.size());
            sink = encode ? messages.encode(index) : messages.decode(index);
            ops++;
            now = threads.getCurrentThreadCpuTime();
          } while (now - start < sliceNanos);
          if (round >= 0) {
            String key = formats.get(f).mechanism() + (encode ? ".encode" : ".decode");
            microsPerOp.computeIfAbsent(key, k -> new ArrayList<>()).add((now - start) / 1e3 / ops);
          }
        }
      }
    }
    for (PreparedMessages<?> messages : prepared) {
      messages.verify();
    }
    System.out.printf(
        Locale.ROOT,
        "%-26s %12s %12s   (thread CPU time per op)%n",
        "benchmark",
        "median µs",
        "min µs");
    for (Map.Entry<String, List<Double>> entry : microsPerOp.entrySet()) {
      List<Double> sorted = new ArrayList<>(entry.getValue());
      Collections.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "%-26s %12.1f %12.1f%n",
          entry.getKey(),
          median(entry.getValue()),
          sorted.get(0));
    }
    return microsPerOp;
  }
}
