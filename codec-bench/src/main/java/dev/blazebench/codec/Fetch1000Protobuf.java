package dev.blazebench.codec;

/** typed Protobuf (bugs.proto): 1,000 bug records in one message. */
public class Fetch1000Protobuf extends CodecBenchmark {
  public Fetch1000Protobuf() {
    super(Format.PROTOBUF, Workload.FETCH_1000);
  }
}
