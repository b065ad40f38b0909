package dev.blazebench.server.core;

import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeEncodingException;
import dev.blazebench.protocol.bugs.BugMappingException;
import dev.blazebench.protocol.json.InvalidJsonException;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.server.core.ApiError.Code;
import dev.blazebench.server.store.DuplicateRecordException;
import dev.blazebench.server.store.InvalidCollectionNameException;
import dev.blazebench.server.store.InvalidRecordException;
import dev.blazebench.server.store.OperationRejectedException;
import dev.blazebench.server.store.RecordNotFoundException;
import dev.blazebench.server.store.StoreClosedException;

/**
 * The one mapping from exceptions to {@link ApiError}s that every adapter shares, so a failure gets
 * the same code (and so the same gRPC or HTTP status) on every API:
 *
 * <pre>
 * OperationRejectedException                                   its cause's code, "operations[i]: ..."
 * RecordNotFoundException                                      NOT_FOUND
 * DuplicateRecordException                                     ALREADY_EXISTS
 * InvalidQueryException                                        INVALID_ARGUMENT "invalid query: ..."
 * BlazeBinaryException                                         INVALID_ARGUMENT "malformed BlazeBinary: ..."
 * InvalidRecordException, InvalidCollectionNameException,
 *   BlazeEncodingException, InvalidJsonException,
 *   BugMappingException, InvalidRequestException               INVALID_ARGUMENT (their message)
 * StoreClosedException                                         UNAVAILABLE
 * anything else (StoreException, StoreCorruptedException, bugs) INTERNAL "Type: message"
 * </pre>
 *
 * A record over the store's size limit is an {@code InvalidRecordException} and so
 * INVALID_ARGUMENT; RESOURCE_EXHAUSTED is what the transports report for a <em>message</em> over
 * their limit, before any adapter runs.
 */
public final class ApiErrors {

  private ApiErrors() {}

  /** The API error for {@code error}. */
  public static ApiError classify(Throwable error) {
    if (error instanceof OperationRejectedException e) {
      // The refused operation's own code, its message prefixed with which operation it was.
      ApiError cause = classify(e.getCause());
      return new ApiError(cause.code(), "operations[" + e.index() + "]: " + cause.message(), e);
    }
    if (error instanceof RecordNotFoundException e) {
      return new ApiError(Code.NOT_FOUND, e.getMessage(), e);
    }
    if (error instanceof DuplicateRecordException e) {
      return new ApiError(Code.ALREADY_EXISTS, e.getMessage(), e);
    }
    if (error instanceof InvalidQueryException e) {
      return new ApiError(Code.INVALID_ARGUMENT, "invalid query: " + e.getMessage(), e);
    }
    if (error instanceof BlazeBinaryException e) {
      return new ApiError(Code.INVALID_ARGUMENT, "malformed BlazeBinary: " + e.getMessage(), e);
    }
    if (error instanceof InvalidRecordException
        || error instanceof InvalidCollectionNameException
        || error instanceof BlazeEncodingException
        || error instanceof InvalidJsonException
        || error instanceof BugMappingException
        || error instanceof InvalidRequestException) {
      return new ApiError(Code.INVALID_ARGUMENT, String.valueOf(error.getMessage()), error);
    }
    if (error instanceof StoreClosedException e) {
      return new ApiError(Code.UNAVAILABLE, e.getMessage(), e);
    }
    return new ApiError(
        Code.INTERNAL, error.getClass().getSimpleName() + ": " + error.getMessage(), error);
  }
}
