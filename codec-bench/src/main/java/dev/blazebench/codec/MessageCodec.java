package dev.blazebench.codec;

import dev.blazebench.binary.BlazeRecord;
import java.io.IOException;
import java.util.List;

/**
 * One format's way of putting a message of bug records on the wire, as a user of that format would
 * write it: {@code M} is the object the user holds (a {@link BlazeRecord}, a generated Protobuf
 * message, a list of {@link Bug} POJOs...), {@link #encode} turns it into bytes and {@link #decode}
 * turns bytes back into an {@code M}. Only {@code encode} and {@code decode} are measured; building
 * the message and checking it are not.
 *
 * @param <M> the message as the user holds it
 */
public interface MessageCodec<M> {

  /** Builds the message holding {@code records} (one for a single-record message), untimed. */
  M messageOf(List<BlazeRecord> records);

  /** The message's bytes in this format. */
  byte[] encode(M message) throws IOException;

  /** The message in {@code bytes}, as the user would hold it. */
  M decode(byte[] bytes) throws IOException;

  /** Adds every bug record in {@code message} to {@code checksum}, in order; untimed. */
  void addTo(Checksum.Builder checksum, M message);
}
