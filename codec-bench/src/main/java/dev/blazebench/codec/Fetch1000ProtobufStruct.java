package dev.blazebench.codec;

/** schemaless Protobuf (google.protobuf.Struct): 1,000 bug records in one message. */
public class Fetch1000ProtobufStruct extends CodecBenchmark {
  public Fetch1000ProtobufStruct() {
    super(Format.PROTOBUF_STRUCT, Workload.FETCH_1000);
  }
}
