package dev.blazebench.codec;

/** BlazeBinary v1 (no checksum): one bug record per message (each op the next of 1,000). */
public class Fetch1BlazeBinaryV1 extends CodecBenchmark {
  public Fetch1BlazeBinaryV1() {
    super(Format.BLAZE_BINARY_V1, Workload.FETCH_1);
  }
}
