package dev.blazebench.codec;

/**
 * BlazeBinary v1 inside blazedb.proto's Protobuf messages: one bug record per message (each op the
 * next of 1,000).
 */
public class Fetch1BlazeBinaryWrapped extends CodecBenchmark {
  public Fetch1BlazeBinaryWrapped() {
    super(Format.BLAZE_BINARY_WRAPPED, Workload.FETCH_1);
  }
}
