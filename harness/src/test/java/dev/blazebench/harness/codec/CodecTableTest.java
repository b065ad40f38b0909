package dev.blazebench.harness.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec table from a JMH result file and a size report, against a golden rendering. */
class CodecTableTest {

  @Test
  void rendersEveryWorkloadAndTheGoalAsInTheGoldenFile() throws Exception {
    List<CodecRow> rows =
        CodecResults.read(resource("jmh-sample.json"), resource("sizes-sample.json"));

    assertThat(CodecTable.render(rows)).isEqualTo(text("codec-table.md"));
  }

  @Test
  void timesAreTheMedianOfIterationsWithJmhsErrorAndAllocation() throws Exception {
    List<CodecRow> rows =
        CodecResults.read(resource("jmh-sample.json"), resource("sizes-sample.json"));

    CodecRow blaze = find(rows, "Fetch1000", "BlazeBinaryV1");
    // Iterations 250, 260, 400: the median ignores the one disturbed iteration, the mean does not.
    assertThat(blaze.decode().medianMicros()).isEqualTo(260.0);
    assertThat(blaze.decode().scoreMicros()).isEqualTo(303.3333333333333);
    assertThat(blaze.decode().errorMicros()).isEqualTo(30.0);
    assertThat(blaze.decode().allocBytesPerOp()).isEqualTo(1049104.0);
    assertThat(blaze.rawBytesPerMessage()).isEqualTo(368274.0);
    CodecRow json = find(rows, "Fetch1", "Json");
    assertThat(json.encode().errorMicros()).isNaN();
    assertThat(json.decode()).isNull();
  }

  @Test
  void goalIsNotMetWhenSlowerThanProtobufOrUnderPointEightOfFory() throws Exception {
    List<CodecRow> rows =
        CodecResults.read(resource("jmh-sample.json"), resource("sizes-sample.json"));

    // Encode 205 vs Protobuf 300 and Fory 185 passes; decode 260 vs Fory 200 is 0.77x: fails.
    assertThat(CodecTable.renderGoal(rows))
        .contains(
            "BlazeBinaryV1 encode 1.46x Protobuf, 0.90x Fory; decode 1.19x Protobuf, 0.77x Fory")
        .contains("-> NOT met");
  }

  @Test
  void noGoalLineWithoutProtobufAndFory() throws Exception {
    List<CodecRow> rows = CodecResults.read(resource("jmh-sample.json"), Path.of("no-sizes.json"));

    List<CodecRow> withoutFory = rows.stream().filter(row -> !row.format().equals("Fory")).toList();

    assertThat(CodecTable.renderGoal(withoutFory)).isEmpty();
  }

  private static CodecRow find(List<CodecRow> rows, String workload, String format) {
    return rows.stream()
        .filter(row -> row.workload().equals(workload) && row.format().equals(format))
        .findFirst()
        .orElseThrow();
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(CodecTableTest.class.getResource(name).toURI());
  }

  private static String text(String name) throws IOException {
    try (InputStream in = CodecTableTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
