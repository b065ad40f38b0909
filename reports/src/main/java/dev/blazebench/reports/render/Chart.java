package dev.blazebench.reports.render;

import java.util.List;

/**
 * One chart as the page's script draws it with uPlot: an x axis shared by every series (aligned
 * data, {@code null} where a series has no point), drawn as lines or as bars over categories.
 *
 * @param id the element the chart is drawn into
 * @param section the report section it belongs to (a scenario, or {@code codec})
 * @param kind {@code line} or {@code bars}
 * @param xAxis {@code percentile} (x = 1 / (1 - quantile), log scale), {@code seconds}, or {@code
 *     categories} (x = index into {@code categories})
 * @param yUnit {@code micros}, {@code bytes}, {@code perSec}, for the axis and the legend
 */
public record Chart(
    String id,
    String section,
    String title,
    String kind,
    String xAxis,
    String xLabel,
    String yUnit,
    boolean yLog,
    List<String> categories,
    List<Double> x,
    List<Series> series) {

  /**
   * One line or one set of bars.
   *
   * @param dashed drawn dashed (e.g. p99 beside a solid p50)
   * @param colorIndex the palette entry, so one API keeps one colour across charts
   */
  public record Series(String label, List<Double> values, boolean dashed, int colorIndex) {}

  public Chart {
    categories = List.copyOf(categories);
    x = List.copyOf(x);
    series = List.copyOf(series);
  }
}
