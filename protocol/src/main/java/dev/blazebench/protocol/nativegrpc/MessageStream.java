package dev.blazebench.protocol.nativegrpc;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An encoded message handed to gRPC: its length is known up front ({@link KnownLength}) and it
 * drains straight into the transport's buffer ({@link Drainable}), so framing copies the bytes
 * once.
 */
final class MessageStream extends ByteArrayInputStream implements KnownLength, Drainable {

  MessageStream(byte[] bytes, int length) {
    super(bytes, 0, length);
  }

  @Override
  public int drainTo(OutputStream target) throws IOException {
    int length = count - pos;
    target.write(buf, pos, length);
    pos = count;
    return length;
  }
}
