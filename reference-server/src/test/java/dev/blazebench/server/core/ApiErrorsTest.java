package dev.blazebench.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.server.core.ApiError.Code;
import dev.blazebench.server.store.DuplicateRecordException;
import dev.blazebench.server.store.InvalidRecordException;
import dev.blazebench.server.store.RecordNotFoundException;
import dev.blazebench.server.store.StoreClosedException;
import dev.blazebench.server.store.StoreException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

  private static final UUID ID = new UUID(7, 7);

  @Test
  void storeFailuresMapToTheirCodes() {
    assertThat(ApiErrors.classify(new RecordNotFoundException("bugs", ID)).code())
        .isEqualTo(Code.NOT_FOUND);
    assertThat(ApiErrors.classify(new DuplicateRecordException("bugs", ID)).code())
        .isEqualTo(Code.ALREADY_EXISTS);
    InvalidRecordException invalid = new InvalidRecordException("createdAt: must be a date");
    assertThat(ApiErrors.classify(invalid))
        .isEqualTo(new ApiError(Code.INVALID_ARGUMENT, "createdAt: must be a date", invalid));
    assertThat(ApiErrors.classify(new StoreClosedException("closed")).code())
        .isEqualTo(Code.UNAVAILABLE);
    ApiError internal = ApiErrors.classify(new StoreException("disk full"));
    assertThat(internal.code()).isEqualTo(Code.INTERNAL);
    assertThat(internal.message()).isEqualTo("StoreException: disk full");
  }

  @Test
  void malformedInputAndInvalidQueriesAreInvalidArgumentWithTheirMessage() {
    ApiError query = ApiErrors.classify(new InvalidQueryException("limit", "must not be negative"));
    assertThat(query.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(query.message()).isEqualTo("invalid query: limit: must not be negative");

    BlazeBinaryException decode = decodeFailure();
    ApiError binary = ApiErrors.classify(decode);
    assertThat(binary.code()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(binary.message()).isEqualTo("malformed BlazeBinary: " + decode.getMessage());

    assertThat(ApiErrors.classify(new InvalidRequestException("id: an id is 16 bytes, was 3")))
        .extracting(ApiError::code, ApiError::message)
        .containsExactly(Code.INVALID_ARGUMENT, "id: an id is 16 bytes, was 3");
  }

  @Test
  void codesCarryTheirHttpStatus() {
    assertThat(Code.INVALID_ARGUMENT.httpStatus()).isEqualTo(400);
    assertThat(Code.NOT_FOUND.httpStatus()).isEqualTo(404);
    assertThat(Code.ALREADY_EXISTS.httpStatus()).isEqualTo(409);
    assertThat(Code.RESOURCE_EXHAUSTED.httpStatus()).isEqualTo(413);
    assertThat(Code.UNAVAILABLE.httpStatus()).isEqualTo(503);
    assertThat(Code.INTERNAL.httpStatus()).isEqualTo(500);
  }

  private static BlazeBinaryException decodeFailure() {
    try {
      BlazeBinaryDecoder.withDefaults().decode(new byte[] {'B', 'L', 'A'});
    } catch (BlazeBinaryException e) {
      return e;
    }
    throw new AssertionError("three bytes decoded");
  }
}
