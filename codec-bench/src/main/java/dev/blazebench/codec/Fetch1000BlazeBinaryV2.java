package dev.blazebench.codec;

/** BlazeBinary v2 (CRC-32 trailer): 1,000 bug records in one message. */
public class Fetch1000BlazeBinaryV2 extends CodecBenchmark {
  public Fetch1000BlazeBinaryV2() {
    super(Format.BLAZE_BINARY_V2, Workload.FETCH_1000);
  }
}
