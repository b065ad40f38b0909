package dev.blazebench.harness.binary;

import dev.blazebench.binary.FormatVersion;
import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import dev.blazebench.harness.json.TypedJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blazebench binary encode}: typed JSON in, BlazeBinary bytes (or their hex) out. */
@Command(
    name = "encode",
    sortOptions = false,
    sortSynopsis = false,
    description =
        "Encode typed JSON (the form 'binary decode' prints) as a BlazeBinary record, operation"
            + " or sequence. Errors name the JSON path of the offending value.",
    footer = {
      "%nTyped JSON: an object of field name to typed value, each one of",
      "  {\"type\":\"string\",\"value\":\"...\"}",
      "  {\"type\":\"int\",\"value\":1}            (or a decimal string: \"-1\")",
      "  {\"type\":\"double\",\"bits\":\"3ff0000000000000\"}",
      "                      (or \"value\": 1.0, \"NaN\", \"Infinity\")",
      "  {\"type\":\"bool\",\"value\":true}",
      "  {\"type\":\"uuid\",\"value\":\"550E8400-E29B-41D4-A716-446655440000\"}",
      "  {\"type\":\"date\",\"bits\":\"c1cd27e440000000\"}",
      "                      (or \"sinceReferenceDate\", \"unixSeconds\", \"iso\")",
      "  {\"type\":\"data\",\"hex\":\"cafe\"}",
      "  {\"type\":\"array\",\"items\":[...]}",
      "  {\"type\":\"dictionary\",\"entries\":{...}}",
      "  {\"type\":\"vector\",\"values\":[0.5,-1.0]}",
      "  {\"type\":\"null\"}",
      "Where both are given, \"bits\" win.",
      "%nExamples:",
      "  blazebench binary encode --version 2 --out bug.bin bug.json",
      "  echo '{\"priority\":{\"type\":\"int\",\"value\":1}}' | blazebench binary encode --hex",
      "  blazebench binary encode --operation --hex op.json"
    })
public final class BinaryEncodeCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "Typed JSON to encode; '-' (the default) reads standard input.")
  String input;

  @Option(
      names = "--version",
      paramLabel = "1|2",
      defaultValue = "1",
      description = {
        "Record format: 1 = no checksum (BlazeDB's default), 2 = CRC-32 trailer."
            + " Default: ${DEFAULT-VALUE}.",
        "With --operation, the format of changes whose JSON has no changesVersion."
      })
  int formatVersion;

  @Option(names = "--hex", description = "Write hex text (one line) instead of raw bytes.")
  boolean hexOutput;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path outFile;

  @Option(names = "--operation", description = "The JSON is one sync operation.")
  boolean operation;

  @Option(
      names = "--sequence",
      description = "The JSON is an array, written as a sequence (u32 count, u32 length + item).")
  boolean sequence;

  @Option(
      names = "--of",
      paramLabel = "records|operations",
      description = "What the sequence holds (default: records).")
  String sequenceOf;

  private final CliStreams streams;

  public BinaryEncodeCommand(CliStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException {
    EncodeOptions options = resolveOptions();
    byte[] json = options.input().readAllBytes(streams.in());
    byte[] encoded = options.payload().encodeFromJson(TypedJson.parse(json), options.version());
    writeOutput(encoded, options);
    return ExitCodes.OK;
  }

  private EncodeOptions resolveOptions() {
    FormatVersion version;
    if (formatVersion == 1) {
      version = FormatVersion.V1;
    } else if (formatVersion == 2) {
      version = FormatVersion.V2;
    } else {
      throw new ParameterException(
          spec.commandLine(), "--version must be 1 or 2, not " + formatVersion);
    }
    if (outFile == null && !hexOutput && streams.stdoutIsTerminal()) {
      // Checked before reading stdin, so the user is not left typing JSON for nothing.
      throw new ParameterException(
          spec.commandLine(),
          "refusing to write binary to a terminal: use --out FILE, --hex, or pipe the output");
    }
    try {
      return new EncodeOptions(
          InputSource.of(input),
          version,
          hexOutput,
          outFile,
          Payload.fromFlags(operation, sequence, sequenceOf));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private void writeOutput(byte[] encoded, EncodeOptions options) throws IOException {
    byte[] output =
        options.hexOutput()
            ? (HexText.format(encoded) + "\n").getBytes(StandardCharsets.US_ASCII)
            : encoded;
    if (options.outFile() == null) {
      streams.writeBytes(output);
      return;
    }
    try {
      Files.write(options.outFile(), output);
    } catch (IOException e) {
      throw new BadInputException("cannot write '" + options.outFile() + "': " + e, e);
    }
  }
}
