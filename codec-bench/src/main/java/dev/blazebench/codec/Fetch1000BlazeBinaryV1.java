package dev.blazebench.codec;

/** BlazeBinary v1 (no checksum): 1,000 bug records in one message. */
public class Fetch1000BlazeBinaryV1 extends CodecBenchmark {
  public Fetch1000BlazeBinaryV1() {
    super(Format.BLAZE_BINARY_V1, Workload.FETCH_1000);
  }
}
