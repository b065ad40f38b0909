package dev.blazebench.reports.render;

/** Escaping for text placed in HTML. */
final class Html {

  private Html() {}

  /** {@code text} safe in element content and in quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code text} safe inside a {@code <script>} element: a {@code </} would end the element early,
   * and JSON and JavaScript both read {@code <\/} as {@code </}.
   */
  static String inScript(String text) {
    return text.replace("</", "<\\/").replace("<!--", "<\\!--");
  }
}
