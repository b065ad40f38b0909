package dev.blazebench.harness.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blazebench.harness.BadInputException;
import dev.blazebench.reports.model.CodecBenchmark;
import dev.blazebench.reports.model.CodecResults;
import dev.blazebench.reports.model.CodecSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the codec step's {@code jmh.json} (JMH's {@code -rf json}) and {@code sizes.json}
 * (codec-bench's size report) into results.json's codec section.
 *
 * <p>{@code microsPerOp} is the median of the measurement iterations, as {@code blazebench codec}'s
 * table shows it (robust to one iteration disturbed by the machine); {@code errorMicros} is JMH's
 * 99.9% half-width around its mean, null when JMH could not compute one; {@code minMicros} and
 * {@code maxMicros} are the fastest and slowest iteration.
 */
final class CodecFiles {

  /** {@code dev.blazebench.codec.Fetch1000BlazeBinaryV1.encode}: workload, format, operation. */
  private static final Pattern BENCHMARK =
      Pattern.compile("(?:.*\\.)?(Fetch\\d+)([A-Z]\\w*)\\.(encode|decode)$");

  private static final ObjectMapper JSON = new ObjectMapper();

  private CodecFiles() {}

  /** The codec section from the files in {@code codecDir}, or null when neither is there. */
  static CodecResults read(Path codecDir, String profile) {
    Path jmhJson = codecDir.resolve("jmh.json");
    Path sizesJson = codecDir.resolve("sizes.json");
    if (!Files.isRegularFile(jmhJson) && !Files.isRegularFile(sizesJson)) {
      return null;
    }
    List<CodecSize> sizes = new ArrayList<>();
    if (Files.isRegularFile(sizesJson)) {
      for (JsonNode row : parse(sizesJson).path("rows")) {
        JsonNode gzip = row.get("gzipBytes");
        sizes.add(
            new CodecSize(
                row.path("workload").asText(),
                row.path("format").asText(),
                row.path("rawBytes").asLong(),
                gzip == null || gzip.isNull() ? null : gzip.asLong()));
      }
    }
    List<CodecBenchmark> benchmarks = new ArrayList<>();
    String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    if (Files.isRegularFile(jmhJson)) {
      for (JsonNode result : parse(jmhJson)) {
        Matcher name = BENCHMARK.matcher(result.path("benchmark").asText());
        if (!name.matches()) {
          continue;
        }
        if (result.hasNonNull("vmName")) {
          jvm = result.path("vmName").asText() + " " + result.path("vmVersion").asText();
        }
        benchmarks.add(benchmark(name.group(1), name.group(2), name.group(3), result, jmhJson));
      }
    }
    return new CodecResults(profile, jvm, sizes, benchmarks);
  }

  private static CodecBenchmark benchmark(
      String workload, String format, String operation, JsonNode result, Path file) {
    JsonNode primary = result.path("primaryMetric");
    double toMicros = microsPer(primary.path("scoreUnit").asText(), file);
    List<Double> iterations = new ArrayList<>();
    for (JsonNode fork : primary.path("rawData")) {
      for (JsonNode iteration : fork) {
        iterations.add(iteration.asDouble());
      }
    }
    double score = primary.path("score").asDouble();
    double median = iterations.isEmpty() ? score : median(iterations);
    JsonNode error = primary.get("scoreError");
    Double errorMicros =
        error == null || !error.isNumber() || Double.isNaN(error.asDouble())
            ? null
            : error.asDouble() * toMicros;
    JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
    return new CodecBenchmark(
        workload,
        format,
        operation,
        median * toMicros,
        errorMicros,
        iterations.isEmpty() ? null : Collections.min(iterations) * toMicros,
        iterations.isEmpty() ? null : Collections.max(iterations) * toMicros,
        alloc.isMissingNode() ? null : alloc.path("score").asDouble());
  }

  private static double microsPer(String unit, Path file) {
    return switch (unit) {
      case "ns/op" -> 1e-3;
      case "us/op" -> 1;
      case "ms/op" -> 1e3;
      case "s/op" -> 1e6;
      default ->
          throw new BadInputException(
              file + ": unit '" + unit + "' is not a time per op; run JMH in average-time mode");
    };
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static JsonNode parse(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
