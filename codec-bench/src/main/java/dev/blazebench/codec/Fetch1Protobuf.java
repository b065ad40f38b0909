package dev.blazebench.codec;

/** typed Protobuf (bugs.proto): one bug record per message (each op the next of 1,000). */
public class Fetch1Protobuf extends CodecBenchmark {
  public Fetch1Protobuf() {
    super(Format.PROTOBUF, Workload.FETCH_1);
  }
}
