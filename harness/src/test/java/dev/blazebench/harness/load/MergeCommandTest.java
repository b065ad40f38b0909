package dev.blazebench.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.load.results.LoadResults;
import dev.blazebench.load.results.ResultsJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {

  @TempDir Path dir;

  private Path runFolder(String name) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    try (InputStream in = getClass().getResourceAsStream("sample-results.json")) {
      Files.write(folder.resolve("results.json"), in.readAllBytes());
    }
    return folder;
  }

  @Test
  void mergesRunFoldersByAddingCounts() throws IOException {
    Path a = runFolder("a");
    Path b = runFolder("b");
    Path out = dir.resolve("merged");

    CliRun run = CliRun.run("", "merge", "--out", out.toString(), a.toString(), b.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
    LoadResults merged = ResultsJson.read(out.resolve("results.json"));
    LoadResults one = ResultsJson.read(a.resolve("results.json"));
    assertThat(merged.run().drivers()).isEqualTo(2);
    assertThat(merged.results().get(0).operations().get(0).count())
        .isEqualTo(2 * one.results().get(0).operations().get(0).count());
    assertThat(run.stdout()).contains("2 drivers merged");
  }

  @Test
  void aFileThatIsNotResultsIsNamedInTheError() throws IOException {
    Path a = runFolder("a");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"kind\":\"jmh\"}", StandardCharsets.UTF_8);

    CliRun run =
        CliRun.run("", "merge", "--out", dir.resolve("m").toString(), a.toString(), bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains(bad + ": not blazebench load results");
  }
}
