package dev.blazebench.harness.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.reports.model.RunResults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blazebench gate} end to end on results.json files the real writer wrote. */
class GateCommandTest {

  @TempDir Path dir;

  @Test
  void twoRunsOfTheSameSystemPassAndWriteBothReports() throws Exception {
    Path baseline = RunFixtures.writeRun(dir.resolve("base"), 1, 1.0, "fetch-1000", "get-one");
    Path current = RunFixtures.writeRun(dir.resolve("cur"), 2, 1.0, "fetch-1000", "get-one");
    Path junit = dir.resolve("out/gate.xml");
    Path markdown = dir.resolve("out/gate.md");

    CliRun run =
        gate(
            "--baseline",
            baseline.toString(),
            "--current",
            current.toString(),
            "--junit",
            junit.toString(),
            "--markdown",
            markdown.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(run.stdout())
        .endsWith(
            "blazebench gate: pass: 18 metrics, 0 regressed, 0 unclear, 0 improved, 18 passed,"
                + " 0 without data\n");
    assertThat(Files.readString(junit)).contains("tests=\"18\" failures=\"0\"");
    assertThat(Files.readString(markdown)).startsWith("## Performance gate: pass\n");
  }

  @Test
  void aSlowdownExitsTwoNamingTheMetricsAndStillWritesTheReports() throws Exception {
    Path baseline = RunFixtures.writeRun(dir.resolve("base"), 1, 1.0, "fetch-1000");
    Path current = RunFixtures.writeRun(dir.resolve("cur"), 2, 1.25, "fetch-1000");
    Path junit = dir.resolve("gate.xml");

    CliRun run =
        gate(
            "--baseline", baseline.resolve("results.json").toString(),
            "--current", current.toString(),
            "--threshold", "10%",
            "--junit", junit.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(run.stderr())
        .contains(
            "blazebench gate: 4 metrics regressed: grpc-blazebinary fetch-1000 query p50Micros,"
                + " grpc-blazebinary fetch-1000 query p99Micros, grpc-blazebinary fetch-1000 query"
                + " serverCpuMicrosPerOp, grpc-blazebinary fetch-1000 query clientCpuMicrosPerOp");
    assertThat(run.stdout())
        .contains("regression: grpc-blazebinary fetch-1000 query p50Micros: median +2")
        .contains("beyond the 10% threshold");
    assertThat(Files.readString(junit)).contains("failures=\"4\"").contains("<failure");
  }

  @Test
  void anInterleavedRunIsGatedAsPairsOfRounds() {
    Path same = RunFixtures.writeInterleavedRun(dir.resolve("same"), 1.0, "fetch-1000");
    Path slower = RunFixtures.writeInterleavedRun(dir.resolve("slower"), 1.25, "fetch-1000");

    CliRun pass = gate("--interleaved", same.toString());
    CliRun fail = gate("--interleaved", slower.resolve("results.json").toString());

    assertThat(pass.exitCode()).as(pass.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(pass.stdout()).contains("blazebench gate: pass");
    assertThat(fail.exitCode()).as(fail.stdout()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(fail.stdout())
        .contains("regression: grpc-blazebinary fetch-1000 query p50Micros: median round ratio +");
  }

  @Test
  void interleavedExcludesBaselineAndCurrentAndNeedsABaselineBuild() {
    Path plain = RunFixtures.writeRun(dir.resolve("plain"), 1, 1.0, "fetch-1000");

    CliRun both = gate("--interleaved", plain.toString(), "--baseline", plain.toString());
    CliRun notInterleaved = gate("--interleaved", plain.toString());
    CliRun neither = gate("--current", plain.toString());

    assertThat(both.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(both.stderr()).contains("leave out --baseline and --current");
    assertThat(notInterleaved.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(notInterleaved.stderr())
        .contains(plain.resolve("results.json") + ": no API named API@baseline");
    assertThat(neither.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(neither.stderr()).contains("or --interleaved RUN (missing: --baseline)");
  }

  @Test
  void aMissingBaselineIsBadInputNamingTheFile() {
    Path current = RunFixtures.writeRun(dir.resolve("cur"), 2, 1.0, "fetch-1000");
    Path missing = dir.resolve("nowhere");

    CliRun run = gate("--baseline", missing.toString(), "--current", current.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains(missing.toString()).contains("no such file");
  }

  @Test
  void aTruncatedResultsFileIsBadInputNamingTheFile() throws Exception {
    Path baseline = RunFixtures.writeRun(dir.resolve("base"), 1, 1.0, "fetch-1000");
    Path current = RunFixtures.writeRun(dir.resolve("cur"), 2, 1.0, "fetch-1000");
    Path file = current.resolve("results.json");
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() / 2), StandardCharsets.UTF_8);

    CliRun run = gate("--baseline", baseline.toString(), "--current", current.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains(file.toString()).contains("truncated");
  }

  @Test
  void anotherSchemaVersionIsBadInputNamingTheFile() throws Exception {
    CliRun run = gateWithBaselineOfSchemaVersion(5);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .contains(dir.resolve("base").resolve("results.json").toString())
        .contains("schemaVersion 5 is not supported");
  }

  @Test
  void aBaselineWhoseServerCpuCountedTheJitIsNotComparedWithOneThatDoesNot() throws Exception {
    CliRun run = gateWithBaselineOfSchemaVersion(2);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .contains("CPU per operation is not the same measure (schemaVersion 2 and 4")
        .contains("make the baseline again");
  }

  /** The gate on two fixture runs, the baseline's results.json saying {@code schemaVersion}. */
  private CliRun gateWithBaselineOfSchemaVersion(int schemaVersion) throws Exception {
    Path baseline = RunFixtures.writeRun(dir.resolve("base"), 1, 1.0, "fetch-1000");
    Path current = RunFixtures.writeRun(dir.resolve("cur"), 2, 1.0, "fetch-1000");
    Path file = baseline.resolve("results.json");
    String text = Files.readString(file);
    String written = "\"schemaVersion\" : " + RunResults.SCHEMA_VERSION + ",";
    assertThat(text).contains(written);
    Files.writeString(file, text.replace(written, "\"schemaVersion\" : " + schemaVersion + ","));
    return gate("--baseline", baseline.toString(), "--current", current.toString());
  }

  @Test
  void aDifferentScenarioSetIsBadInputNamingBothFilesAndTheDifference() {
    Path baseline = RunFixtures.writeRun(dir.resolve("base"), 1, 1.0, "fetch-1000", "get-one");
    Path current = RunFixtures.writeRun(dir.resolve("cur"), 2, 1.0, "fetch-1000");

    CliRun run = gate("--baseline", baseline.toString(), "--current", current.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .contains(
            current.resolve("results.json")
                + " cannot be compared with the baseline "
                + baseline.resolve("results.json")
                + ": the scenarios differ; only in the baseline: get-one");
  }

  @Test
  void anAmbiguousThresholdIsBadInput() {
    Path run = RunFixtures.writeRun(dir.resolve("base"), 1, 1.0, "fetch-1000");

    CliRun result =
        gate("--baseline", run.toString(), "--current", run.toString(), "--threshold", "5");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.stderr()).contains("'5' is ambiguous: write 5% for a percentage");
  }

  @Test
  void thresholdsReadAsPercentagesOrFractions() {
    ThresholdConverter converter = new ThresholdConverter();

    assertThat(converter.convert("5%")).isEqualTo(0.05);
    assertThat(converter.convert("2.5%")).isEqualTo(0.025);
    assertThat(converter.convert("0.1")).isEqualTo(0.1);
  }

  private static CliRun gate(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "gate";
    System.arraycopy(options, 0, args, 1, options.length);
    return CliRun.run("", args);
  }
}
