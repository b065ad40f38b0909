package dev.blazebench.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blazebench.binary.FormatVersion;

/**
 * Every format the benchmarks compare. Its {@link #mechanism()} is the middle of the benchmark
 * names ({@code Fetch1000BlazeBinaryV1}, {@code Fetch1000Json}), and {@link #decodesTo()} says what
 * a decode hands the user, since that is part of what the number means.
 */
public enum Format {
  BLAZE_BINARY_V1("BlazeBinaryV1", "BlazeRecord (1,000: List<BlazeRecord> from a sequence)", false),
  BLAZE_BINARY_V2("BlazeBinaryV2", "BlazeRecord, CRC-32 checked (1,000: List<BlazeRecord>)", false),
  BLAZE_BINARY_TYPED(
      "BlazeBinaryTyped",
      "Bug POJO (1,000: List<Bug> from a sequence), BlazeBinaryMapper bound at run time; v1 bytes"
          + " as BlazeBinaryV1",
      false),
  BLAZE_BINARY_GENERATED(
      "BlazeBinaryGenerated",
      "Bug POJO (1,000: List<Bug>), BlazeBinaryMapper through code generated at compile time"
          + " (@GenerateCodec); v1 bytes as BlazeBinaryV1",
      false),
  BLAZE_BINARY_WRAPPED(
      "BlazeBinaryWrapped",
      "FetchResponse/QueryResponse parsed, then BlazeRecord(s) from its bytes field",
      false),
  JSON("Json", "Bug POJO (1,000: List<Bug>), Jackson databind", false),
  JSON_BLACKBIRD("JsonBlackbird", "Bug POJO (1,000: List<Bug>), Jackson + Blackbird", false),
  JSON_GZIP("JsonGzip", "Bug POJO (1,000: List<Bug>) after gunzip", true),
  PROTOBUF("Protobuf", "generated bugs.v1.Bug (1,000: BugBatch)", false),
  PROTOBUF_GZIP("ProtobufGzip", "generated Bug (1,000: BugBatch) after gunzip", true),
  PROTOBUF_STRUCT("ProtobufStruct", "google.protobuf.Struct (1,000: ListValue of Structs)", false),
  CBOR("Cbor", "Bug POJO (1,000: List<Bug>), Jackson CBOR", false),
  FORY("Fory", "Bug POJO (1,000: ArrayList<Bug>), Apache Fory", false);

  private final String mechanism;
  private final String decodesTo;
  private final boolean compressed;

  Format(String mechanism, String decodesTo, boolean compressed) {
    this.mechanism = mechanism;
    this.decodesTo = decodesTo;
    this.compressed = compressed;
  }

  /** The name in benchmark names and reports. */
  public String mechanism() {
    return mechanism;
  }

  /** What {@code decode} produces, in words. */
  public String decodesTo() {
    return decodesTo;
  }

  /** True when the format's bytes are already gzipped (gzipping them again says nothing). */
  public boolean compressed() {
    return compressed;
  }

  /** A fresh codec for {@code workload}'s message shape; not shared between threads. */
  public MessageCodec<?> codecFor(Workload workload) {
    boolean one = workload.recordsPerMessage() == 1;
    switch (this) {
      case BLAZE_BINARY_V1:
        return one
            ? BlazeBinaryCodecs.record(FormatVersion.V1)
            : BlazeBinaryCodecs.sequence(FormatVersion.V1);
      case BLAZE_BINARY_V2:
        return one
            ? BlazeBinaryCodecs.record(FormatVersion.V2)
            : BlazeBinaryCodecs.sequence(FormatVersion.V2);
      case BLAZE_BINARY_TYPED:
        return one ? BlazeTypedCodecs.one() : BlazeTypedCodecs.many();
      case BLAZE_BINARY_GENERATED:
        return one
            ? BlazeTypedCodecs.one(BlazeTypedCodecs.generatedMapper())
            : BlazeTypedCodecs.many(BlazeTypedCodecs.generatedMapper());
      case BLAZE_BINARY_WRAPPED:
        return one ? BlazeWrappedCodecs.fetchResponse() : BlazeWrappedCodecs.queryResponse();
      case JSON:
        return jackson(JacksonCodecs.json(), one);
      case JSON_BLACKBIRD:
        return jackson(JacksonCodecs.jsonBlackbird(), one);
      case JSON_GZIP:
        return gzip(jackson(JacksonCodecs.json(), one));
      case PROTOBUF:
        return protobuf(one);
      case PROTOBUF_GZIP:
        return gzip(protobuf(one));
      case PROTOBUF_STRUCT:
        return one ? StructCodecs.struct() : StructCodecs.list();
      case CBOR:
        return jackson(JacksonCodecs.cbor(), one);
      case FORY:
        return one ? ForyCodecs.one() : ForyCodecs.many();
      default:
        throw new AssertionError(this);
    }
  }

  /** The format whose {@link #mechanism()} is {@code mechanism}. */
  public static Format ofMechanism(String mechanism) {
    for (Format format : values()) {
      if (format.mechanism.equals(mechanism)) {
        return format;
      }
    }
    throw new IllegalArgumentException("no format '" + mechanism + "'");
  }

  private static MessageCodec<?> jackson(ObjectMapper mapper, boolean one) {
    return one ? JacksonCodecs.one(mapper) : JacksonCodecs.many(mapper);
  }

  private static MessageCodec<?> protobuf(boolean one) {
    return one ? ProtobufCodecs.bug() : ProtobufCodecs.batch();
  }

  private static <M> MessageCodec<M> gzip(MessageCodec<M> inner) {
    return new GzipCodec<>(inner);
  }
}
