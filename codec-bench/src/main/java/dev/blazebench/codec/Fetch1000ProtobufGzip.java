package dev.blazebench.codec;

/** typed Protobuf, gzipped: 1,000 bug records in one message. */
public class Fetch1000ProtobufGzip extends CodecBenchmark {
  public Fetch1000ProtobufGzip() {
    super(Format.PROTOBUF_GZIP, Workload.FETCH_1000);
  }
}
