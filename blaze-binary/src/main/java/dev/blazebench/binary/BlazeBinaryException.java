package dev.blazebench.binary;

/**
 * The one exception the decoders throw for malformed input: its message says what is wrong and at
 * which byte offset (counted from the start of the decoded record, operation or sequence).
 */
public final class BlazeBinaryException extends RuntimeException {

  private final long offset;

  public BlazeBinaryException(String problem, long offset) {
    super(problem + " at byte offset " + offset);
    this.offset = offset;
  }

  /** The byte offset of the problem, from the start of the decoded input. */
  public long offset() {
    return offset;
  }
}
