package dev.blazebench.codec;

/** BlazeBinary v1 through the typed binding: 1,000 {@code Bug} POJOs in one message. */
public class Fetch1000BlazeBinaryTyped extends CodecBenchmark {
  public Fetch1000BlazeBinaryTyped() {
    super(Format.BLAZE_BINARY_TYPED, Workload.FETCH_1000);
  }
}
