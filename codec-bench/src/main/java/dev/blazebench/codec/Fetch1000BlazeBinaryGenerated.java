package dev.blazebench.codec;

/** BlazeBinary v1 through code generated for {@code Bug}: 1,000 POJOs in one message. */
public class Fetch1000BlazeBinaryGenerated extends CodecBenchmark {
  public Fetch1000BlazeBinaryGenerated() {
    super(Format.BLAZE_BINARY_GENERATED, Workload.FETCH_1000);
  }
}
