package dev.blazebench.binary.processor;

import dev.blazebench.binary.GenerateCodec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records and nested classes for the processor's tests. */
public final class Fixtures {

  private Fixtures() {}

  /** A record: constructed from its canonical constructor, components in declaration order. */
  @GenerateCodec
  public record Event(
      String name, long at, UUID id, List<String> labels, Instant when, Boolean seen, int level) {}

  /** A nested bean whose setter refuses a value, to compare the error both paths report. */
  @GenerateCodec
  public static final class Picky {
    private String code;

    public Picky() {}

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      if (code.startsWith("!")) {
        throw new IllegalArgumentException("code must not start with '!': " + code);
      }
      this.code = code;
    }
  }

  /** Bound at run time only; its generated-looking codec below is for other fields. */
  public static final class Stale {
    private String name;

    public Stale() {}

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }
}
