package dev.blazebench.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: one self-contained page (uPlot, the page's script and styles inline) that
 * opens from disk with no network. The figures are in the page as tables; the charts are drawn by
 * the script from a JSON block, and the page records how many it drew in {@code data-charts-drawn}
 * on the root element (the browser test reads it).
 */
final class HtmlReport {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private HtmlReport() {}

  static String render(ReportView view, List<Chart> charts, UPlotAssets uplot) {
    StringBuilder html = new StringBuilder(256 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\" data-charts-expected=\"")
        .append(charts.size())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(view.title()))
        .append("</title>\n");
    html.append("<style>\n/* uPlot ")
        .append(uplot.version)
        .append(" (MIT) */\n")
        .append(uplot.stylesheet)
        .append("\n</style>\n<style>\n")
        .append(UPlotAssets.own("report.css"))
        .append("</style>\n</head>\n<body>\n");
    header(html, view, charts);
    warnings(html, view);
    environment(html, view);
    html.append("<section id=\"seed\">\n<h2>The seed's tables, re-measured</h2>\n");
    view.seedTables().forEach(t -> table(html, t, "h3"));
    html.append("</section>\n");
    html.append("<section id=\"ratios-section\">\n");
    table(html, view.ratios(), "h2");
    html.append("</section>\n");
    for (Table results : view.results()) {
      String scenario = results.id().substring("results-".length());
      html.append("<section id=\"scenario-")
          .append(Html.escape(scenario))
          .append("\">\n<h2>Scenario ")
          .append(Html.escape(scenario))
          .append("</h2>\n");
      chartGrid(html, charts, scenario);
      table(html, retitled(results, "Figures of " + scenario + ", all rounds added up"), "h3");
      html.append("</section>\n");
    }
    view.codec()
        .ifPresent(
            codec -> {
              html.append("<section id=\"codec-section\">\n<h2>Codec size and speed</h2>\n");
              chartGrid(html, charts, "codec");
              table(html, codec, "h3");
              html.append("</section>\n");
            });
    html.append("<section id=\"claims-section\">\n");
    table(html, view.claims(), "h2");
    html.append("</section>\n");
    footer(html, uplot);
    html.append("<script type=\"application/json\" id=\"report-data\">")
        .append(Html.inScript(chartJson(charts)))
        .append("</script>\n");
    html.append("<script>\n/* uPlot ")
        .append(uplot.version)
        .append(", https://github.com/leeoniya/uPlot\n")
        .append(uplot.license.replace("*/", "* /"))
        .append("*/\n")
        .append(Html.inScript(uplot.script))
        .append("\n</script>\n<script>\n")
        .append(Html.inScript(UPlotAssets.own("report.js")))
        .append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void header(StringBuilder html, ReportView view, List<Chart> charts) {
    html.append("<header>\n<h1>")
        .append(Html.escape(view.title()))
        .append("</h1>\n<p class=\"verdicts\"><strong>Claim check:</strong> ")
        .append(Html.escape(view.verdictLine()))
        .append("</p>\n<nav>\n<a href=\"#warnings\">Warnings</a>\n")
        .append("<a href=\"#environment\">Environment</a>\n")
        .append("<a href=\"#seed\">Seed tables</a>\n<a href=\"#ratios\">Ratios</a>\n");
    for (Table results : view.results()) {
      String scenario = results.id().substring("results-".length());
      html.append("<a href=\"#scenario-")
          .append(Html.escape(scenario))
          .append("\">")
          .append(Html.escape(scenario))
          .append("</a>\n");
    }
    if (view.codec().isPresent()) {
      html.append("<a href=\"#codec-section\">Codec</a>\n");
    }
    html.append("<a href=\"#claims\">Claim check</a>\n</nav>\n</header>\n");
  }

  private static void warnings(StringBuilder html, ReportView view) {
    html.append("<section id=\"warnings\">\n<h2>Warnings</h2>\n");
    if (view.warnings().isEmpty()) {
      html.append("<p>None.</p>\n");
    } else {
      html.append("<ul class=\"warnings\">\n");
      for (String warning : view.warnings()) {
        int colon = warning.indexOf(": ");
        html.append("<li>");
        if (colon > 0) {
          html.append("<code>")
              .append(Html.escape(warning.substring(0, colon)))
              .append("</code> ")
              .append(Html.escape(warning.substring(colon + 2)));
        } else {
          html.append(Html.escape(warning));
        }
        html.append("</li>\n");
      }
      html.append("</ul>\n");
    }
    html.append("</section>\n");
  }

  private static void environment(StringBuilder html, ReportView view) {
    html.append(
        "<section id=\"environment\">\n<h2>Environment</h2>\n<table class=\"environment\">\n");
    for (EnvironmentRow row : view.environment()) {
      html.append("<tr><th>")
          .append(Html.escape(row.label()))
          .append("</th><td data-env=\"")
          .append(row.key())
          .append("\">")
          .append(Html.escape(row.value()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void chartGrid(StringBuilder html, List<Chart> charts, String section) {
    html.append("<div class=\"charts\">\n");
    for (Chart chart : charts) {
      if (chart.section().equals(section)) {
        html.append("<figure><figcaption>")
            .append(Html.escape(chart.title()))
            .append("</figcaption><div class=\"chart\" id=\"")
            .append(chart.id())
            .append("\" data-kind=\"")
            .append(chart.kind())
            .append("\"></div></figure>\n");
      }
    }
    html.append("</div>\n");
  }

  private static void table(StringBuilder html, Table table, String heading) {
    html.append('<')
        .append(heading)
        .append(" id=\"")
        .append(Html.escape(table.id()))
        .append("\">")
        .append(Html.escape(table.title()))
        .append("</")
        .append(heading)
        .append(">\n");
    if (!table.note().isEmpty()) {
      html.append("<p class=\"note\">").append(Html.escape(table.note())).append("</p>\n");
    }
    if (table.rows().isEmpty()) {
      html.append("<p>Nothing measured.</p>\n");
      return;
    }
    html.append("<div class=\"table-wrap\"><table>\n<thead><tr>");
    for (Table.Column column : table.columns()) {
      html.append(column.numeric() ? "<th class=\"num\">" : "<th>")
          .append(Html.escape(column.heading()))
          .append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : table.rows()) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        Table.Column column = table.columns().get(i);
        String cell = row.get(i);
        String css = column.numeric() ? "num" : "";
        if (column.heading().equals("Verdict")) {
          css = "verdict verdict-" + cell.replace(' ', '-');
        }
        html.append(css.isEmpty() ? "<td>" : "<td class=\"" + css + "\">")
            .append(Html.escape(cell))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table></div>\n");
  }

  private static Table retitled(Table table, String title) {
    return new Table(table.id(), title, table.note(), table.columns(), table.rows());
  }

  private static void footer(StringBuilder html, UPlotAssets uplot) {
    html.append("<footer>\n<p>Written by BlazeBench from this run's results.json. Absolute figures")
        .append(" belong to the machine named above; ratios between APIs measured in the same")
        .append(" interleaved rounds are what carries over.</p>\n")
        .append("<details><summary>Charts drawn with uPlot ")
        .append(Html.escape(uplot.version))
        .append(" (MIT license)</summary><pre>")
        .append(Html.escape(uplot.license))
        .append("</pre></details>\n</footer>\n");
  }

  private static String chartJson(List<Chart> charts) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("charts", charts);
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write chart data: " + e.getMessage(), e);
    }
  }
}
