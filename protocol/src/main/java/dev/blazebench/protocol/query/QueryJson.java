package dev.blazebench.protocol.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blazebench.protocol.json.InvalidJsonException;
import dev.blazebench.protocol.json.RecordJson;

/**
 * The query document in plain JSON, for the REST and WebSocket APIs: the same shape as {@link
 * QueryDocument}, with values mapped by {@link RecordJson}'s rules (so {@code
 * "2025-03-01T00:00:00Z"} is a date and a canonical UUID string is a uuid).
 *
 * <pre>{@code
 * {"filters": [{"field": "status", "op": "eq", "value": "open"}],
 *  "sort": [{"field": "createdAt", "descending": true}],
 *  "limit": 100}
 * }</pre>
 *
 * Errors are {@link InvalidQueryException}s with the same paths as the BlazeBinary document's.
 */
public final class QueryJson {

  private static final ObjectMapper MAPPER = new ObjectMapper(RecordJson.FACTORY);

  private QueryJson() {}

  /** {@code query} as a JSON object; default parts are left out ({@link Query#all()} is {}). */
  public static JsonNode toJson(Query query) {
    return RecordJson.toNode(QueryDocument.toRecord(query));
  }

  /** {@code query} as JSON text. */
  public static String toJsonString(Query query) {
    try {
      return MAPPER.writeValueAsString(toJson(query));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /**
   * The query a JSON object describes, validated.
   *
   * @throws InvalidQueryException naming the path of the first problem
   */
  public static Query fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvalidQueryException(
          "",
          "a query must be a JSON object, was " + (json == null ? "nothing" : json.getNodeType()));
    }
    try {
      return QueryDocument.fromRecord(RecordJson.recordFromNode(json));
    } catch (InvalidJsonException e) {
      throw new InvalidQueryException(
          queryPath(e.path()), e.getMessage().substring(e.path().length() + 2));
    }
  }

  /**
   * The query a JSON text describes.
   *
   * @throws InvalidQueryException for malformed JSON or an invalid query
   */
  public static Query fromJson(String json) {
    JsonNode node;
    try (JsonParser parser = RecordJson.FACTORY.createParser(json)) {
      node = MAPPER.readTree(parser);
      if (parser.nextToken() != null) {
        throw new InvalidQueryException("", "unexpected content after the query's JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new InvalidQueryException(
          "",
          "malformed JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return fromJson(node);
  }

  /** {@code $.filters[0].value} becomes {@code filters[0].value}, as query paths are written. */
  private static String queryPath(String jsonPath) {
    if (jsonPath.startsWith("$.")) {
      return jsonPath.substring(2);
    }
    return jsonPath.equals("$") ? "" : jsonPath.substring(1);
  }
}
