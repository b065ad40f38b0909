package dev.blazebench.codec;

/** Jackson JSON of Bug POJOs: 1,000 bug records in one message. */
public class Fetch1000Json extends CodecBenchmark {
  public Fetch1000Json() {
    super(Format.JSON, Workload.FETCH_1000);
  }
}
