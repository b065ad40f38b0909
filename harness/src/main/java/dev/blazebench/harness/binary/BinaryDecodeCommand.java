package dev.blazebench.harness.binary;

import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import dev.blazebench.harness.json.TypedJson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blazebench binary decode}: BlazeBinary bytes in, typed JSON out. */
@Command(
    name = "decode",
    sortOptions = false,
    sortSynopsis = false,
    description = {
      "Decode a BlazeBinary record (or an operation, or a sequence) and print it as typed JSON.",
      "Malformed input fails with what is wrong and its byte offset."
    },
    footer = {
      "%nExamples:",
      "  blazebench binary decode bug.bin",
      "  blazebench binary decode --hex <<< 424c415a450200010912018f4fe9dc",
      "  blazebench binary decode --sequence --of operations oplog.bin"
    })
public final class BinaryDecodeCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "File to decode; '-' (the default) reads standard input.")
  String input;

  @Option(
      names = "--hex",
      description = "The input is hex text (whitespace ignored, optional 0x prefix).")
  boolean hexInput;

  @Option(names = "--operation", description = "The input is one sync operation.")
  boolean operation;

  @Option(
      names = "--sequence",
      description = "The input is a sequence: u32 count, then u32 length + bytes per item.")
  boolean sequence;

  @Option(
      names = "--of",
      paramLabel = "records|operations",
      description = "What the sequence holds (default: records).")
  String sequenceOf;

  private final CliStreams streams;

  public BinaryDecodeCommand(CliStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    DecodeOptions options = resolveOptions();
    byte[] bytes = options.input().readAllBytes(streams.in());
    if (options.hexInput()) {
      bytes = parseHex(bytes, options.input());
    }
    String json;
    try {
      json = TypedJson.toPrettyString(options.payload().decodeToJson(bytes));
    } catch (BlazeBinaryException e) {
      String hint =
          !options.hexInput() && looksLikeHexText(bytes)
              ? " (it looks like hex text: add --hex)"
              : "";
      throw new BadInputException(
          "cannot decode "
              + options.input().displayName()
              + " as "
              + options.payload().description()
              + ": "
              + e.getMessage()
              + hint,
          e);
    }
    streams.outText().println(json);
    streams.outText().flush();
    return ExitCodes.OK;
  }

  private DecodeOptions resolveOptions() {
    try {
      return new DecodeOptions(
          InputSource.of(input), hexInput, Payload.fromFlags(operation, sequence, sequenceOf));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private static byte[] parseHex(byte[] text, InputSource input) {
    try {
      return HexText.parse(new String(text, StandardCharsets.UTF_8));
    } catch (BadInputException e) {
      throw new BadInputException(
          "cannot read hex from " + input.displayName() + ": " + e.getMessage(), e);
    }
  }

  /** Raw BlazeBinary starts with "BLAZE"; text of only hex digits and blanks was meant as hex. */
  private static boolean looksLikeHexText(byte[] bytes) {
    if (bytes.length < 2) {
      return false;
    }
    for (byte b : bytes) {
      char c = (char) (b & 0xFF);
      boolean hexOrBlank =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == 'x'
              || Character.isWhitespace(c);
      if (!hexOrBlank) {
        return false;
      }
    }
    return true;
  }
}
