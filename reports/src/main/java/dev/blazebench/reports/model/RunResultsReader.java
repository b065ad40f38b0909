package dev.blazebench.reports.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a compare run's {@code results.json} strictly: the file must exist, be complete JSON, say
 * {@code "kind": "blazebench-compare-results"} and {@code "schemaVersion": 1}, carry every field of
 * the schema and no other (except {@code environment.link}, present only for runs over a shaped or
 * delayed link, and its {@code oneWayDelayMillis}, absent before delays existed: read as 0), and be
 * consistent (each result's API and scenario among the settings', no API × scenario × operation
 * twice, histograms that decode). Anything else is an {@link InvalidRunException} naming the file
 * and the problem.
 */
public final class RunResultsReader {

  private RunResultsReader() {}

  /** Reads {@code path}: a results file, or a run folder holding {@code results.json}. */
  public static RunResults read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(RunResults.FILE_NAME) : path;
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidRunException(file + ": no such file (not a compare run folder?)", e);
    } catch (IOException e) {
      throw new InvalidRunException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses results JSON; {@code source} names it in errors. */
  public static RunResults parse(String text, String source) {
    if (text.isBlank()) {
      throw new InvalidRunException(source + ": empty file (was the run stopped before it wrote?)");
    }
    JsonNode tree;
    try {
      tree = RunResultsJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      // Jackson reports most early ends as a plain parse error; both mean a file cut short.
      if (e instanceof JsonEOFException
          || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
        throw new InvalidRunException(
            source + ": truncated: the JSON ends early" + locationOf(e), e);
      }
      throw new InvalidRunException(
          source + ": not JSON: " + e.getOriginalMessage() + locationOf(e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidRunException(source + ": not a JSON object");
    }
    checkKindAndVersion(tree, source);
    upgradeFromVersion1(tree);
    addJitFieldsBeforeVersion3(tree);
    addCodecRangeBeforeVersion4(tree);
    // environment.link is written only for runs over a shaped link; its absence means loopback.
    if (tree.get("environment") instanceof ObjectNode environment) {
      if (!environment.has("link")) {
        environment.putNull("link");
      } else if (environment.get("link") instanceof ObjectNode link
          && !link.has("oneWayDelayMillis")) {
        // Links written before compare --delay existed were shaped only: no delay added.
        link.put("oneWayDelayMillis", 0);
      }
    }
    RunResults results;
    try {
      results = RunResultsJson.MAPPER.treeToValue(tree, RunResults.class);
    } catch (JsonProcessingException e) {
      throw new InvalidRunException(
          source + ": malformed results: " + problemOf(e) + locationOf(e), e);
    }
    checkConsistent(results, source);
    return results;
  }

  private static void checkKindAndVersion(JsonNode tree, String source) {
    JsonNode kind = tree.get("kind");
    if (kind == null || !RunResults.KIND.equals(kind.asText())) {
      String found = kind == null ? "missing" : kind.toString();
      String hint =
          "blazebench-load-results".equals(kind == null ? null : kind.asText())
              ? " (this is one load run's results; give the compare run folder)"
              : "";
      throw new InvalidRunException(
          source
              + ": not a compare run's results: \"kind\" is "
              + found
              + ", expected \""
              + RunResults.KIND
              + "\""
              + hint);
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null
        || !version.isInt()
        || version.intValue() < 1
        || version.intValue() > RunResults.SCHEMA_VERSION) {
      throw new InvalidRunException(
          source
              + ": schemaVersion "
              + (version == null ? "missing" : version.toString())
              + " is not supported (this blazebench reads versions 1 to "
              + RunResults.SCHEMA_VERSION
              + ")");
    }
  }

  /**
   * Reads a version 1 file as version 2: the only difference is {@code settings.warmupRoundSec},
   * which version 1 did not record and which was always 1 s then. Stored baselines stay usable. (A
   * version 2 file stays version 2: its server CPU counts the JIT compiler threads, which no
   * rewriting can take out; the gate refuses to compare it with a version 3 run.)
   */
  private static void upgradeFromVersion1(JsonNode tree) {
    if (tree.get("schemaVersion").intValue() != 1) {
      return;
    }
    ((ObjectNode) tree).put("schemaVersion", 2);
    if (tree.get("settings") instanceof ObjectNode settings && !settings.has("warmupRoundSec")) {
      settings.put("warmupRoundSec", 1.0);
    }
  }

  /**
   * Gives a version 1 or 2 file the {@code serverJitCpuMicrosPerOp} fields it could not have (null:
   * not measured), keeping its version number: its {@code serverCpuMicrosPerOp} counted every
   * thread.
   */
  private static void addJitFieldsBeforeVersion3(JsonNode tree) {
    if (tree.get("schemaVersion").intValue() >= RunResults.SERVER_CPU_WITHOUT_JIT_SINCE
        || !(tree.get("results") instanceof ArrayNode results)) {
      return;
    }
    for (JsonNode result : results) {
      if (result.get("rounds") instanceof ArrayNode rounds) {
        for (JsonNode round : rounds) {
          if (round instanceof ObjectNode fields && !fields.has("serverJitCpuMicrosPerOp")) {
            fields.putNull("serverJitCpuMicrosPerOp");
          }
        }
      }
      if (result.get("total") instanceof ObjectNode total
          && !total.has("serverJitCpuMicrosPerOp")) {
        total.putNull("serverJitCpuMicrosPerOp");
      }
    }
  }

  /**
   * Gives the codec benchmarks of a file before version 4 the iteration range they did not record
   * (null: not recorded), keeping its version number.
   */
  private static void addCodecRangeBeforeVersion4(JsonNode tree) {
    if (tree.get("schemaVersion").intValue() >= RunResults.CODEC_ITERATION_RANGE_SINCE
        || !(tree.path("codec").get("benchmarks") instanceof ArrayNode benchmarks)) {
      return;
    }
    for (JsonNode benchmark : benchmarks) {
      if (benchmark instanceof ObjectNode fields) {
        for (String name : new String[] {"minMicros", "maxMicros"}) {
          if (!fields.has(name)) {
            fields.putNull(name);
          }
        }
      }
    }
  }

  private static void checkConsistent(RunResults results, String source) {
    Settings settings = results.settings();
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < results.results().size(); i++) {
      ApiScenarioResult result = results.results().get(i);
      String where =
          source + ": results[" + i + "] (" + result.api() + " " + result.scenario() + ")";
      if (!settings.apis().contains(result.api())) {
        throw new InvalidRunException(where + ": API not among settings.apis " + settings.apis());
      }
      if (!settings.scenarios().contains(result.scenario())) {
        throw new InvalidRunException(
            where + ": scenario not among settings.scenarios " + settings.scenarios());
      }
      // A scenario may measure several operations (aggregate: aggregate and download-count).
      if (!pairs.add(result.api() + "\u0000" + result.scenario() + "\u0000" + result.operation())) {
        throw new InvalidRunException(
            where + ": this API, scenario and operation (" + result.operation() + ") appear twice");
      }
      checkHistogram(result.total().latencyMicros(), where + ".total.latencyMicros");
      checkHistogram(
          result.total().uncorrectedLatencyMicros(), where + ".total.uncorrectedLatencyMicros");
    }
  }

  private static void checkHistogram(Latency latency, String where) {
    long decodedCount;
    try {
      decodedCount = latency.decodeHistogram().getTotalCount();
    } catch (IllegalArgumentException e) {
      throw new InvalidRunException(where + ".histogram: " + e.getMessage(), e);
    }
    if (decodedCount != latency.count()) {
      throw new InvalidRunException(
          where + ".histogram holds " + decodedCount + " values but count says " + latency.count());
    }
  }

  /** What is wrong, in the schema's terms rather than Jackson's. */
  private static String problemOf(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field \"" + unknown.getPropertyName() + "\"";
    }
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Missing creator property")) {
      int start = message.indexOf('\'');
      int end = message.indexOf('\'', start + 1);
      return start >= 0 && end > start
          ? "missing field \"" + message.substring(start + 1, end) + "\""
          : "missing field";
    }
    // A record constructor's own refusal (a null where a value belongs) says more than Jackson's.
    Throwable cause = e.getCause();
    if (cause instanceof NullPointerException && cause.getMessage() != null) {
      return "\"" + cause.getMessage() + "\" is null";
    }
    int firstLineEnd = message.indexOf('\n');
    return firstLineEnd < 0 ? message : message.substring(0, firstLineEnd);
  }

  /** Where in the document: a JSON path such as {@code results[0].total.count}, or a position. */
  private static String locationOf(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path.append('[').append(reference.getIndex()).append(']');
        }
      }
      return " at " + path;
    }
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
