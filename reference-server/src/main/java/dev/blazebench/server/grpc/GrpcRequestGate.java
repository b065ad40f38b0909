package dev.blazebench.server.grpc;

import dev.blazebench.protocol.ParseFailures.MessageGate;
import dev.blazebench.server.net.RequestBuffer;
import io.grpc.Status;
import io.grpc.StatusException;
import java.util.Locale;

/**
 * The gRPC listener's {@link RequestBuffer} as the gate every API service parses its requests
 * through: a request message takes its length from the buffer before it is parsed (the largest
 * message accepted when its length is not known: a compressed one), and a message that would pass
 * the buffer's limit closes its call UNAVAILABLE, unparsed, as REST answers 503.
 *
 * <p>What it bounds is the requests being parsed and served, which take several times their size in
 * the heap. It cannot bound the bytes grpc-java holds while a message is still arriving: grpc-java
 * returns HTTP/2 flow-control credit as the bytes come, before the message is whole, and offers no
 * hook there (those bytes are Netty's direct buffers; when they run out, Netty fails the
 * connections that asked for more, and the server goes on).
 */
public final class GrpcRequestGate implements MessageGate {

  private final RequestBuffer buffer;
  private final int maxMessageBytes;

  /**
   * @param buffer the bytes of requests held at once
   * @param maxMessageBytes the largest message accepted: what a message of unknown length reserves
   */
  public GrpcRequestGate(RequestBuffer buffer, int maxMessageBytes) {
    this.buffer = buffer;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public long reserve(int bytes) throws StatusException {
    long wanted = bytes < 0 ? maxMessageBytes : bytes;
    if (buffer.tryReserve(wanted)) {
      return wanted;
    }
    throw Status.UNAVAILABLE
        .withDescription(
            String.format(
                Locale.ROOT,
                "the server holds %,d bytes of requests; this one (%,d bytes) would pass its limit"
                    + " of %,d (--request-buffer); retry later",
                buffer.reserved(),
                wanted,
                buffer.limit()))
        .asException();
  }

  @Override
  public void release(long reserved) {
    if (reserved > 0) {
      buffer.release(reserved);
    }
  }
}
