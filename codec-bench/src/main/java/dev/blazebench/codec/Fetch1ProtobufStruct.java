package dev.blazebench.codec;

/**
 * schemaless Protobuf (google.protobuf.Struct): one bug record per message (each op the next of
 * 1,000).
 */
public class Fetch1ProtobufStruct extends CodecBenchmark {
  public Fetch1ProtobufStruct() {
    super(Format.PROTOBUF_STRUCT, Workload.FETCH_1);
  }
}
