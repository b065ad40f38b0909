package dev.blazebench.binary.processor;

import dev.blazebench.binary.GeneratedCodec;
import dev.blazebench.binary.RecordReader;
import dev.blazebench.binary.RecordWriter;
import java.util.List;

/** What a codec compiled from an older {@link Fixtures.Stale} looks like: other fields. */
public final class Fixtures_Stale_BlazeBinaryCodec implements GeneratedCodec<Fixtures.Stale> {

  public Fixtures_Stale_BlazeBinaryCodec() {}

  @Override
  public List<String> fieldNames() {
    return List.of("name", "oldField");
  }

  @Override
  public int write(Fixtures.Stale value, RecordWriter out) {
    throw new AssertionError("never called: the mapper refuses this codec");
  }

  @Override
  public Fixtures.Stale read(RecordReader in) {
    throw new AssertionError("never called: the mapper refuses this codec");
  }
}
