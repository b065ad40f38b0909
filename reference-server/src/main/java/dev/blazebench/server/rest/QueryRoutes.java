package dev.blazebench.server.rest;

import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.core.InvalidRequestException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The query routes: {@code POST /v1/{collection}/query} and {@code /aggregate} take a query
 * document as JSON ({@link dev.blazebench.protocol.query.QueryJson}), with the same semantics and
 * errors as every other API; {@code GET /api/{collection}?field=value&limit=n} is the seed's REST
 * form of a simple query.
 */
final class QueryRoutes {

  private final BlazeDatabase db;
  private final WorkerCalls calls;

  QueryRoutes(BlazeDatabase db, WorkerCalls calls) {
    this.db = db;
    this.calls = calls;
  }

  /** 200 with {@code {"records": [...], "count": n}}; an aggregation query is a 400. */
  void query(RoutingContext context) {
    String collection = RequestParams.collection(context);
    Buffer body = context.body().buffer();
    calls.respond(
        context,
        () ->
            Reply.ok(JsonBodies.envelope("records", db.query(collection, JsonBodies.query(body)))));
  }

  /** 200 with {@code {"rows": [...], "count": n}}; a query without groupBy/aggregates is a 400. */
  void aggregate(RoutingContext context) {
    String collection = RequestParams.collection(context);
    Buffer body = context.body().buffer();
    calls.respond(
        context,
        () ->
            Reply.ok(
                JsonBodies.envelope("rows", db.aggregate(collection, JsonBodies.query(body)))));
  }

  /**
   * {@code GET /api/{collection}?status=open&limit=1000}: the seed's REST request. {@code limit},
   * {@code offset} and {@code sort} (comma-separated fields, {@code -} for descending: {@code
   * sort=-createdAt,title}) shape the result; every other parameter is an equality filter, its
   * value typed as an integer ({@code priority=5}), {@code true}/{@code false}, or else by the JSON
   * mapping's string rules (a UUID or RFC 3339 date is typed, anything else is a string). Answers
   * {@code {"<collection>": [...]}} as the seed shows.
   */
  void simpleQuery(RoutingContext context) {
    String collection = RequestParams.collection(context);
    Query query = simpleQuery(context.queryParams());
    calls.respond(
        context,
        () -> Reply.ok(JsonBodies.envelopeWithoutCount(collection, db.query(collection, query))));
  }

  static Query simpleQuery(MultiMap parameters) {
    Query.Builder query = Query.builder();
    for (Map.Entry<String, String> parameter : parameters) {
      String name = parameter.getKey();
      String value = parameter.getValue();
      switch (name) {
        case "limit" -> query.limit(RequestParams.parseNonNegativeInt("limit", value));
        case "offset" -> query.offset(RequestParams.parseNonNegativeInt("offset", value));
        case "sort" -> {
          for (String key : value.split(",", -1)) {
            if (key.isEmpty() || key.equals("-")) {
              throw new InvalidRequestException(
                  "sort: expected comma-separated field names, was \"" + value + "\"");
            }
            if (key.startsWith("-")) {
              query.sortDescending(key.substring(1));
            } else {
              query.sortAscending(key);
            }
          }
        }
        default -> query.whereEquals(name, parameterValue(value));
      }
    }
    return query.build();
  }

  private static BlazeValue parameterValue(String text) {
    if (text.equals("true") || text.equals("false")) {
      return BlazeValue.bool(Boolean.parseBoolean(text));
    }
    if (isInteger(text)) {
      try {
        return BlazeValue.integer(Long.parseLong(text));
      } catch (NumberFormatException beyond64Bits) {
        return BlazeValue.string(text);
      }
    }
    return RecordJson.stringValue(text);
  }

  private static boolean isInteger(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start || text.length() > 20) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
