package dev.blazebench.reports.render;

import dev.blazebench.reports.model.CodecBenchmark;
import dev.blazebench.reports.model.CodecResults;
import dev.blazebench.reports.model.CodecSize;
import dev.blazebench.reports.model.RunResults;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** codec-bench's figures: encoded size and encode/decode time of each format, no transport. */
final class CodecTable {

  private CodecTable() {}

  static Optional<Table> of(RunResults run) {
    CodecResults codec = run.codec();
    if (codec == null) {
      return Optional.empty();
    }
    Table.Builder table =
        new Table.Builder("codec", "Codec size and speed (codec-bench, " + codec.profile() + ")")
            .note(
                "Fetch1000: one message of 1,000 bug records; Fetch1: 1,000 messages of one record"
                    + " (sizes are the whole workload, times are per message). vs JSON: raw size as"
                    + " a share of JSON's. ± is JMH's 99.9% error.")
            .text("workload")
            .text("format")
            .figures("raw")
            .figures("gzip")
            .figures("vs JSON")
            .figures("encode")
            .figures("±")
            .figures("decode")
            .figures("±");
    Set<String> keys = new LinkedHashSet<>();
    codec.sizes().forEach(s -> keys.add(s.workload() + "\u0000" + s.format()));
    codec.benchmarks().forEach(b -> keys.add(b.workload() + "\u0000" + b.format()));
    for (String key : keys.stream().sorted(CodecTable::byWorkloadDescending).toList()) {
      String workload = key.substring(0, key.indexOf('\u0000'));
      String format = key.substring(key.indexOf('\u0000') + 1);
      Optional<CodecSize> size = codec.size(workload, format);
      Optional<CodecSize> json = codec.size(workload, "Json");
      Optional<CodecBenchmark> encode = codec.benchmark(workload, format, "encode");
      Optional<CodecBenchmark> decode = codec.benchmark(workload, format, "decode");
      table.row(
          workload,
          format,
          size.map(s -> Fmt.bytes((double) s.rawBytes())).orElse(Fmt.NONE),
          size.map(s -> s.gzipBytes() == null ? Fmt.NONE : Fmt.bytes((double) s.gzipBytes()))
              .orElse(Fmt.NONE),
          size.isPresent() && json.isPresent() && json.get().rawBytes() > 0
              ? Fmt.percent(size.get().rawBytes() / (double) json.get().rawBytes())
              : Fmt.NONE,
          encode.map(b -> Fmt.micros(b.microsPerOp())).orElse(Fmt.NONE),
          encode.map(CodecTable::error).orElse(Fmt.NONE),
          decode.map(b -> Fmt.micros(b.microsPerOp())).orElse(Fmt.NONE),
          decode.map(CodecTable::error).orElse(Fmt.NONE));
    }
    return Optional.of(table.build());
  }

  /** Fetch1000 first (the seed's figures are about it), then Fetch1; formats in file order. */
  private static int byWorkloadDescending(String a, String b) {
    String workloadA = a.substring(0, a.indexOf('\u0000'));
    String workloadB = b.substring(0, b.indexOf('\u0000'));
    return workloadB.compareTo(workloadA);
  }

  private static String error(CodecBenchmark benchmark) {
    return benchmark.errorMicros() == null ? Fmt.NONE : Fmt.micros(benchmark.errorMicros());
  }
}
