package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The codec benchmarks of the run (codec-bench's JMH results and encoded sizes): the format
 * figures, with no transport, that the seed's size and encoder claims are about.
 */
@JsonPropertyOrder({"profile", "jvm", "sizes", "benchmarks"})
public record CodecResults(
    String profile, String jvm, List<CodecSize> sizes, List<CodecBenchmark> benchmarks) {

  public CodecResults {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(jvm, "jvm");
    sizes = List.copyOf(Objects.requireNonNull(sizes, "sizes"));
    benchmarks = List.copyOf(Objects.requireNonNull(benchmarks, "benchmarks"));
  }

  /** The size of {@code format} in {@code workload}, if measured. */
  public Optional<CodecSize> size(String workload, String format) {
    return sizes.stream()
        .filter(s -> s.workload().equals(workload) && s.format().equals(format))
        .findFirst();
  }

  /** The benchmark of {@code operation} on {@code format} in {@code workload}, if measured. */
  public Optional<CodecBenchmark> benchmark(String workload, String format, String operation) {
    return benchmarks.stream()
        .filter(
            b ->
                b.workload().equals(workload)
                    && b.format().equals(format)
                    && b.operation().equals(operation))
        .findFirst();
  }
}
