package dev.blazebench.protocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Turns what a REST call met into a {@link BlazeClientException} of the same {@link
 * BlazeClientException.Kind} a gRPC client would report for the same failure, so callers (and the
 * contract suite) handle every API alike.
 *
 * <p>An error response's body is {@code {"error": "<gRPC status code name>", "message": "..."}};
 * the code name decides the kind. A body without one (a proxy's HTML page, say) falls back on the
 * HTTP status: 400 is INVALID_ARGUMENT, 404 NOT_FOUND, 409 ALREADY_EXISTS, 413 and 429
 * RESOURCE_EXHAUSTED, 501 UNIMPLEMENTED, 502/503 UNAVAILABLE, 408/504 DEADLINE_EXCEEDED, other 5xx
 * INTERNAL.
 */
final class HttpFailures {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_MESSAGE_CHARS = 2_000;

  private HttpFailures() {}

  /** The failure an HTTP error response stands for. */
  static BlazeClientException fromResponse(String operation, int httpStatus, byte[] body) {
    Status.Code code = null;
    String message = null;
    try {
      JsonNode json = MAPPER.readTree(body);
      if (json != null && json.isObject()) {
        code = codeNamed(json.path("error").asText(""));
        message = json.path("message").isTextual() ? json.path("message").asText() : null;
      }
    } catch (IOException notJson) {
      // Not our error body: keep the HTTP status and show the text as it came.
    }
    if (code == null) {
      code = codeOfHttpStatus(httpStatus);
    }
    if (message == null) {
      message = new String(body, StandardCharsets.UTF_8);
      if (message.length() > MAX_MESSAGE_CHARS) {
        message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
      }
    }
    Status status = Status.fromCode(code).withDescription(message);
    return new BlazeClientException(
        BlazeClientException.Kind.of(code),
        status,
        operation + " failed with " + code + " (HTTP " + httpStatus + "): " + message,
        null);
  }

  /** The failure an I/O error on the connection stands for. */
  static BlazeClientException fromIo(String operation, IOException error) {
    Status.Code code;
    if (error instanceof HttpConnectTimeoutException || error instanceof ConnectException) {
      code = Status.Code.UNAVAILABLE;
    } else if (error instanceof HttpTimeoutException) {
      code = Status.Code.DEADLINE_EXCEEDED;
    } else {
      code = Status.Code.UNAVAILABLE;
    }
    return withCode(operation, code, error.toString(), error);
  }

  static BlazeClientException deadlineExceeded(String operation, Throwable cause) {
    return withCode(operation, Status.Code.DEADLINE_EXCEEDED, "deadline exceeded", cause);
  }

  static BlazeClientException cancelled(String operation, Throwable cause) {
    return withCode(operation, Status.Code.CANCELLED, "call cancelled", cause);
  }

  static BlazeClientException tooLarge(String operation, long limitBytes) {
    return withCode(
        operation,
        Status.Code.RESOURCE_EXHAUSTED,
        "response larger than the client's limit of " + limitBytes + " bytes",
        null);
  }

  static BlazeClientException withCode(
      String operation, Status.Code code, String description, Throwable cause) {
    return new BlazeClientException(
        BlazeClientException.Kind.of(code),
        Status.fromCode(code).withDescription(description).withCause(cause),
        operation + " failed with " + code + ": " + description,
        cause);
  }

  /** The code an HTTP status stands for when the body does not say. */
  static Status.Code codeOfHttpStatus(int httpStatus) {
    return switch (httpStatus) {
      case 400 -> Status.Code.INVALID_ARGUMENT;
      case 401 -> Status.Code.UNAUTHENTICATED;
      case 403 -> Status.Code.PERMISSION_DENIED;
      case 404 -> Status.Code.NOT_FOUND;
      case 408, 504 -> Status.Code.DEADLINE_EXCEEDED;
      case 409 -> Status.Code.ALREADY_EXISTS;
      case 413, 429 -> Status.Code.RESOURCE_EXHAUSTED;
      case 501 -> Status.Code.UNIMPLEMENTED;
      case 502, 503 -> Status.Code.UNAVAILABLE;
      default -> httpStatus >= 500 ? Status.Code.INTERNAL : Status.Code.UNKNOWN;
    };
  }

  private static Status.Code codeNamed(String name) {
    for (Status.Code code : Status.Code.values()) {
      if (code.name().equals(name) && code != Status.Code.OK) {
        return code;
      }
    }
    return null;
  }
}
