package dev.blazebench.harness.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Argument handling of {@code blazebench codec}; nothing here starts JMH. */
class CodecCommandTest {

  private static final Clock NEW_YEAR =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void helpListsTheOptionsAndTheirDefaults() {
    CliRun run = CliRun.run("", "codec", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.stdout())
        .startsWith("Usage: blazebench codec")
        .contains("--quick")
        .contains("about 5 minutes")
        .contains("99.9% confidence")
        .contains("--out=DIR")
        .contains("--jar=FILE")
        .contains("--include=REGEX")
        .contains("Exit codes:");
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void profilesSayWhatTheHelpSays() {
    assertThat(CodecProfile.QUICK.describe())
        .isEqualTo("1 fork, 2 warmup x 1s, 3 measurement x 1s");
    assertThat(CodecProfile.FULL.describe()).isEqualTo("1 fork, 5 warmup x 2s, 5 measurement x 2s");
  }

  @Test
  void unknownOptionIsBadInput() {
    CliRun run = CliRun.run("", "codec", "--fast");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).startsWith("blazebench codec: Unknown option: '--fast'");
  }

  @Test
  void missingJarIsBadInputBeforeAnythingRuns() {
    Path out = tmp.resolve("run");

    CliRun run =
        CliRun.run(
            "", "codec", "--jar", tmp.resolve("none.jar").toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("--jar: no such file: ").contains("none.jar");
    assertThat(out).doesNotExist();
  }

  @Test
  void quickRunAsksJmhForTheShortProfileGcProfilerAndJsonInTheRunFolder() throws IOException {
    Path jar = Files.createFile(tmp.resolve("benchmarks.jar"));
    Path out = tmp.resolve("run");

    CodecOptions options = resolve("--quick", "--jar", jar.toString(), "--out", out.toString());

    assertThat(options.profile()).isEqualTo(CodecProfile.QUICK);
    assertThat(options.checkout()).isNull();
    assertThat(options.jmhCommand(Path.of("/jdk/bin/java")))
        .containsExactly(
            "/jdk/bin/java",
            "-Djava.io.tmpdir=" + out.resolve("tmp"),
            "-jar",
            jar.toString(),
            "-f",
            "1",
            "-wi",
            "2",
            "-w",
            "1s",
            "-i",
            "3",
            "-r",
            "1s",
            "-prof",
            "gc",
            "-foe",
            "true",
            "-rf",
            "json",
            "-rff",
            out.resolve("jmh.json").toString(),
            CodecOptions.ALL_BENCHMARKS);
    assertThat(options.sizesCommand(Path.of("java")))
        .containsExactly(
            "java", "-cp", jar.toString(), "dev.blazebench.codec.SizeReport", out.toString());
  }

  @Test
  void defaultRunIsTheFullProfileWithTheGivenBenchmarks() throws IOException {
    Path jar = Files.createFile(tmp.resolve("benchmarks.jar"));

    CodecOptions options =
        resolve("--jar", jar.toString(), "--out", tmp.toString(), "--include", "Fetch1000Json");

    assertThat(options.profile()).isEqualTo(CodecProfile.FULL);
    List<String> command = options.jmhCommand(Path.of("java"));
    assertThat(String.join(" ", command)).contains("-f 1 -wi 5 -w 2s -i 5 -r 2s");
    assertThat(command.get(command.size() - 1)).isEqualTo("Fetch1000Json");
  }

  @Test
  void defaultRunFolderIsNamedByUtcTimeUnderReportsOut() throws IOException {
    Path jar = Files.createFile(tmp.resolve("benchmarks.jar"));

    CodecOptions options = resolve("--jar", jar.toString());

    assertThat(options.outDir().toString())
        .endsWith(Path.of("reports", "out", "20260101T000000Z-codec").toString());
    assertThat(options.outDir()).isAbsolute();
  }

  @Test
  void withoutJarTheCheckoutsOwnJarIsUsedAndMayBeBuilt() {
    // Tests run inside the checkout (harness/), so the checkout is found above them.
    CodecOptions options = resolve("--out", tmp.toString());

    assertThat(options.checkout()).isNotNull();
    assertThat(options.benchmarksJar())
        .isEqualTo(options.checkout().resolve("codec-bench/target/benchmarks.jar"));
  }

  @Test
  void emptyIncludeIsBadInput() throws IOException {
    Path jar = Files.createFile(tmp.resolve("benchmarks.jar"));

    assertThatThrownBy(() -> resolve("--jar", jar.toString(), "--include", " "))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--include must not be empty");
  }

  private static CodecOptions resolve(String... args) {
    CliStreams streams =
        CliStreams.of(
            new ByteArrayInputStream(new byte[0]),
            new ByteArrayOutputStream(),
            new ByteArrayOutputStream(),
            false);
    CodecCommand command = new CodecCommand(streams, NEW_YEAR);
    new CommandLine(command).parseArgs(args);
    return command.resolveOptions();
  }
}
