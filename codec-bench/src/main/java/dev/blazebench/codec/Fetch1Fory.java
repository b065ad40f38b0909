package dev.blazebench.codec;

/** Apache Fory of Bug POJOs: one bug record per message (each op the next of 1,000). */
public class Fetch1Fory extends CodecBenchmark {
  public Fetch1Fory() {
    super(Format.FORY, Workload.FETCH_1);
  }
}
