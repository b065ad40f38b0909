package dev.blazebench.load.run;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the load goes: {@code blaze://host:port}, a BlazeDB gRPC server (the reference server's
 * gRPC port serves the wrapped, native and Protobuf services side by side).
 *
 * @param text the target as given
 * @param host host name or address
 * @param port TCP port
 */
public record Target(String text, String host, int port) {

  /** The scheme of a BlazeDB gRPC server. */
  public static final String BLAZE_SCHEME = "blaze";

  /** Parses {@code blaze://host:port}; throws {@link IllegalArgumentException} saying why not. */
  public static Target parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "malformed target '" + text + "': " + e.getReason() + " (expected blaze://host:port)");
    }
    if (!BLAZE_SCHEME.equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "target '"
              + text
              + "': unknown scheme '"
              + uri.getScheme()
              + "' (expected blaze://host:port, a BlazeDB gRPC server)");
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(
          "target '" + text + "': needs a host and a port (blaze://127.0.0.1:50051)");
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
      throw new IllegalArgumentException(
          "target '" + text + "': blaze:// targets take no path or query");
    }
    return new Target(text, uri.getHost(), uri.getPort());
  }
}
