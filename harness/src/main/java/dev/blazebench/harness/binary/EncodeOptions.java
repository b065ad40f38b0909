package dev.blazebench.harness.binary;

import dev.blazebench.binary.FormatVersion;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code binary encode} run, resolved from the command line before anything is read.
 *
 * @param input where the typed JSON comes from
 * @param version the record format; for operations, the format of changes that do not say theirs
 * @param hexOutput true to write hex text instead of raw bytes
 * @param outFile the file to write, or null for standard output
 * @param payload what the JSON holds
 */
public record EncodeOptions(
    InputSource input, FormatVersion version, boolean hexOutput, Path outFile, Payload payload) {

  public EncodeOptions {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(payload, "payload");
  }
}
