package dev.blazebench.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts every BlazeBench page shares: the head with uPlot's and the report's styles inline, the
 * tables, the chart grid, and the tail with the chart data, uPlot (with its MIT notice) and the
 * drawing script, so each page is one file that opens from disk with no network.
 */
final class HtmlPage {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private HtmlPage() {}

  /** Opens the document and its body. */
  static void begin(StringBuilder html, String title, int chartCount, UPlotAssets uplot) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\" data-charts-expected=\"")
        .append(chartCount)
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>\n");
    html.append("<style>\n/* uPlot ")
        .append(uplot.version)
        .append(" (MIT) */\n")
        .append(uplot.stylesheet)
        .append("\n</style>\n<style>\n")
        .append(UPlotAssets.own("report.css"))
        .append("</style>\n</head>\n<body>\n");
  }

  /** The footer, the chart data and the scripts; closes the document. */
  static void end(StringBuilder html, List<Chart> charts, UPlotAssets uplot, String footerText) {
    footer(html, uplot, footerText);
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
  }

  static void chartGrid(StringBuilder html, List<Chart> charts, String section) {
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

  static void table(StringBuilder html, Table table, String heading) {
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

  private static void footer(StringBuilder html, UPlotAssets uplot, String text) {
    html.append("<footer>\n<p>")
        .append(Html.escape(text))
        .append("</p>\n<details><summary>Charts drawn with uPlot ")
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
