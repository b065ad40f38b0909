package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.Main;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import dev.blazebench.reports.model.RunWarning;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --baseline-jar}: two builds' servers in one run, every API back to back on both,
 * and {@code gate --interleaved} on the result.
 */
class CompareBaselineBuildTest {

  @TempDir Path tmp;

  @Test
  void theTwoBuildsTakeTurnsGoingFirst() {
    Map<String, List<String>> apis = new LinkedHashMap<>();
    apis.put("get-one", List.of("A@baseline", "A", "B@baseline", "B"));
    ComparePlan plan =
        new ComparePlan(
            "custom",
            3,
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            apis,
            false,
            "x",
            0,
            tmp.resolve("run"),
            false,
            null,
            1,
            tmp.resolve("base.jar"),
            null,
            null);

    List<String> order = plan.runs().stream().map(r -> r.round() + " " + r.api()).toList();

    assertThat(order)
        .containsExactly(
            "1 A@baseline",
            "1 A",
            "1 B@baseline",
            "1 B",
            "2 B",
            "2 B@baseline",
            "2 A",
            "2 A@baseline",
            "3 A@baseline",
            "3 A",
            "3 B@baseline",
            "3 B");
  }

  @Test
  void aMissingJarIsBadInputNamingIt() {
    Path missing = tmp.resolve("nowhere.jar");

    CliRun run = CliRun.run("", "compare", "--no-codec", "--baseline-jar", missing.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("--baseline-jar " + missing + ": no such file");
  }

  @Test
  void aFileThatIsNotAJarIsBadInput() throws Exception {
    Path text = Files.writeString(tmp.resolve("notes.jar"), "not a zip");

    CliRun run = CliRun.run("", "compare", "--no-codec", "--baseline-jar", text.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("--baseline-jar " + text + ": not a jar");
  }

  @Test
  void aJarWithoutBlazebenchIsBadInput() throws Exception {
    Path other = tmp.resolve("other.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(other), new Manifest())) {
      jar.putNextEntry(new JarEntry("README.txt"));
      jar.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    CliRun run = CliRun.run("", "compare", "--no-codec", "--baseline-jar", other.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .contains("--baseline-jar " + other + ": not a blazebench jar")
        .contains("dev/blazebench/harness/Main.class");
  }

  @Test
  void aBaselineBuildCannotBeCombinedWithTargets() throws Exception {
    CliRun run =
        CliRun.run(
            "",
            "compare",
            "--no-codec",
            "--target",
            "grpc-blazebinary=blaze://127.0.0.1:1",
            "--baseline-jar",
            blazebenchJar().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("cannot be combined with --target");
  }

  /**
   * The real thing, small: both servers as child processes, the baseline's from a jar, two rounds
   * of get-one against one API on each, each round on fresh servers (two forks, started in
   * alternating order), then the interleaved gate on the run. (No timing assertions: two rounds
   * cannot show a latency change, and the gate says so.)
   */
  @Test
  void aRunAgainstTwoBuildsMeasuresBothAndGatesThemAsPairs() throws Exception {
    Path out = tmp.resolve("run");

    CliRun run =
        CliRun.run(
            "",
            "compare",
            "--apis",
            "grpc-blazebinary",
            "--scenarios",
            "get-one",
            "--rounds",
            "2",
            "--duration",
            "1s",
            "--warmup",
            "200ms",
            "--warmup-round",
            "1s",
            "--no-codec",
            "--baseline-jar",
            blazebenchJar().toString(),
            "--server-forks",
            "2",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.stderr()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED);
    assertThat(run.stderr())
        .contains("blazebench compare: baseline server ready: gRPC 127.0.0.1:")
        .containsPattern("\\[round 1/2\\] +get-one +grpc-blazebinary@baseline ")
        .containsPattern("\\[round 2/2\\] +get-one +grpc-blazebinary@baseline ")
        .contains("blazebench compare: baseline server stopped")
        .containsPattern("\\[warm-up 2\\] +get-one +grpc-blazebinary@baseline ");
    // Which server starts first alternates by fork: this build's in fork 1, the baseline in 2.
    assertThat(run.stderr().lines().filter(line -> line.contains(": starting the ")))
        .map(line -> line.contains("baseline build's") ? "baseline" : "current")
        .containsExactly("current", "baseline", "baseline", "current");
    for (String log :
        List.of(
            "server.log", "server-baseline.log", "server-fork2.log", "server-baseline-fork2.log")) {
      assertThat(out.resolve(log)).content().contains("blazebench serve: ready");
    }
    assertThat(out.resolve("warmup-fork2")).isDirectory();
    RunResults results = RunResultsReader.read(out);
    assertThat(results.results())
        .extracting(ApiScenarioResult::api)
        .containsExactly("grpc-blazebinary@baseline", "grpc-blazebinary");
    for (ApiScenarioResult result : results.results()) {
      assertThat(result.rounds()).as(result.api()).hasSize(2);
      assertThat(result.total().serverCpuMicrosPerOp()).as(result.api()).isNotNull().isPositive();
    }
    assertThat(results.warnings()).extracting(RunWarning::code).contains("baseline-build");

    CliRun gate = CliRun.run("", "gate", "--interleaved", out.toString());

    assertThat(gate.exitCode()).as(gate.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(gate.stdout())
        .contains("With 2 pairs of rounds the signed-rank test cannot give a p-value below 0.01")
        .contains("blazebench gate: pass");
  }

  /**
   * A blazebench jar as another build would give: the command line's main class inside, the rest of
   * this build's class path named in its manifest (the shaded jar is only made after the tests).
   */
  private Path blazebenchJar() throws Exception {
    return blazebenchJarIn(tmp);
  }

  static Path blazebenchJarIn(Path dir) throws Exception {
    Path jar = dir.resolve("baseline-blazebench.jar");
    if (Files.exists(jar)) {
      return jar;
    }
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(Path.of(entry).toAbsolutePath().toUri().getRawPath());
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
    String mainClass = Main.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream main = Main.class.getClassLoader().getResourceAsStream(mainClass)) {
      out.putNextEntry(new JarEntry(mainClass));
      main.transferTo(out);
    }
    return jar;
  }
}
