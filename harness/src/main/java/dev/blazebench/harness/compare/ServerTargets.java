package dev.blazebench.harness.compare;

import dev.blazebench.load.run.Target;
import java.util.Map;

/**
 * The load driver's target for each API on the reference server compare started: the gRPC APIs on
 * its gRPC port, REST, WebSocket and REST polling on its HTTP port, each under its own scheme.
 *
 * @param host the server's address
 * @param grpcPort its gRPC port
 * @param httpPort its HTTP port
 */
record ServerTargets(String host, int grpcPort, int httpPort) implements ApiTargets {

  /** {@code blaze://127.0.0.1:PORT}, the target of {@code api}. */
  @Override
  public Target targetFor(String api) {
    Target.Transport transport = Target.transportOf(api);
    if (transport == null) {
      throw new IllegalArgumentException("api '" + api + "': the load driver has no target for it");
    }
    String scheme = null;
    for (Map.Entry<String, String> entry : Target.apiBySchemes().entrySet()) {
      if (entry.getValue().equals(api)) {
        scheme = entry.getKey();
      }
    }
    if (scheme == null) {
      // An API that shares its scheme with others (rest-poll-1s under rest-poll://): the scheme of
      // its transport, the API named separately.
      for (Map.Entry<String, String> entry : Target.apiBySchemes().entrySet()) {
        if (Target.transportOf(entry.getValue()) == transport) {
          scheme = entry.getKey();
          break;
        }
      }
    }
    int port = transport == Target.Transport.GRPC ? grpcPort : httpPort;
    return Target.parse(scheme + "://" + host + ":" + port);
  }

  /** The gRPC BlazeBinary target, where the realtime writer writes. */
  @Override
  public Target writer() {
    return Target.parse("blaze://" + host + ":" + grpcPort);
  }
}
