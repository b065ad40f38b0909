package dev.blazebench.codec;

/** Jackson CBOR of Bug POJOs: 1,000 bug records in one message. */
public class Fetch1000Cbor extends CodecBenchmark {
  public Fetch1000Cbor() {
    super(Format.CBOR, Workload.FETCH_1000);
  }
}
