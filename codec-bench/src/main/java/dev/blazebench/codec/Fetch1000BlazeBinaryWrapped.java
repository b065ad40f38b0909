package dev.blazebench.codec;

/** BlazeBinary v1 inside blazedb.proto's Protobuf messages: 1,000 bug records in one message. */
public class Fetch1000BlazeBinaryWrapped extends CodecBenchmark {
  public Fetch1000BlazeBinaryWrapped() {
    super(Format.BLAZE_BINARY_WRAPPED, Workload.FETCH_1000);
  }
}
