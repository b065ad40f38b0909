package dev.blazebench.codec;

/** BlazeBinary v1 through the typed binding: one {@code Bug} POJO per message (next of 1,000). */
public class Fetch1BlazeBinaryTyped extends CodecBenchmark {
  public Fetch1BlazeBinaryTyped() {
    super(Format.BLAZE_BINARY_TYPED, Workload.FETCH_1);
  }
}
