package dev.blazebench.server.rest;

import dev.blazebench.server.core.InvalidRequestException;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** The path and query parameters of REST requests, checked; bad ones are 400s naming them. */
final class RequestParams {

  private RequestParams() {}

  /** The {@code :collection} path segment, percent-decoded; the store checks its rules. */
  static String collection(RoutingContext context) {
    return context.pathParam("collection");
  }

  /** The {@code :id} path segment: a UUID in its canonical 8-4-4-4-12 form. */
  static UUID id(RoutingContext context) {
    String text = context.pathParam("id");
    if (text == null || !isCanonicalUuid(text)) {
      throw new InvalidRequestException(
          "id: \""
              + text
              + "\" is not a UUID (expected 8-4-4-4-12 hex digits, as"
              + " 550e8400-e29b-41d4-a716-446655440000)");
    }
    return UUID.fromString(text);
  }

  /**
   * Whether {@code ?return=id} asks for ids only; {@code ?return=record} (the default) asks for the
   * stored records.
   */
  static boolean returnIdsOnly(RoutingContext context) {
    String value = context.queryParams().get("return");
    if (value == null || value.equals("record")) {
      return false;
    }
    if (value.equals("id")) {
      return true;
    }
    throw new InvalidRequestException(
        "return: expected \"id\" or \"record\", was \"" + value + "\"");
  }

  /** {@code ?batchSize=n} (records per database read of a stream), or {@code fallback}. */
  static int batchSize(RoutingContext context, int fallback) {
    String value = context.queryParams().get("batchSize");
    if (value == null) {
      return fallback;
    }
    int size = parseNonNegativeInt("batchSize", value);
    if (size == 0) {
      return fallback; // as gRPC's batch_size 0: the server's default
    }
    return size;
  }

  static int parseNonNegativeInt(String name, String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(
        name + ": expected a non-negative integer below 2^31, was \"" + value + "\"");
  }

  private static boolean isCanonicalUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok =
          (i == 8 || i == 13 || i == 18 || i == 23)
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
