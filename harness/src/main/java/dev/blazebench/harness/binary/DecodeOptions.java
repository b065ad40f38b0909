package dev.blazebench.harness.binary;

import java.util.Objects;

/**
 * One {@code binary decode} run, resolved from the command line before anything is read.
 *
 * @param input where the bytes come from
 * @param hexInput true when the input is hex text rather than raw bytes
 * @param payload what the bytes hold
 */
public record DecodeOptions(InputSource input, boolean hexInput, Payload payload) {

  public DecodeOptions {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(payload, "payload");
  }
}
