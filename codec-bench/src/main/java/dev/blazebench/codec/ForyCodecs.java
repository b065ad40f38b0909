package dev.blazebench.codec;

import dev.blazebench.binary.BlazeRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.fory.Fory;
import org.apache.fory.config.Language;
import org.apache.fory.logging.LogLevel;
import org.apache.fory.logging.LoggerFactory;

/**
 * Apache Fory, the fastest general-purpose JVM serializer we know of, as the reference for what a
 * JVM-only binary format costs: {@link Bug} POJOs (registered, so no class names on the wire), an
 * {@code ArrayList<Bug>} for many. Fory generates a serializer for {@code Bug} at run time. A
 * {@code Fory} is not thread-safe, so each codec builds its own. Decoding produces {@code Bug} /
 * {@code List<Bug>}.
 */
final class ForyCodecs {

  private ForyCodecs() {}

  /**
   * Fory keeps one output buffer for reuse, but drops it after any message larger than its limit
   * (128 KiB by default). A user sending 1,000-record messages raises the limit, and so do we, so
   * the reference is measured at its best.
   */
  private static final int BUFFER_LIMIT_BYTES = 1 << 20;

  static {
    // Fory logs at INFO each time it builds a serializer; keep JMH's output readable.
    LoggerFactory.setLogLevel(LogLevel.WARN_LEVEL);
  }

  static Fory newFory() {
    Fory fory =
        Fory.builder()
            .withLanguage(Language.JAVA)
            .requireClassRegistration(true)
            .withRefTracking(false)
            .withBufferSizeLimitBytes(BUFFER_LIMIT_BYTES)
            .build();
    fory.register(Bug.class);
    return fory;
  }

  static MessageCodec<Bug> one() {
    Fory fory = newFory();
    return new MessageCodec<>() {
      @Override
      public Bug messageOf(List<BlazeRecord> records) {
        return BugPojos.of(Messages.single(records));
      }

      @Override
      public byte[] encode(Bug message) {
        return fory.serialize(message);
      }

      @Override
      public Bug decode(byte[] bytes) {
        return (Bug) fory.deserialize(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, Bug message) {
        BugPojos.addTo(checksum, message);
      }
    };
  }

  static MessageCodec<List<Bug>> many() {
    Fory fory = newFory();
    return new MessageCodec<>() {
      @Override
      public List<Bug> messageOf(List<BlazeRecord> records) {
        return new ArrayList<>(BugPojos.of(records));
      }

      @Override
      public byte[] encode(List<Bug> message) {
        return fory.serialize(message);
      }

      @Override
      public List<Bug> decode(byte[] bytes) {
        return bugs(fory.deserialize(bytes));
      }

      @Override
      public void addTo(Checksum.Builder checksum, List<Bug> message) {
        BugPojos.addTo(checksum, message);
      }
    };
  }

  /** The list Fory decoded; its elements are checked when the checksum reads them. */
  @SuppressWarnings("unchecked")
  private static List<Bug> bugs(Object decoded) {
    return (List<Bug>) decoded;
  }
}
