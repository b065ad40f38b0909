package dev.blazebench.codec;

/** Apache Fory of Bug POJOs: 1,000 bug records in one message. */
public class Fetch1000Fory extends CodecBenchmark {
  public Fetch1000Fory() {
    super(Format.FORY, Workload.FETCH_1000);
  }
}
