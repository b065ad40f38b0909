package dev.blazebench.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table of the report, independent of its output format: {@link SummaryMarkdown} writes it as
 * Markdown and {@link HtmlReport} as HTML, so both say the same thing.
 *
 * @param id an anchor for the HTML ({@code seed-test-1})
 * @param note a sentence under the table saying how to read it, empty if none
 */
public record Table(
    String id, String title, String note, List<Column> columns, List<List<String>> rows) {

  /** A column's heading and whether its cells are figures (right-aligned). */
  public record Column(String heading, boolean numeric) {}

  public Table {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(note, "note");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows.stream().map(List::copyOf).toList());
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "table "
                + id
                + ": a row has "
                + row.size()
                + " cells for "
                + columns.size()
                + " columns");
      }
    }
  }

  /** Builds a table row by row. */
  public static final class Builder {
    private final String id;
    private final String title;
    private String note = "";
    private final List<Column> columns = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    public Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    public Builder note(String text) {
      note = text;
      return this;
    }

    /** A text column. */
    public Builder text(String heading) {
      columns.add(new Column(heading, false));
      return this;
    }

    /** A figures column. */
    public Builder figures(String heading) {
      columns.add(new Column(heading, true));
      return this;
    }

    public Builder row(List<String> cells) {
      rows.add(cells);
      return this;
    }

    public Builder row(String... cells) {
      return row(List.of(cells));
    }

    public boolean isEmpty() {
      return rows.isEmpty();
    }

    public Table build() {
      return new Table(id, title, note, columns, rows);
    }
  }
}
