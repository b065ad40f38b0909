package dev.blazebench.reports.gate;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values (Holm 1979), so that a gate run testing m metrics at
 * level alpha raises a false alarm in at most alpha of runs, not in up to m × alpha. The adjusted
 * p-value of the k-th smallest of m p-values (k from 1) is {@code max over j <= k of min(1, (m - j
 * + 1) p(j))}; a metric is significant when its adjusted p-value is below alpha. Equals R's {@code
 * p.adjust(p, method = "holm")}.
 *
 * <p>Holm rather than Bonferroni: it controls the same family-wise error rate under any dependence
 * between the metrics (p50 and p99 of one series move together) and is uniformly more powerful.
 */
public final class Holm {

  private Holm() {}

  /** The adjusted p-values, in the order of {@code pValues}. */
  public static double[] adjust(double[] pValues) {
    int m = pValues.length;
    Integer[] order =
        IntStream.range(0, m)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> pValues[i]))
            .toArray(Integer[]::new);
    double[] adjusted = new double[m];
    double running = 0;
    for (int k = 0; k < m; k++) {
      int index = order[k];
      running = Math.max(running, Math.min(1, (m - k) * pValues[index]));
      adjusted[index] = running;
    }
    return adjusted;
  }
}
