package dev.blazebench.load.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads {@code results.json} ({@link LoadResults}), strictly. */
public final class ResultsJson {

  /** The file name a run folder holds its results under. */
  public static final String FILE_NAME = "results.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private ResultsJson() {}

  /** The document as indented JSON, ending with a newline. */
  public static String toJson(LoadResults results) {
    try {
      return MAPPER.writeValueAsString(results) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write results as JSON: " + e.getMessage(), e);
    }
  }

  /** Writes {@code results} to {@code file}, creating its folder. */
  public static void write(LoadResults results, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, toJson(results), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a results file, checking first that it is one, in this schema version or an older one (1
   * or 2, whose missing figures read as unknown).
   *
   * @throws InvalidResultsException naming the file and the problem
   */
  public static LoadResults read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidResultsException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses results JSON; {@code source} names it in errors. */
  public static LoadResults parse(String text, String source) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidResultsException(
          source + ": not JSON: " + e.getOriginalMessage() + locationOf(e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidResultsException(source + ": not a JSON object");
    }
    JsonNode kind = tree.get("kind");
    if (kind == null || !LoadResults.KIND.equals(kind.asText())) {
      throw new InvalidResultsException(
          source + ": not blazebench load results (\"kind\" is not \"" + LoadResults.KIND + "\")");
    }
    JsonNode version = tree.get("schemaVersion");
    if (version != null && version.isInt() && version.intValue() == 1) {
      SchemaUpgrade.fromVersion1((ObjectNode) tree);
      SchemaUpgrade.fromVersion2((ObjectNode) tree);
    } else if (version != null && version.isInt() && version.intValue() == 2) {
      SchemaUpgrade.fromVersion2((ObjectNode) tree);
    } else if (version == null
        || !version.isInt()
        // 3 is read as it is: the same fields, its client CPU per call counted the JIT compiler
        // threads too, and its schemaVersion says so.
        || (version.intValue() != 3 && version.intValue() != LoadResults.SCHEMA_VERSION)) {
      throw new InvalidResultsException(
          source
              + ": schemaVersion "
              + version
              + " is not supported (this blazebench reads 1 to "
              + LoadResults.SCHEMA_VERSION
              + ")");
    }
    try {
      return MAPPER.treeToValue(tree, LoadResults.class);
    } catch (JsonProcessingException e) {
      throw new InvalidResultsException(
          source + ": malformed results: " + e.getOriginalMessage() + locationOf(e), e);
    }
  }

  private static String locationOf(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      return " at " + mapping.getPathReference();
    }
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
