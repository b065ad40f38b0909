package dev.blazebench.load.run;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the load goes, and through which API: the scheme names the API, host and port the server.
 *
 * <pre>
 * blaze://host:port          grpc-blazebinary  blazedb.v1.BlazeDBService (BlazeBinary in protobuf)
 * blaze-native://host:port   grpc-native       blazedb.v1.BlazeDBNative (messages are BlazeBinary)
 * proto://host:port          grpc-protobuf     bugs.v1.BugService (typed Protobuf)
 * rest://host:port           rest-json         the REST/JSON API, HTTP/1.1 keep-alive
 * rest+gzip://host:port      rest-json-gzip    the same, asking for gzip-compressed answers
 * ws://host:port             websocket-json    WebSocket push of changes (realtime only)
 * rest-poll://host:port      rest-poll-5s      REST polling of changes (realtime only; the name
 *                                              says the poll interval: rest-poll-1s, ...)
 * </pre>
 *
 * The reference server serves the three gRPC APIs side by side on one port (50051) and REST on
 * another (8080); any server of {@code blazedb.proto} can be loaded through {@code blaze://}.
 *
 * @param text the target as given
 * @param scheme its scheme
 * @param host host name or address
 * @param port TCP port
 */
public record Target(String text, String scheme, String host, int port) {

  /** What carries an API's calls: targets whose APIs share a transport may swap APIs. */
  public enum Transport {
    GRPC,
    HTTP,
    WEBSOCKET,
    /** REST polling of the change log: HTTP, but only for following changes. */
    POLLING
  }

  /** The API name of REST polling subscribers polling every {@code interval}. */
  public static String pollingApi(java.time.Duration interval) {
    long millis = interval.toMillis();
    return POLL_API_PREFIX + (millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms");
  }

  /** How polling API names start: "rest-poll-1s", "rest-poll-500ms". */
  public static final String POLL_API_PREFIX = "rest-poll-";

  private static final Map<String, String> API_BY_SCHEME = new LinkedHashMap<>();
  private static final Map<String, Transport> TRANSPORT_BY_SCHEME = new LinkedHashMap<>();

  static {
    scheme("blaze", "grpc-blazebinary", Transport.GRPC);
    scheme("blaze-native", "grpc-native", Transport.GRPC);
    scheme("proto", "grpc-protobuf", Transport.GRPC);
    scheme("rest", "rest-json", Transport.HTTP);
    scheme("rest+gzip", "rest-json-gzip", Transport.HTTP);
    scheme("ws", "websocket-json", Transport.WEBSOCKET);
    scheme("rest-poll", "rest-poll-5s", Transport.POLLING);
  }

  private static void scheme(String scheme, String api, Transport transport) {
    API_BY_SCHEME.put(scheme, api);
    TRANSPORT_BY_SCHEME.put(scheme, transport);
  }

  /** The API a scheme stands for; every scheme {@link #parse} accepts. */
  public static Map<String, String> apiBySchemes() {
    return Map.copyOf(API_BY_SCHEME);
  }

  /** The API this target's scheme stands for ("grpc-blazebinary" for {@code blaze://}). */
  public String api() {
    return API_BY_SCHEME.get(scheme);
  }

  /** What carries this target's calls. */
  public Transport transport() {
    return TRANSPORT_BY_SCHEME.get(scheme);
  }

  /** The transport of {@code api}, or null if no scheme serves it. */
  public static Transport transportOf(String api) {
    if (api.startsWith(POLL_API_PREFIX)) {
      return Transport.POLLING;
    }
    for (Map.Entry<String, String> e : API_BY_SCHEME.entrySet()) {
      if (e.getValue().equals(api)) {
        return TRANSPORT_BY_SCHEME.get(e.getKey());
      }
    }
    return null;
  }

  /** Parses a target; throws {@link IllegalArgumentException} saying why not. */
  public static Target parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "malformed target '" + text + "': " + e.getReason() + " (expected scheme://host:port)");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !API_BY_SCHEME.containsKey(scheme)) {
      throw new IllegalArgumentException(
          "target '"
              + text
              + "': unknown scheme '"
              + scheme
              + "' (expected one of "
              + String.join("://, ", API_BY_SCHEME.keySet())
              + "://, e.g. blaze://127.0.0.1:50051)");
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(
          "target '" + text + "': needs a host and a port (" + scheme + "://127.0.0.1:PORT)");
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
      throw new IllegalArgumentException(
          "target '" + text + "': " + scheme + ":// targets take no path or query");
    }
    return new Target(text, scheme, uri.getHost(), uri.getPort());
  }
}
