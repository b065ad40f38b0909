package dev.blazebench.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blazebench.reports.testing.SyntheticRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsReaderTest {

  @TempDir Path folder;

  private Path write(String text) throws Exception {
    Path file = folder.resolve("results.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path writeEdited(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode tree =
        (ObjectNode) RunResultsJson.MAPPER.readTree(RunResultsWriter.toJson(SyntheticRun.build()));
    edit.accept(tree);
    return write(RunResultsJson.MAPPER.writeValueAsString(tree));
  }

  @Test
  void readsAFileAndARunFolderAlike() throws Exception {
    Path file = write(RunResultsWriter.toJson(SyntheticRun.build()));

    assertThat(RunResultsReader.read(file)).isEqualTo(RunResultsReader.read(folder));
  }

  /** {@code run} as if its load had crossed {@code link}. */
  private static RunResults over(RunResults run, NetworkLink link) {
    return new RunResults(
        run.kind(),
        run.schemaVersion(),
        run.environment().withLink(link),
        run.settings(),
        run.warnings(),
        run.results(),
        run.codec());
  }

  @Test
  void readsTheShapedLinkBackAndWritesNoneForLoopback() throws Exception {
    RunResults loopback = SyntheticRun.build();
    RunResults shaped = over(loopback, new NetworkLink("10mbit", 10_000_000L, "tbf, each way"));

    assertThat(RunResultsWriter.toJson(loopback)).doesNotContain("\"link\"");
    assertThat(RunResultsReader.read(write(RunResultsWriter.toJson(shaped))).environment().link())
        .isEqualTo(new NetworkLink("10mbit", 10_000_000L, "tbf, each way"));
    assertThat(RunResultsReader.read(write(RunResultsWriter.toJson(loopback))).environment().link())
        .isNull();
  }

  @Test
  void readsADelayOnlyLinkBackAndAnOlderLinkWithoutADelayAsNone() throws Exception {
    RunResults loopback = SyntheticRun.build();
    NetworkLink delayed = new NetworkLink(null, 0, 20, "relay, 20 ms each way");

    String json = RunResultsWriter.toJson(over(loopback, delayed));
    assertThat(json).contains("\"oneWayDelayMillis\" : 20").contains("\"rate\" : null");
    assertThat(RunResultsReader.read(write(json)).environment().link()).isEqualTo(delayed);

    // results.json written before delays existed has no oneWayDelayMillis: it reads as 0.
    RunResults shaped = over(loopback, new NetworkLink("10mbit", 10_000_000L, "tbf, each way"));
    String older = RunResultsWriter.toJson(shaped).replace("\"oneWayDelayMillis\" : 0,", "");
    assertThat(older).doesNotContain("oneWayDelayMillis");
    assertThat(RunResultsReader.read(write(older)).environment().link().oneWayDelayMillis())
        .isZero();
  }

  @Test
  void refusesAMissingFileNamingIt() {
    Path missing = folder.resolve("nowhere");

    assertThatThrownBy(() -> RunResultsReader.read(missing))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("no such file");
  }

  @Test
  void refusesAFolderWithoutResults() {
    assertThatThrownBy(() -> RunResultsReader.read(folder))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining(folder.resolve("results.json").toString())
        .hasMessageContaining("no such file");
  }

  @Test
  void refusesAnEmptyFile() throws Exception {
    Path file = write("");

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageStartingWith(file + ": empty file");
  }

  @Test
  void refusesATruncatedFileSayingSo() throws Exception {
    String json = RunResultsWriter.toJson(SyntheticRun.build());
    Path file = write(json.substring(0, json.length() / 2));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageStartingWith(file + ": truncated")
        .hasMessageContaining("line");
  }

  @Test
  void refusesTextThatIsNotJson() throws Exception {
    Path file = write("round 1: 250 calls\n");

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageStartingWith(file + ": not JSON");
  }

  @Test
  void refusesJsonThatIsNotAnObject() throws Exception {
    Path file = write("[1, 2]");

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessage(file + ": not a JSON object");
  }

  @Test
  void refusesALoadRunsResultsWithAHint() throws Exception {
    Path file = writeEdited(tree -> tree.put("kind", "blazebench-load-results"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a compare run's results")
        .hasMessageContaining("give the compare run folder");
  }

  @Test
  void refusesAFileWithoutKind() throws Exception {
    Path file = writeEdited(tree -> tree.remove("kind"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("\"kind\" is missing");
  }

  @Test
  void refusesAnotherSchemaVersion() throws Exception {
    Path file = writeEdited(tree -> tree.put("schemaVersion", 5));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessage(
            file + ": schemaVersion 5 is not supported (this blazebench reads versions 1 to 4)");
  }

  @Test
  void readsVersionOneAsVersionTwoWithTheOneSecondWarmUpRoundItHad() throws Exception {
    Path file =
        writeEdited(
            tree -> {
              tree.put("schemaVersion", 1);
              ((ObjectNode) tree.get("settings")).remove("warmupRoundSec");
            });

    RunResults run = RunResultsReader.read(file);

    assertThat(run.schemaVersion()).isEqualTo(2);
    assertThat(run.settings().warmupRoundSec()).isEqualTo(1.0);
  }

  @Test
  void readsVersionTwoWithoutJitFiguresAndKeepsItsVersion() throws Exception {
    Path file =
        writeEdited(
            tree -> {
              tree.put("schemaVersion", 2);
              for (JsonNode result : tree.get("results")) {
                for (JsonNode round : result.get("rounds")) {
                  ((ObjectNode) round).remove("serverJitCpuMicrosPerOp");
                }
                ((ObjectNode) result.get("total")).remove("serverJitCpuMicrosPerOp");
              }
            });

    RunResults run = RunResultsReader.read(file);

    // Still version 2: its server CPU per operation counted the JIT compiler threads.
    assertThat(run.schemaVersion()).isEqualTo(2);
    assertThat(run.results())
        .allSatisfy(
            result -> {
              assertThat(result.total().serverJitCpuMicrosPerOp()).isNull();
              assertThat(result.rounds()).allMatch(r -> r.serverJitCpuMicrosPerOp() == null);
            });
  }

  @Test
  void readsVersionThreeWithoutCodecIterationRangesAndKeepsItsVersion() throws Exception {
    Path file =
        writeEdited(
            tree -> {
              tree.put("schemaVersion", 3);
              for (JsonNode benchmark : tree.get("codec").get("benchmarks")) {
                ((ObjectNode) benchmark).remove("minMicros");
                ((ObjectNode) benchmark).remove("maxMicros");
              }
            });

    RunResults run = RunResultsReader.read(file);

    assertThat(run.schemaVersion()).isEqualTo(3);
    assertThat(run.codec().benchmarks())
        .isNotEmpty()
        .allMatch(b -> b.minMicros() == null && b.maxMicros() == null);
  }

  @Test
  void versionFourMustCarryTheCodecIterationRanges() throws Exception {
    Path file =
        writeEdited(
            tree -> ((ObjectNode) tree.get("codec").get("benchmarks").get(0)).remove("minMicros"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("missing field \"minMicros\"");
  }

  @Test
  void versionThreeMustCarryTheJitFigures() throws Exception {
    Path file =
        writeEdited(
            tree ->
                ((ObjectNode) tree.get("results").get(0).get("total"))
                    .remove("serverJitCpuMicrosPerOp"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("missing field \"serverJitCpuMicrosPerOp\"");
  }

  @Test
  void versionTwoMustSayHowLongTheWarmUpRoundWas() throws Exception {
    Path file = writeEdited(tree -> ((ObjectNode) tree.get("settings")).remove("warmupRoundSec"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("warmupRoundSec");
  }

  @Test
  void refusesAMissingFieldNamingItsPath() throws Exception {
    Path file =
        writeEdited(
            tree -> ((ObjectNode) tree.withArray("results").get(0).get("total")).remove("count"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining(file + ": malformed results")
        .hasMessageContaining("count")
        .hasMessageContaining("results[0]");
  }

  @Test
  void refusesAnUnknownField() throws Exception {
    Path file = writeEdited(tree -> ((ObjectNode) tree.get("environment")).put("gpu", "none"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("gpu")
        .hasMessageContaining("environment");
  }

  @Test
  void refusesNullWhereANumberBelongs() throws Exception {
    Path file = writeEdited(tree -> ((ObjectNode) tree.get("settings")).putNull("rounds"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("settings")
        .hasMessageContaining("rounds");
  }

  @Test
  void refusesNullWhereTextBelongs() throws Exception {
    Path file = writeEdited(tree -> ((ObjectNode) tree.withArray("results").get(1)).putNull("api"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("\"api\" is null")
        .hasMessageContaining("results[1]");
  }

  @Test
  void refusesAResultForAnApiTheSettingsDoNotList() throws Exception {
    Path file =
        writeEdited(
            tree -> ((ObjectNode) tree.withArray("results").get(0)).put("api", "carrier-pigeon"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("results[0] (carrier-pigeon insert-100)")
        .hasMessageContaining("not among settings.apis");
  }

  @Test
  void refusesTheSameApiScenarioAndOperationTwice() throws Exception {
    Path file =
        writeEdited(
            tree -> {
              ArrayNode results = tree.withArray("results");
              results.add(results.get(0).deepCopy());
            });

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("operation (insertMany) appear twice");
  }

  @Test
  void acceptsTwoOperationsOfOneScenario() throws Exception {
    Path file =
        writeEdited(
            tree -> {
              ArrayNode results = tree.withArray("results");
              ObjectNode second = results.get(0).deepCopy();
              second.put("operation", "download-count");
              results.add(second);
            });

    RunResults run = RunResultsReader.read(file);

    assertThat(run.find("grpc-blazebinary", "insert-100", "download-count")).isPresent();
    assertThat(run.find("grpc-blazebinary", "insert-100").orElseThrow().operation())
        .isEqualTo("insertMany");
  }

  @Test
  void refusesAHistogramThatDoesNotDecode() throws Exception {
    Path file =
        writeEdited(
            tree ->
                ((ObjectNode) tree.withArray("results").get(2).get("total").get("latencyMicros"))
                    .put("histogram", "bm90IGEgaGlzdG9ncmFt"));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("results[2]")
        .hasMessageContaining("latencyMicros.histogram: not a compressed HdrHistogram");
  }

  @Test
  void refusesAHistogramWhoseCountDisagrees() throws Exception {
    Path file =
        writeEdited(
            tree ->
                ((ObjectNode) tree.withArray("results").get(0).get("total").get("latencyMicros"))
                    .put("count", 7));

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining("holds 300 values but count says 7");
  }

  @Test
  void refusesTrailingGarbage() throws Exception {
    Path file = write(RunResultsWriter.toJson(SyntheticRun.build()) + "}");

    assertThatThrownBy(() -> RunResultsReader.read(file))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining(file.toString());
  }
}
