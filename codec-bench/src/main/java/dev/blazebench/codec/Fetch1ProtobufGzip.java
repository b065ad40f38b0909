package dev.blazebench.codec;

/** typed Protobuf, gzipped: one bug record per message (each op the next of 1,000). */
public class Fetch1ProtobufGzip extends CodecBenchmark {
  public Fetch1ProtobufGzip() {
    super(Format.PROTOBUF_GZIP, Workload.FETCH_1);
  }
}
