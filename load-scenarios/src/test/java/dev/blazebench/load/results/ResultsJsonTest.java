package dev.blazebench.load.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.load.testing.SampleRuns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

  @TempDir Path dir;

  @Test
  void writtenResultsReadBackEqual() {
    LoadResults results = SampleRuns.results();
    Path file = dir.resolve("run").resolve(ResultsJson.FILE_NAME);

    ResultsJson.write(results, file);
    LoadResults back = ResultsJson.read(file);

    assertThat(back).isEqualTo(results);
    assertThat(ResultsJson.toJson(back)).isEqualTo(ResultsJson.toJson(results));
  }

  /** The exact document, environment masked: a change to the schema shows up here. */
  @Test
  void matchesTheGoldenFile() throws IOException {
    String actual = ResultsJson.toJson(SampleRuns.results());
    String golden;
    try (InputStream in = getClass().getResourceAsStream("golden-results.json")) {
      assertThat(in).as("golden-results.json on the test classpath").isNotNull();
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(golden)) {
      Files.writeString(Path.of("target", "golden-results.actual.json"), actual);
    }
    assertThat(actual).isEqualTo(golden);
  }

  @Test
  void histogramsRebuildExactly() {
    LoadResults results = SampleRuns.results();
    OperationResult op = results.results().get(0).operations().get(0);
    LatencyResult corrected = op.latencyMicros().corrected();

    assertThat(corrected.decodeHistogram().getTotalCount()).isEqualTo(op.count());
    assertThat(corrected.decodeHistogram().getValueAtPercentile(99)).isEqualTo(corrected.p99());
    assertThat(op.latencyMicros().errors().count()).isEqualTo(op.errorCount());
  }

  @Test
  void anotherSchemaVersionIsRefusedByName() {
    String json =
        ResultsJson.toJson(SampleRuns.results())
            .replaceFirst("\"schemaVersion\" : 4", "\"schemaVersion\" : 5");
    assertThatThrownBy(() -> ResultsJson.parse(json, "new/results.json"))
        .isInstanceOf(InvalidResultsException.class)
        .hasMessage(
            "new/results.json: schemaVersion 5 is not supported (this blazebench reads 1 to 4)");
  }

  /** A version 1 file (kept as written then) reads, its missing figures unknown. */
  @Test
  void aVersion1FileReadsWithItsNewFiguresUnknown() throws IOException {
    String v1;
    try (InputStream in = getClass().getResourceAsStream("results-v1.json")) {
      v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    LoadResults read = ResultsJson.parse(v1, "results-v1.json");
    LoadResults current = SampleRuns.results();

    // Read as version 3: the fields are today's, but its client CPU counted the JIT compilers.
    assertThat(read.schemaVersion()).isEqualTo(3);
    OperationResult op = read.results().get(0).operations().get(0);
    assertThat(op.recordsReceived()).isEqualTo(-1);
    assertThat(op.recordsPerSec()).isNull();
    assertThat(op.latencyMicros())
        .isEqualTo(current.results().get(0).operations().get(0).latencyMicros());
    assertThat(read.drivers().get(0).injector().heapPeakUsedBytes()).isEqualTo(-1);
    LoadResults merged =
        Merge.runs(java.util.List.of(read, current), java.util.List.of("v1", "v2"));
    assertThat(merged.results().get(0).operations().get(0).recordsReceived()).isEqualTo(-1);
    assertThat(merged.results().get(0).operations().get(0).count()).isEqualTo(2 * op.count());
    assertThat(merged.schemaVersion()).isEqualTo(3); // one part's client CPU counted the JIT
    assertThat(Merge.runs(java.util.List.of(current, current), java.util.List.of("a", "b")))
        .extracting(LoadResults::schemaVersion)
        .isEqualTo(LoadResults.SCHEMA_VERSION);
  }

  /** A version 2 file (no "realtime") reads as version 3 with no realtime figures. */
  @Test
  void aVersion2FileReadsWithoutRealtimeFigures() {
    String v2 =
        ResultsJson.toJson(SampleRuns.results())
            .replaceFirst("\"schemaVersion\" : 3", "\"schemaVersion\" : 2")
            .replaceAll(",\\s*\"realtime\" : null", "");
    assertThat(v2).doesNotContain("realtime");

    LoadResults read = ResultsJson.parse(v2, "results-v2.json");

    assertThat(read).isEqualTo(SampleRuns.results());
  }

  /** A realtime run's subscribers and bytes per subscriber-hour, and their merge. */
  @Test
  void realtimeFiguresAreScaledToAnHourPerSubscriberAndMergedBySum() {
    LoadResults sample = SampleRuns.results();
    ScenarioResult s = sample.results().get(0);
    double durationSec = sample.run().durationSec();
    WireBytes wire = new WireBytes(3_600, 72_000, "netty-socket-handler");
    RealtimeResult realtime =
        RealtimeResult.of(new RealtimeSetup(2, "grpc-blazebinary", 5.0), wire, durationSec);
    LoadResults run =
        new LoadResults(
            sample.schemaVersion(),
            sample.kind(),
            sample.run(),
            sample.injectorVerdict(),
            sample.drivers(),
            java.util.List.of(
                new ScenarioResult(
                    s.api(),
                    s.scenario(),
                    s.model(),
                    s.scheduledNotSent(),
                    s.clientCpuNanos(),
                    wire,
                    s.operations(),
                    realtime)));

    assertThat(realtime.wireReceivedPerSubscriberPerHour())
        .isEqualTo(72_000 * 3600.0 / durationSec / 2);
    assertThat(ResultsJson.parse(ResultsJson.toJson(run), "rt.json")).isEqualTo(run);
    RealtimeResult merged =
        Merge.runs(java.util.List.of(run, run), java.util.List.of("a", "b"))
            .results()
            .get(0)
            .realtime();
    assertThat(merged.subscribers()).isEqualTo(4);
    assertThat(merged.pollIntervalSec()).isEqualTo(5.0);
    assertThat(merged.wireReceivedPerSubscriberPerHour())
        .isEqualTo(realtime.wireReceivedPerSubscriberPerHour());
  }

  @Test
  void otherJsonIsRefusedWithItsPath() {
    assertThatThrownBy(() -> ResultsJson.parse("{\"kind\":\"jmh\"}", "x.json"))
        .hasMessageContaining("x.json: not blazebench load results");
    assertThatThrownBy(() -> ResultsJson.parse("[1,", "y.json"))
        .hasMessageStartingWith("y.json: not JSON");
    String extra =
        ResultsJson.toJson(SampleRuns.results())
            .replaceFirst("\"drainSec\"", "\"drainSecs\" : 1, \"drainSec\"");
    assertThatThrownBy(() -> ResultsJson.parse(extra, "z.json"))
        .hasMessageContaining("z.json: malformed results")
        .hasMessageContaining("drainSecs");
  }
}
