package dev.blazebench.codec;

/** Jackson CBOR of Bug POJOs: one bug record per message (each op the next of 1,000). */
public class Fetch1Cbor extends CodecBenchmark {
  public Fetch1Cbor() {
    super(Format.CBOR, Workload.FETCH_1);
  }
}
