package dev.blazebench.codec;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two benchmarks every format has, {@code encode} and {@code decode}, for one {@link Format}
 * and one {@link Workload}. Subclasses only name the pair, which gives the JMH names {@code
 * <Shape><Mechanism>.encode} and {@code .decode} ({@code Fetch1000BlazeBinaryV1.decode} beside its
 * baseline twin {@code Fetch1000Json.decode}).
 *
 * <p>IMPLEMENTATION NOTES. Messages are built and encoded in the trial's setup, so an op is exactly
 * one user-level encode or decode call. Both results are returned, so JMH's blackhole keeps them
 * alive and nothing is optimised away. In the single-record workload each op takes the next of the
 * 1,000 messages, so the number is the workload's mean rather than one record the branch predictor
 * has learnt. The setup and the teardown of every trial run both paths over the whole workload and
 * compare count, priority sum and content hash with the workload's ({@link
 * PreparedMessages#verify()}): a broken path fails the trial instead of posting a number.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// A fixed heap, so that GC sizing does not differ between formats; Fory needs no extra flags on 17.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public abstract class CodecBenchmark {

  private final Format format;
  private final Workload workload;
  private PreparedMessages<?> prepared;
  private int next;

  protected CodecBenchmark(Format format, Workload workload) {
    this.format = format;
    this.workload = workload;
  }

  @Setup(Level.Trial)
  public void prepareAndVerify() throws IOException {
    prepared = PreparedMessages.of(format, workload);
    prepared.verify();
  }

  @TearDown(Level.Trial)
  public void verifyAfterTrial() throws IOException {
    prepared.verify();
  }

  /** One message encoded from the user's object to bytes. */
  @Benchmark
  public byte[] encode() throws IOException {
    return prepared.encode(nextIndex());
  }

  /** One message decoded from bytes to the user's object ({@link Format#decodesTo()}). */
  @Benchmark
  public Object decode() throws IOException {
    return prepared.decode(nextIndex());
  }

  private int nextIndex() {
    int i = next;
    next = i + 1 == prepared.size() ? 0 : i + 1;
    return i;
  }
}
