package dev.blazebench.codec;

/** Jackson JSON of Bug POJOs: one bug record per message (each op the next of 1,000). */
public class Fetch1Json extends CodecBenchmark {
  public Fetch1Json() {
    super(Format.JSON, Workload.FETCH_1);
  }
}
