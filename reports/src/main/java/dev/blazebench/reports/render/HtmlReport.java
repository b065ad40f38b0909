package dev.blazebench.reports.render;

import java.util.List;

/**
 * {@code index.html}: one self-contained page (uPlot, the page's script and styles inline) that
 * opens from disk with no network. The figures are in the page as tables; the charts are drawn by
 * the script from a JSON block, and the page records how many it drew in {@code data-charts-drawn}
 * on the root element (the browser test reads it).
 */
final class HtmlReport {

  private HtmlReport() {}

  static String render(ReportView view, List<Chart> charts, UPlotAssets uplot) {
    StringBuilder html = new StringBuilder(256 * 1024);
    HtmlPage.begin(html, view.title(), charts.size(), uplot);
    header(html, view, charts);
    warnings(html, view);
    environment(html, view);
    html.append("<section id=\"seed\">\n<h2>The seed's tables, re-measured</h2>\n");
    view.seedTables().forEach(t -> HtmlPage.table(html, t, "h3"));
    html.append("</section>\n");
    html.append("<section id=\"ratios-section\">\n");
    HtmlPage.table(html, view.ratios(), "h2");
    html.append("</section>\n");
    for (Table results : view.results()) {
      String scenario = results.id().substring("results-".length());
      html.append("<section id=\"scenario-")
          .append(Html.escape(scenario))
          .append("\">\n<h2>Scenario ")
          .append(Html.escape(scenario))
          .append("</h2>\n");
      HtmlPage.chartGrid(html, charts, scenario);
      HtmlPage.table(
          html, retitled(results, "Figures of " + scenario + ", all rounds added up"), "h3");
      html.append("</section>\n");
    }
    view.codec()
        .ifPresent(
            codec -> {
              html.append("<section id=\"codec-section\">\n<h2>Codec size and speed</h2>\n");
              HtmlPage.chartGrid(html, charts, "codec");
              HtmlPage.table(html, codec, "h3");
              html.append("</section>\n");
            });
    html.append("<section id=\"claims-section\">\n");
    HtmlPage.table(html, view.claims(), "h2");
    html.append("</section>\n");
    HtmlPage.end(
        html,
        charts,
        uplot,
        "Written by BlazeBench from this run's results.json. Absolute figures belong to the"
            + " machine named above; ratios between APIs measured in the same interleaved rounds"
            + " are what carries over.");
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

  private static Table retitled(Table table, String title) {
    return new Table(table.id(), title, table.note(), table.columns(), table.rows());
  }
}
