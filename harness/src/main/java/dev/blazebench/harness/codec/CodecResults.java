package dev.blazebench.harness.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blazebench.harness.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a codec run's {@code jmh.json} (JMH's {@code -rf json}) and {@code sizes.json}
 * (codec-bench's {@code SizeReport}) into one {@link CodecRow} per workload and format, in the size
 * report's order.
 */
final class CodecResults {

  /** {@code dev.blazebench.codec.Fetch1000BlazeBinaryV1.encode}: shape, mechanism, method. */
  private static final Pattern BENCHMARK =
      Pattern.compile("(?:.*\\.)?(Fetch\\d+)([A-Z]\\w*)\\.(encode|decode)$");

  private static final ObjectMapper JSON = new ObjectMapper();

  private CodecResults() {}

  /** The rows of both files; either may be missing (its columns are then empty). */
  static List<CodecRow> read(Path jmhJson, Path sizesJson) throws IOException {
    Map<String, CodecRow> rows = new LinkedHashMap<>();
    if (Files.isRegularFile(sizesJson)) {
      addSizes(rows, parse(sizesJson));
    }
    if (Files.isRegularFile(jmhJson)) {
      addTimings(rows, parse(jmhJson));
    }
    return new ArrayList<>(rows.values());
  }

  static void addSizes(Map<String, CodecRow> rows, JsonNode sizes) {
    for (JsonNode size : sizes.path("rows")) {
      CodecRow row = row(rows, size.path("workload").asText(), size.path("format").asText());
      rows.put(
          key(row),
          row.withSizes(
              number(size.get("rawBytesPerMessage")), number(size.get("gzipBytesPerMessage"))));
    }
  }

  static void addTimings(Map<String, CodecRow> rows, JsonNode jmh) {
    for (JsonNode result : jmh) {
      Matcher name = BENCHMARK.matcher(result.path("benchmark").asText());
      if (!name.matches()) {
        continue; // not a codec benchmark
      }
      CodecRow row = row(rows, name.group(1), name.group(2));
      CodecRow.Timing timing = timing(result);
      rows.put(
          key(row),
          name.group(3).equals("encode") ? row.withEncode(timing) : row.withDecode(timing));
    }
  }

  private static CodecRow.Timing timing(JsonNode result) {
    JsonNode primary = result.path("primaryMetric");
    double toMicros = microsPer(primary.path("scoreUnit").asText());
    List<Double> iterations = new ArrayList<>();
    for (JsonNode fork : primary.path("rawData")) {
      for (JsonNode iteration : fork) {
        iterations.add(iteration.asDouble());
      }
    }
    double score = primary.path("score").asDouble();
    double median = iterations.isEmpty() ? score : median(iterations);
    JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
    return new CodecRow.Timing(
        median * toMicros,
        score * toMicros,
        number(primary.get("scoreError"), Double.NaN) * toMicros,
        alloc.isMissingNode() ? null : alloc.path("score").asDouble());
  }

  /** Microseconds in one of JMH's average-time units. */
  private static double microsPer(String unit) {
    switch (unit) {
      case "ns/op":
        return 1e-3;
      case "us/op":
        return 1;
      case "ms/op":
        return 1e3;
      case "s/op":
        return 1e6;
      default:
        throw new BadInputException(
            "jmh.json: unit '" + unit + "' is not a time per op; run JMH in average-time mode");
    }
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static CodecRow row(Map<String, CodecRow> rows, String workload, String format) {
    return rows.getOrDefault(
        workload + "/" + format, new CodecRow(workload, format, null, null, null, null));
  }

  private static String key(CodecRow row) {
    return row.workload() + "/" + row.format();
  }

  private static Double number(JsonNode node) {
    return node == null || node.isNull() ? null : node.asDouble();
  }

  /** A number JMH may also write as the string "NaN" (an error it could not compute). */
  private static double number(JsonNode node, double fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return node.asDouble();
  }

  private static JsonNode parse(Path file) throws IOException {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
