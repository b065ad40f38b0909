package dev.blazebench.server;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The API families a {@link ReferenceServer} can serve, as named on the command line. */
public enum ServerApi {
  /**
   * gRPC with BlazeBinary: {@code blazedb.v1.BlazeDBService} (wrapped) and {@code BlazeDBNative}.
   */
  BLAZE("blaze"),
  /** gRPC with typed Protobuf messages: {@code bugs.v1.BugService}. */
  PROTO("proto"),
  /** REST/JSON over HTTP. */
  REST("rest");

  private final String flagName;

  ServerApi(String flagName) {
    this.flagName = flagName;
  }

  /** The name on the command line: {@code blaze}, {@code proto} or {@code rest}. */
  public String flagName() {
    return flagName;
  }

  /** Whether this API is served over gRPC (on the gRPC port). */
  public boolean isGrpc() {
    return this != REST;
  }

  /**
   * The APIs in a comma-separated list such as {@code blaze,proto,rest} (case-insensitive, spaces
   * allowed, repeats ignored).
   *
   * @throws IllegalArgumentException for an empty list or an unknown name, naming it
   */
  public static Set<ServerApi> parseList(String list) {
    Set<ServerApi> apis = EnumSet.noneOf(ServerApi.class);
    for (String part : list.split(",", -1)) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "empty API name in \"" + list + "\" (expected blaze, proto or rest, comma-separated)");
      }
      apis.add(byName(name));
    }
    return apis;
  }

  private static ServerApi byName(String name) {
    for (ServerApi api : values()) {
      if (api.flagName.equals(name)) {
        return api;
      }
    }
    throw new IllegalArgumentException(
        "unknown API \"" + name + "\" (expected blaze, proto or rest)");
  }
}
