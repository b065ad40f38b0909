package dev.blazebench.server.core;

import java.util.Objects;

/**
 * A failed request as every API adapter reports it, before it becomes a gRPC status or an HTTP
 * status: one {@link Code} and a message that names the problem (and where, for malformed input).
 * {@link ApiErrors#classify} makes one from any exception, so that the same failure gets the same
 * code on every API.
 *
 * @param code what kind of failure
 * @param message for the client; never null
 * @param cause the exception it came from, or null
 */
public record ApiError(Code code, String message, Throwable cause) {

  /** The kinds of failure a client handles differently; each maps to one gRPC and HTTP status. */
  public enum Code {
    /** Malformed or invalid input: gRPC INVALID_ARGUMENT, HTTP 400. */
    INVALID_ARGUMENT(400),
    /** No such record: gRPC NOT_FOUND, HTTP 404. */
    NOT_FOUND(404),
    /** The id is taken: gRPC ALREADY_EXISTS, HTTP 409. */
    ALREADY_EXISTS(409),
    /** Over a size limit: gRPC RESOURCE_EXHAUSTED, HTTP 413. */
    RESOURCE_EXHAUSTED(413),
    /** The store is closed (the server is shutting down): gRPC UNAVAILABLE, HTTP 503. */
    UNAVAILABLE(503),
    /** A failure inside the server: gRPC INTERNAL, HTTP 500. */
    INTERNAL(500);

    private final int httpStatus;

    Code(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** The HTTP status code REST answers with. */
    public int httpStatus() {
      return httpStatus;
    }
  }

  public ApiError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
