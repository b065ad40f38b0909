package dev.blazebench.reports.render;

import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The fixed synthetic run the report's golden files are made from ({@code golden/results.json}),
 * and the masking that keeps machine-specific fields out of the comparison, as JMH's
 * ResultFormatTest does.
 */
final class GoldenRun {

  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

  /** Environment rows of summary.md, by label. */
  private static final Pattern MARKDOWN_ENVIRONMENT =
      Pattern.compile(
          "(?m)^\\| (Commit|Started|Finished|JVM|OS|CPU|Memory|Host|Placement) \\| .* \\|$");

  private static final Pattern HTML_ENVIRONMENT =
      Pattern.compile(
          "(<td data-env=\"(gitSha|startedAt|finishedAt|jvm|os|cpu|memory|hostName|placement)\">)[^<]*(</td>)");

  private static final Pattern SCRIPT_OR_STYLE =
      Pattern.compile("(?s)(<(script|style)[^>]*>).*?(</\\2>)");

  private GoldenRun() {}

  static RunResults load() {
    try (InputStream in = GoldenRun.class.getResourceAsStream("/golden/results.json")) {
      return RunResultsReader.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "golden/results.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String maskMarkdown(String markdown) {
    String masked = MARKDOWN_ENVIRONMENT.matcher(markdown).replaceAll("| $1 | (masked) |");
    return TIMESTAMP.matcher(masked).replaceAll("(time)");
  }

  /**
   * The page's structure: script and style bodies dropped (uPlot's code is not ours to pin), the
   * machine's fields masked.
   */
  static String htmlStructure(String html) {
    String structure = SCRIPT_OR_STYLE.matcher(html).replaceAll("$1…$3");
    structure = HTML_ENVIRONMENT.matcher(structure).replaceAll("$1(masked)$3");
    return TIMESTAMP.matcher(structure).replaceAll("(time)");
  }
}
