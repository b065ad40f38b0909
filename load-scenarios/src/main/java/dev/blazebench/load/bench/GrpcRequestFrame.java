package dev.blazebench.load.bench;

import com.google.protobuf.ByteString;
import dev.blazebench.protocol.grpc.FetchRequest;
import dev.blazebench.protocol.workload.BugWorkload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Writes the body of one gRPC call as it travels in an HTTP/2 DATA frame — the length-prefixed
 * message: a 0 byte (not compressed), the message length as a big-endian u32, the protobuf bytes —
 * so that a generic HTTP/2 load tool (h2load) can send exactly the request the driver sends.
 *
 * <pre>
 * java -cp harness/target/blazebench.jar dev.blazebench.load.bench.GrpcRequestFrame \
 *     bugs 0 /tmp/fetch.bin
 * h2load -c 4 -m 16 -D 30 --warm-up-time 10 -H 'content-type: application/grpc' \
 *     -H 'te: trailers' -d /tmp/fetch.bin http://127.0.0.1:50051/blazedb.v1.BlazeDBService/Fetch
 * </pre>
 *
 * The request is {@code blazedb.v1.BlazeDBService/Fetch} of canonical workload record {@code index}
 * (its id is {@code BugWorkload.id(DEFAULT_SEED, index)}; the reference server seeds collection
 * {@code bugs} with those records).
 *
 * <p>h2load counts a gRPC error as a success: the error is an HTTP 200 with {@code grpc-status} in
 * its headers (trailers-only, no DATA frame). Check a run by its DATA bytes: with {@code -n N}
 * instead of {@code -D}, h2load's {@code data} total must be N times the size of one answer (357
 * bytes for index 0 of the default workload; {@code curl --http2-prior-knowledge -v} with the same
 * body shows it and the {@code grpc-status: 0} trailer). See load-scenarios/README.md.
 */
public final class GrpcRequestFrame {

  private GrpcRequestFrame() {}

  /** The gRPC message frame of {@code message}: flag byte, u32 BE length, bytes. */
  public static byte[] frame(byte[] message) {
    return ByteBuffer.allocate(5 + message.length)
        .put((byte) 0)
        .putInt(message.length)
        .put(message)
        .array();
  }

  /** The wrapped Fetch request for workload record {@code index} of {@code collection}. */
  public static FetchRequest fetchRequest(String collection, int index) {
    UUID id = BugWorkload.id(BugWorkload.DEFAULT_SEED, index);
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return FetchRequest.newBuilder()
        .setCollection(collection)
        .setId(ByteString.copyFrom(bytes.array()))
        .build();
  }

  /** {@code COLLECTION INDEX FILE}: writes the framed Fetch request to FILE. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: GrpcRequestFrame COLLECTION INDEX FILE");
      System.exit(1);
    }
    int index = Integer.parseInt(args[1]);
    byte[] frame = frame(fetchRequest(args[0], index).toByteArray());
    Files.write(Path.of(args[2]), frame);
    System.out.printf(
        "%s: Fetch of %s in \"%s\", %d bytes (5-byte gRPC prefix + %d-byte message)%n",
        args[2],
        BugWorkload.id(BugWorkload.DEFAULT_SEED, index),
        args[0],
        frame.length,
        frame.length - 5);
  }
}
