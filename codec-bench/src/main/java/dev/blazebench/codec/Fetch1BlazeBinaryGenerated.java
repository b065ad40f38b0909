package dev.blazebench.codec;

/** BlazeBinary v1 through code generated for {@code Bug}: one POJO per message (next of 1,000). */
public class Fetch1BlazeBinaryGenerated extends CodecBenchmark {
  public Fetch1BlazeBinaryGenerated() {
    super(Format.BLAZE_BINARY_GENERATED, Workload.FETCH_1);
  }
}
