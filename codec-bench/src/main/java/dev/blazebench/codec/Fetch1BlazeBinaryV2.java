package dev.blazebench.codec;

/** BlazeBinary v2 (CRC-32 trailer): one bug record per message (each op the next of 1,000). */
public class Fetch1BlazeBinaryV2 extends CodecBenchmark {
  public Fetch1BlazeBinaryV2() {
    super(Format.BLAZE_BINARY_V2, Workload.FETCH_1);
  }
}
