package dev.blazebench.binary;

/**
 * Thrown by the encoders for a value the BlazeBinary format cannot hold (a name over 65,535 UTF-8
 * bytes, too many fields, nesting too deep, an unpaired surrogate...). It is thrown before any byte
 * is written: an output buffer is left as it was.
 */
public final class BlazeEncodingException extends IllegalArgumentException {

  public BlazeEncodingException(String message) {
    super(message);
  }
}
