package dev.blazebench.harness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object being read as a typed value or an operation: it refuses properties its kind does
 * not define, so a misspelt {@code "vaule"} fails instead of being ignored.
 */
final class ValueObject {

  private final JsonNode node;
  private final JsonPath path;

  private ValueObject(JsonNode node, JsonPath path) {
    this.node = node;
    this.path = path;
  }

  /**
   * Checks that {@code node} is an object with no property outside {@code allowed}.
   *
   * @param kind what the object is, for messages ({@code "type \"int\""}, {@code "an operation"})
   */
  static ValueObject check(JsonNode node, JsonPath path, String kind, Set<String> allowed) {
    if (!node.isObject()) {
      throw new TypedJsonException(
          path, "expected a JSON object for " + kind + ", got " + JsonScalars.describe(node));
    }
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      if (!allowed.contains(name)) {
        throw new TypedJsonException(
            path,
            "unknown property \""
                + name
                + "\" for "
                + kind
                + " (allowed: "
                + String.join(", ", allowed)
                + ")");
      }
    }
    return new ValueObject(node, path);
  }

  JsonPath path() {
    return path;
  }

  JsonPath pathOf(String name) {
    return path.field(name);
  }

  /** The property {@code name}; fails naming it when absent. */
  JsonNode required(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new TypedJsonException(path, "missing property \"" + name + "\"");
    }
    return value;
  }

  /** The property {@code name}, or null when absent. */
  JsonNode optional(String name) {
    return node.get(name);
  }
}
