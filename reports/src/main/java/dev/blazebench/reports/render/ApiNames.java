package dev.blazebench.reports.render;

import java.util.Map;

/** How the seed names each API the load driver measures, for the seed-shaped tables. */
final class ApiNames {

  private static final Map<String, String> SEED_NAMES =
      Map.of(
          "grpc-blazebinary", "gRPC + BlazeBinary",
          "grpc-native", "gRPC + BlazeBinary (native messages)",
          "grpc-protobuf", "gRPC + Protobuf",
          "rest-json", "REST + JSON",
          "rest-json-gzip", "REST + JSON + gzip",
          "websocket-json", "WebSocket + JSON",
          "rest-poll-1s", "REST + Polling (1 s)",
          "rest-poll-5s", "REST + Polling (5 s)");

  /** The codec-bench format each API puts on the wire, for the encode/decode columns. */
  private static final Map<String, String> CODEC_FORMATS =
      Map.of(
          "grpc-blazebinary", "BlazeBinaryWrapped",
          "grpc-native", "BlazeBinaryV1",
          "grpc-protobuf", "Protobuf",
          "rest-json", "Json",
          "rest-json-gzip", "JsonGzip",
          "websocket-json", "Json");

  private ApiNames() {}

  /** {@code gRPC + BlazeBinary} for {@code grpc-blazebinary}; the id itself if unknown. */
  static String seedName(String api) {
    return SEED_NAMES.getOrDefault(api, api);
  }

  /** The codec-bench format of {@code api}, null if none fits. */
  static String codecFormat(String api) {
    return CODEC_FORMATS.get(api);
  }
}
