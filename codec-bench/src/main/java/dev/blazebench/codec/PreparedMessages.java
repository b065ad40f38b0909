package dev.blazebench.codec;

import dev.blazebench.binary.BlazeRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One format's messages for one workload, built and encoded ahead of time, so that a benchmark
 * times only {@link #encode(int)} or {@link #decode(int)}, and {@link #verify()} can prove that
 * both produce the workload's exact content.
 *
 * @param <M> the format's message type
 */
public final class PreparedMessages<M> {

  private final Format format;
  private final Workload workload;
  private final MessageCodec<M> codec;
  private final List<M> messages;
  private final byte[][] encoded;
  private final Checksum expected;

  private PreparedMessages(Format format, Workload workload, MessageCodec<M> codec)
      throws IOException {
    this.format = format;
    this.workload = workload;
    this.codec = codec;
    List<List<BlazeRecord>> recordMessages = workload.messages();
    Checksum.Builder expected = Checksum.builder();
    this.messages = new ArrayList<>(recordMessages.size());
    this.encoded = new byte[recordMessages.size()][];
    for (int i = 0; i < recordMessages.size(); i++) {
      for (BlazeRecord record : recordMessages.get(i)) {
        BugRecords.addTo(expected, record);
      }
      M message = codec.messageOf(recordMessages.get(i));
      messages.add(message);
      encoded[i] = codec.encode(message);
    }
    this.expected = expected.build();
  }

  /** Builds and encodes {@code workload}'s messages in {@code format}, with a fresh codec. */
  public static PreparedMessages<?> of(Format format, Workload workload) throws IOException {
    return create(format, workload, format.codecFor(workload));
  }

  /** As {@link #of(Format, Workload)} with the given codec (tests give broken ones). */
  static <M> PreparedMessages<M> create(Format format, Workload workload, MessageCodec<M> codec)
      throws IOException {
    return new PreparedMessages<>(format, workload, codec);
  }

  /** Messages in the workload: 1,000 single records, or one of 1,000. */
  public int size() {
    return messages.size();
  }

  /** Encodes message {@code index}; what an encode benchmark times. */
  public byte[] encode(int index) throws IOException {
    return codec.encode(messages.get(index));
  }

  /** Decodes message {@code index}'s bytes; what a decode benchmark times. */
  public M decode(int index) throws IOException {
    return codec.decode(encoded[index]);
  }

  /** The bytes of message {@code index}, as encoded when prepared. */
  public byte[] encodedBytes(int index) {
    return encoded[index].clone();
  }

  /** What the workload's records add up to. */
  public Checksum expected() {
    return expected;
  }

  /**
   * Runs {@link #decode} and {@link #encode} (then decode) over every message and checks that each
   * way yields the workload's checksum.
   *
   * @throws IllegalStateException naming the format, workload and both checksums otherwise
   */
  public void verify() throws IOException {
    Checksum.Builder decoded = Checksum.builder();
    Checksum.Builder encodedThenDecoded = Checksum.builder();
    for (int i = 0; i < size(); i++) {
      codec.addTo(decoded, decode(i));
      codec.addTo(encodedThenDecoded, codec.decode(encode(i)));
    }
    check("decode", decoded.build());
    check("encode", encodedThenDecoded.build());
  }

  private void check(String path, Checksum actual) {
    if (!actual.equals(expected)) {
      throw new IllegalStateException(
          workload.shape()
              + format.mechanism()
              + ": "
              + path
              + " produced "
              + actual
              + ", the workload is "
              + expected);
    }
  }
}
