package dev.blazebench.protocol.client;

import io.grpc.Status;

/**
 * A failed call of a {@link BlazeClient}: what kind of failure, the gRPC status behind it (when the
 * server or transport gave one), and a message naming the operation and the problem.
 */
public final class BlazeClientException extends RuntimeException {

  /** The kinds of failure a caller handles differently. */
  public enum Kind {
    /** The request was refused as malformed or invalid (INVALID_ARGUMENT). */
    INVALID_ARGUMENT,
    /** No record with that id (NOT_FOUND). */
    NOT_FOUND,
    /** The record exists already (ALREADY_EXISTS). */
    ALREADY_EXISTS,
    /** Over a size limit or quota (RESOURCE_EXHAUSTED). */
    RESOURCE_EXHAUSTED,
    /** The server cannot be reached or went away (UNAVAILABLE); worth retrying. */
    UNAVAILABLE,
    /** The call's deadline passed (DEADLINE_EXCEEDED). */
    DEADLINE_EXCEEDED,
    /** The server does not serve this method (UNIMPLEMENTED). */
    UNIMPLEMENTED,
    /** The call was cancelled (CANCELLED), by the caller or the transport. */
    CANCELLED,
    /** The server answered, but its answer could not be decoded. */
    MALFORMED_RESPONSE,
    /** A failure inside the server (INTERNAL, UNKNOWN, DATA_LOSS). */
    SERVER_ERROR,
    /** Any other status. */
    OTHER;

    /** The kind of a status code. */
    public static Kind of(Status.Code code) {
      return switch (code) {
        case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> INVALID_ARGUMENT;
        case NOT_FOUND -> NOT_FOUND;
        case ALREADY_EXISTS -> ALREADY_EXISTS;
        case RESOURCE_EXHAUSTED -> RESOURCE_EXHAUSTED;
        case UNAVAILABLE -> UNAVAILABLE;
        case DEADLINE_EXCEEDED -> DEADLINE_EXCEEDED;
        case UNIMPLEMENTED -> UNIMPLEMENTED;
        case CANCELLED -> CANCELLED;
        case INTERNAL, UNKNOWN, DATA_LOSS -> SERVER_ERROR;
        default -> OTHER;
      };
    }
  }

  private final Kind kind;
  private final Status status;

  public BlazeClientException(Kind kind, Status status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** The gRPC status, or null when the failure was on this side (a response that cannot decode). */
  public Status status() {
    return status;
  }
}
