package dev.blazebench.harness.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.json.TypedJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinaryCommandsTest {

  private static final String PRIORITY_1 = "{\"priority\":{\"type\":\"int\",\"value\":1}}";

  private static final String EVERY_TYPE =
      "{"
          + "\"title\":{\"type\":\"string\",\"value\":\"Fix login bug\"},"
          + "\"priority\":{\"type\":\"int\",\"value\":\"-9223372036854775808\"},"
          + "\"average\":{\"type\":\"double\",\"bits\":\"7ff0000000000001\"},"
          + "\"sum\":{\"type\":\"double\",\"value\":-0.0},"
          + "\"isActive\":{\"type\":\"bool\",\"value\":true},"
          + "\"id\":{\"type\":\"uuid\",\"value\":\"550E8400-E29B-41D4-A716-446655440000\"},"
          + "\"createdAt\":{\"type\":\"date\",\"unixSeconds\":1700000000.25},"
          + "\"attachment\":{\"type\":\"data\",\"hex\":\"00ff\"},"
          + "\"tags\":{\"type\":\"array\",\"items\":[{\"type\":\"string\",\"value\":\"auth\"}]},"
          + "\"metadata\":{\"type\":\"dictionary\",\"entries\":"
          + "{\"key\":{\"type\":\"string\",\"value\":\"value\"}}},"
          + "\"embedding\":{\"type\":\"vector\",\"values\":[0.5,-1.0]},"
          + "\"deletedAt\":{\"type\":\"null\"},"
          + "\"µ name\":{\"type\":\"int\",\"value\":256}"
          + "}";

  private static final String OPERATION =
      "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"lamportCounter\":\"18446744073709551615\","
          + "\"lamportNodeId\":\"00000000-0000-0000-0000-000000000002\","
          + "\"nodeId\":\"00000000-0000-0000-0000-000000000003\",\"type\":\"update\","
          + "\"collection\":\"bugs\",\"recordId\":\"00000000-0000-0000-0000-000000000004\","
          + "\"changes\":"
          + PRIORITY_1
          + ",\"changesVersion\":2,"
          + "\"dependencies\":[\"00000000-0000-0000-0000-000000000005\"],\"role\":\"server\","
          + "\"nonce\":\"000102030405060708090a0b0c0d0e0f\",\"expiresAt\":1700000000,"
          + "\"signature\":\"00000000000000000000000000000000000000000000000000000000000000ff\"}";

  @Test
  void decodesHexFromStdinToPrettyTypedJson() {
    CliRun run = CliRun.run("424c415a450200010912018f4fe9dc\n", "binary", "decode", "--hex");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.stdout())
        .isEqualTo(
            "{\n"
                + "  \"priority\": {\n"
                + "    \"type\": \"int\",\n"
                + "    \"value\": 1\n"
                + "  }\n"
                + "}\n");
    assertThat(run.stderr()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "1, 424c415a45010001091201",
    "2, 424c415a450200010912018f4fe9dc",
  })
  void encodesTheDocumentedBytesForEachVersion(String version, String expectedHex) {
    CliRun run = CliRun.run(PRIORITY_1, "binary", "encode", "--version", version, "--hex");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.stdout()).isEqualTo(expectedHex + "\n");
  }

  @Test
  void encodesTheDocumentedDateAndKeyOrderExamples() {
    assertThat(
            CliRun.run(
                    "{\"createdAt\":{\"type\":\"date\",\"iso\":\"1970-01-01T00:00:00Z\"}}",
                    "binary",
                    "encode",
                    "--hex")
                .stdout())
        .isEqualTo("424c415a450100010206c1cd27e440000000\n");
    assertThat(
            CliRun.run(
                    "{\"a\":{\"type\":\"int\",\"value\":1},\"Z\":{\"type\":\"int\",\"value\":2},"
                        + "\"id\":{\"type\":\"int\",\"value\":3},\"_\":{\"type\":\"int\",\"value\":4}}",
                    "binary",
                    "encode",
                    "--hex")
                .stdout())
        .isEqualTo("424c415a45010004ff00015a1202ff00015f1204ff0001611201011203\n");
  }

  @ParameterizedTest
  @CsvSource({"1", "2"})
  void everyTypeRoundTripsThroughFiles(String version, @TempDir Path dir) throws IOException {
    Path json = Files.writeString(dir.resolve("record.json"), EVERY_TYPE);
    Path bin = dir.resolve("record.bin");

    CliRun encode =
        CliRun.run(
            "", "binary", "encode", "--version", version, "--out", bin.toString(), json.toString());
    CliRun decode = CliRun.run("", "binary", "decode", bin.toString());

    assertThat(encode.exitCode()).as(encode.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(encode.stdoutBytes()).isEmpty();
    assertThat(Files.readAllBytes(bin))
        .startsWith(0x42, 0x4c, 0x41, 0x5a, 0x45, Integer.parseInt(version));
    assertThat(decode.exitCode()).as(decode.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(TypedJson.readRecord(decode.stdout())).isEqualTo(TypedJson.readRecord(EVERY_TYPE));
    // Decoding prints exact bits, so encoding the printed JSON gives the same bytes.
    Path again = Files.writeString(dir.resolve("again.json"), decode.stdout());
    CliRun reencode =
        CliRun.run("", "binary", "encode", "--version", version, "--hex", again.toString());
    assertThat(reencode.stdout().trim()).isEqualTo(HexText.format(Files.readAllBytes(bin)));
  }

  @Test
  void decodedOutputKeepsNanBitsAndShowsReadableValues() {
    BlazeRecord record =
        BlazeRecord.builder()
            .put("average", BlazeValue.numberFromBits(0x7ff0000000000001L))
            .put("createdAt", BlazeValue.dateFromBits(0L))
            .build();
    String hex =
        CliRun.run(TypedJson.writeRecord(record).toString(), "binary", "encode", "--hex").stdout();

    String decoded = CliRun.run(hex, "binary", "decode", "--hex").stdout();

    assertThat(decoded)
        .contains("\"bits\": \"7ff0000000000001\",\n    \"value\": \"NaN\"")
        .contains("\"iso\": \"2001-01-01T00:00:00Z\"")
        .contains("\"sinceReferenceDate\": 0.0");
  }

  @Test
  void rawBytesGoToStdoutWhenItIsNotATerminal() {
    CliRun run = CliRun.run(PRIORITY_1.getBytes(StandardCharsets.UTF_8), false, "binary", "encode");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(BlazeBinaryDecoder.withDefaults().decode(run.stdoutBytes()))
        .isEqualTo(TypedJson.readRecord(PRIORITY_1));
  }

  @Test
  void refusesToWriteBinaryToATerminal() {
    CliRun run = CliRun.run(PRIORITY_1.getBytes(StandardCharsets.UTF_8), true, "binary", "encode");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("refusing to write binary to a terminal");
    assertThat(run.stdoutBytes()).isEmpty();
  }

  @Test
  void hexToATerminalIsFine() {
    CliRun run =
        CliRun.run(PRIORITY_1.getBytes(StandardCharsets.UTF_8), true, "binary", "encode", "--hex");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void operationRoundTripsThroughFiles(@TempDir Path dir) throws IOException {
    Path json = Files.writeString(dir.resolve("op.json"), OPERATION);
    Path bin = dir.resolve("op.bin");

    CliRun encode =
        CliRun.run("", "binary", "encode", "--operation", "-o", bin.toString(), json.toString());
    CliRun decode = CliRun.run("", "binary", "decode", "--operation", bin.toString());

    assertThat(encode.exitCode()).as(encode.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(decode.exitCode()).as(decode.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(decode.stdout())
        .contains("\"lamportCounter\": 18446744073709551615")
        .contains("\"type\": \"update\"")
        .contains("\"changesVersion\": 2")
        .contains("\"expiresAtIso\": \"2023-11-14T22:13:20Z\"");
    assertThat(TypedJson.readOperation(decode.stdout(), dev.blazebench.binary.FormatVersion.V1))
        .isEqualTo(TypedJson.readOperation(OPERATION, dev.blazebench.binary.FormatVersion.V1));
  }

  @Test
  void sequencesOfRecordsAndOperationsRoundTrip() {
    String records = "[" + PRIORITY_1 + ",{}," + EVERY_TYPE + "]";
    String operations = "[" + OPERATION + "," + OPERATION + "]";

    String recordsHex =
        CliRun.run(records, "binary", "encode", "--sequence", "--version", "2", "--hex").stdout();
    String operationsHex =
        CliRun.run(operations, "binary", "encode", "--sequence", "--of", "operations", "--hex")
            .stdout();

    assertThat(recordsHex).startsWith("00000003");
    CliRun decodedRecords = CliRun.run(recordsHex, "binary", "decode", "--hex", "--sequence");
    assertThat(decodedRecords.exitCode()).as(decodedRecords.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(TypedJson.readRecords(decodedRecords.stdout()))
        .isEqualTo(TypedJson.readRecords(records));
    CliRun decodedOperations =
        CliRun.run(operationsHex, "binary", "decode", "--hex", "--sequence", "--of", "operations");
    assertThat(decodedOperations.exitCode()).as(decodedOperations.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(
            TypedJson.readOperations(
                decodedOperations.stdout(), dev.blazebench.binary.FormatVersion.V1))
        .hasSize(2);
  }

  @Test
  void malformedBytesExitOneWithTheDecodersMessageAndOffset() {
    // {"priority": 1} v1 with the value's tag replaced by 0x17, which no type uses.
    CliRun run = CliRun.run("424c415a450100010917 01", "binary", "decode", "--hex");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .startsWith("blazebench binary decode: cannot decode standard input as a record: ")
        .contains("at byte offset 9");
    assertThat(run.stdoutBytes()).isEmpty();
  }

  @Test
  void truncatedFileExitsOneNamingTheFile(@TempDir Path dir) throws IOException {
    Path bin = Files.write(dir.resolve("cut.bin"), HexText.parse("424c415a4501000109"));

    CliRun run = CliRun.run("", "binary", "decode", bin.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .contains("cannot decode '" + bin + "' as a record: ")
        .contains("offset");
  }

  @Test
  void hexTextWithoutHexFlagGetsAHint() {
    CliRun run = CliRun.run("424c415a45010000\n", "binary", "decode");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("(it looks like hex text: add --hex)");
  }

  @Test
  void badHexExitsOneNamingThePosition() {
    CliRun run = CliRun.run("424c41zz", "binary", "decode", "--hex");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .isEqualTo(
            "blazebench binary decode: cannot read hex from standard input: invalid hex digit"
                + " 'z' at line 1, column 7 (character 7)\n");
  }

  @Test
  void missingFileExitsOne() {
    CliRun run = CliRun.run("", "binary", "decode", "/nonexistent/bug.bin");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .isEqualTo("blazebench binary decode: cannot read '/nonexistent/bug.bin': no such file\n");
  }

  @Test
  void typedJsonErrorsExitOneWithThePath() {
    String json =
        "{\"tags\":{\"type\":\"array\",\"items\":[{\"type\":\"null\"},{\"type\":\"null\"},"
            + "{\"type\":\"strng\",\"value\":\"x\"}]}}";

    CliRun run = CliRun.run(json, "binary", "encode", "--hex");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .startsWith("blazebench binary encode: $.tags.items[2]: unknown type \"strng\"");
  }

  @Test
  void duplicateKeysExitOne() {
    CliRun run =
        CliRun.run(
            PRIORITY_1.replace("}}", "},\"priority\":{\"type\":\"null\"}}"),
            "binary",
            "encode",
            "--hex");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("Duplicate field 'priority'");
  }

  @Test
  void encoderRefusalExitsOne() {
    String longName = "n".repeat(65_536);
    CliRun run =
        CliRun.run("{\"" + longName + "\":{\"type\":\"null\"}}", "binary", "encode", "--hex");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).startsWith("blazebench binary encode: ").doesNotContain("\tat ");
  }

  @Test
  void formatVersionOtherThanOneOrTwoIsBadInput() {
    CliRun run = CliRun.run(PRIORITY_1, "binary", "encode", "--version", "3", "--hex");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .startsWith("blazebench binary encode: --version must be 1 or 2, not 3");
  }

  @Test
  void contradictoryFlagsAreBadInput() {
    CliRun run = CliRun.run("", "binary", "decode", "--operation", "--sequence");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("--operation and --sequence exclude each other");
  }

  @Test
  void dashReadsStandardInput() {
    CliRun run = CliRun.run("424c415a45010000", "binary", "decode", "--hex", "-");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.stdout()).isEqualTo("{}\n");
  }
}
