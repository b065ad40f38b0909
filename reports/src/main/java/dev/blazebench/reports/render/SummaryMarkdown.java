package dev.blazebench.reports.render;

import java.util.List;

/**
 * {@code summary.md}: the report in Markdown, to paste into a pull-request comment. Same content as
 * {@code index.html} without the charts.
 */
public final class SummaryMarkdown {

  private SummaryMarkdown() {}

  static String render(ReportView view) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(view.title()).append("\n\n");
    md.append("**Claim check:** ").append(view.verdictLine()).append("\n\n");
    md.append("## Warnings\n\n");
    if (view.warnings().isEmpty()) {
      md.append("None.\n\n");
    } else {
      view.warnings().forEach(w -> md.append("- ").append(escapeText(w)).append('\n'));
      md.append('\n');
    }
    md.append("## Environment\n\n| | |\n|---|---|\n");
    for (EnvironmentRow row : view.environment()) {
      md.append("| ")
          .append(row.label())
          .append(" | ")
          .append(escapeCell(row.value()))
          .append(" |\n");
    }
    md.append('\n');
    md.append("## The seed's tables, re-measured\n\n");
    view.seedTables().forEach(t -> table(md, t, "###"));
    table(md, view.ratios(), "##");
    md.append("## Results by scenario\n\n");
    view.results().forEach(t -> table(md, t, "###"));
    view.codec().ifPresent(t -> table(md, t, "##"));
    table(md, view.claims(), "##");
    return md.toString();
  }

  private static void table(StringBuilder md, Table table, String heading) {
    md.append(heading).append(' ').append(table.title()).append("\n\n");
    if (!table.note().isEmpty()) {
      md.append('_').append(escapeText(table.note())).append("_\n\n");
    }
    if (table.rows().isEmpty()) {
      md.append("Nothing measured.\n\n");
      return;
    }
    md.append('|');
    table.columns().forEach(c -> md.append(' ').append(escapeCell(c.heading())).append(" |"));
    md.append("\n|");
    table.columns().forEach(c -> md.append(c.numeric() ? "---:|" : "---|"));
    md.append('\n');
    for (List<String> row : table.rows()) {
      md.append('|');
      row.forEach(cell -> md.append(' ').append(escapeCell(cell)).append(" |"));
      md.append('\n');
    }
    md.append('\n');
  }

  /** Pipes would split a cell; line breaks would end the row. */
  static String escapeCell(String text) {
    return escapeText(text).replace("|", "\\|").replace("\n", " ");
  }

  /** Markdown would read {@code *} and {@code _} in claims and API names as emphasis. */
  static String escapeText(String text) {
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
  }
}
