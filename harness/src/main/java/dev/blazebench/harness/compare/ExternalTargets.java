package dev.blazebench.harness.compare;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.load.run.Target;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Servers compare did not start, given with {@code --target API=URL} (and {@code --writer URL} for
 * realtime): in containers, on another machine, or started by a test. Compare loads them as it
 * loads its own server, but cannot place them on a CPU or read their CPU time.
 *
 * @param byApi each API's target, in the order given
 * @param writer where the realtime writer writes ({@code blaze://}), or null if not given
 */
record ExternalTargets(Map<String, Target> byApi, Target writer) implements ApiTargets {

  ExternalTargets {
    if (byApi.isEmpty()) {
      throw new IllegalArgumentException("no target");
    }
    byApi = Collections.unmodifiableMap(new LinkedHashMap<>(byApi));
  }

  /**
   * Parses {@code --target} values ({@code grpc-protobuf=proto://proto:50051}) and {@code
   * --writer}; throws {@link BadInputException} naming the value that is wrong and why.
   */
  static ExternalTargets parse(List<String> specs, String writerText) {
    Map<String, Target> byApi = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new BadInputException(
            "--target '"
                + spec
                + "': expected API=URL, e.g. grpc-blazebinary=blaze://127.0.0.1:50051");
      }
      String api = spec.substring(0, eq).strip();
      String url = spec.substring(eq + 1).strip();
      if (!Scenarios.knownApis().contains(api)) {
        throw new BadInputException(
            "--target '"
                + spec
                + "': unknown API '"
                + api
                + "' (available: "
                + String.join(", ", Scenarios.knownApis())
                + ")");
      }
      Target target;
      try {
        target = Target.parse(url);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--target '" + spec + "': " + e.getMessage(), e);
      }
      // The scheme says which client the driver uses: it must be the API's own (the REST polling
      // APIs share rest-poll://, their interval comes from the API name).
      boolean matches =
          target.api().equals(api)
              || (api.startsWith(Target.POLL_API_PREFIX)
                  && target.transport() == Target.Transport.POLLING);
      if (!matches) {
        throw new BadInputException(
            "--target '"
                + spec
                + "': "
                + target.scheme()
                + ":// is the scheme of "
                + target.api()
                + ", not of "
                + api
                + " (give "
                + schemeOf(api)
                + "://HOST:PORT)");
      }
      if (byApi.put(api, target) != null) {
        throw new BadInputException("--target: " + api + " is given twice");
      }
    }
    Target writer = null;
    if (writerText != null) {
      try {
        writer = Target.parse(writerText.strip());
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--writer: " + e.getMessage(), e);
      }
      if (!writer.scheme().equals("blaze")) {
        throw new BadInputException(
            "--writer '"
                + writerText
                + "': the realtime writer writes through blaze:// (gRPC BlazeBinary),"
                + " e.g. blaze://127.0.0.1:50051");
      }
    } else if (byApi.containsKey("grpc-blazebinary")) {
      writer = byApi.get("grpc-blazebinary"); // the same server's gRPC port
    }
    return new ExternalTargets(byApi, writer);
  }

  @Override
  public Target targetFor(String api) {
    Target target = byApi.get(api);
    if (target == null) {
      throw new IllegalArgumentException("api '" + api + "': no --target given for it");
    }
    return target;
  }

  /** Every distinct {@code HOST:PORT} the targets and the writer name, in order. */
  List<String> addresses() {
    Set<String> addresses = new LinkedHashSet<>();
    byApi.values().forEach(target -> addresses.add(target.host() + ":" + target.port()));
    if (writer != null) {
      addresses.add(writer.host() + ":" + writer.port());
    }
    return List.copyOf(addresses);
  }

  /**
   * These targets, each (and the writer) replaced by {@code reroute}'s answer: for {@code compare
   * --delay}, the same scheme at the relay's port in front of it.
   */
  ExternalTargets via(UnaryOperator<Target> reroute) {
    Map<String, Target> rerouted = new LinkedHashMap<>();
    byApi.forEach((api, target) -> rerouted.put(api, reroute.apply(target)));
    return new ExternalTargets(rerouted, writer == null ? null : reroute.apply(writer));
  }

  /** The APIs given, in order. */
  List<String> apis() {
    return List.copyOf(byApi.keySet());
  }

  /** One line for the console and results.json: which API goes where. */
  String describe() {
    StringBuilder text = new StringBuilder();
    byApi.forEach(
        (api, target) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(api)
                .append(" -> ")
                .append(target.text()));
    if (writer != null) {
      text.append("; realtime writer -> ").append(writer.text());
    }
    return text.toString();
  }

  private static String schemeOf(String api) {
    if (api.startsWith(Target.POLL_API_PREFIX)) {
      return "rest-poll";
    }
    for (Map.Entry<String, String> entry : Target.apiBySchemes().entrySet()) {
      if (entry.getValue().equals(api)) {
        return entry.getKey();
      }
    }
    return "?";
  }
}
