package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.model.CodecBenchmark;
import dev.blazebench.reports.model.CodecResults;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec step's JMH file as results.json's codec section holds it. */
class CodecFilesTest {

  @TempDir Path dir;

  private CodecBenchmark benchmark(CodecResults codec, String workload, String format, String op) {
    return codec.benchmark(workload, format, op).orElseThrow();
  }

  @Test
  void eachBenchmarkKeepsItsMedianIterationAndItsFastestAndSlowest() throws Exception {
    try (InputStream sample =
        getClass().getResourceAsStream("/dev/blazebench/harness/codec/jmh-sample.json")) {
      Files.copy(sample, dir.resolve("jmh.json"));
    }

    CodecResults codec = CodecFiles.read(dir, "quick");

    // Iterations 250, 260 and 400 µs: the median 260, not JMH's mean (303); JMH's error kept.
    CodecBenchmark decode = benchmark(codec, "Fetch1000", "BlazeBinaryV1", "decode");
    assertThat(decode.microsPerOp()).isEqualTo(260.0);
    assertThat(decode.minMicros()).isEqualTo(250.0);
    assertThat(decode.maxMicros()).isEqualTo(400.0);
    assertThat(decode.errorMicros()).isEqualTo(30.0);
    // ns, µs and ms per op all become µs; two iterations, no error from JMH.
    CodecBenchmark one = benchmark(codec, "Fetch1", "Json", "encode");
    assertThat(one.minMicros()).isEqualTo(0.8125);
    assertThat(one.maxMicros()).isEqualTo(0.9);
    assertThat(one.errorMicros()).isNull();
  }
}
