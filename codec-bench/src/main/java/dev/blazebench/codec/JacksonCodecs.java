package dev.blazebench.codec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.blazebench.binary.BlazeRecord;
import java.io.IOException;
import java.util.List;

/**
 * Jackson data binding of {@link Bug} POJOs, as a REST service writes it: one {@code Bug} per
 * message, a JSON array (or CBOR array) of them for many. Dates are ISO-8601 text (timestamps as
 * numbers turned off, as most services configure it), ids are UUID text in JSON and 16 raw bytes in
 * CBOR (Jackson's own choice for binary formats). Readers and writers are built once and reused, as
 * Jackson recommends. Decoding produces {@code Bug} / {@code List<Bug>}.
 */
final class JacksonCodecs {

  private static final TypeReference<List<Bug>> BUG_LIST = new TypeReference<>() {};

  private JacksonCodecs() {}

  /** Plain Jackson JSON. */
  static ObjectMapper json() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** Jackson JSON with Blackbird, which replaces reflection with generated accessors. */
  static ObjectMapper jsonBlackbird() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new BlackbirdModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** CBOR (RFC 8949) through the same data binding. */
  static ObjectMapper cbor() {
    return CBORMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  static MessageCodec<Bug> one(ObjectMapper mapper) {
    ObjectWriter writer = mapper.writerFor(Bug.class);
    ObjectReader reader = mapper.readerFor(Bug.class);
    return new MessageCodec<>() {
      @Override
      public Bug messageOf(List<BlazeRecord> records) {
        return BugPojos.of(Messages.single(records));
      }

      @Override
      public byte[] encode(Bug message) throws IOException {
        return writer.writeValueAsBytes(message);
      }

      @Override
      public Bug decode(byte[] bytes) throws IOException {
        return reader.readValue(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, Bug message) {
        BugPojos.addTo(checksum, message);
      }
    };
  }

  static MessageCodec<List<Bug>> many(ObjectMapper mapper) {
    ObjectWriter writer = mapper.writerFor(BUG_LIST);
    ObjectReader reader = mapper.readerFor(BUG_LIST);
    return new MessageCodec<>() {
      @Override
      public List<Bug> messageOf(List<BlazeRecord> records) {
        return BugPojos.of(records);
      }

      @Override
      public byte[] encode(List<Bug> message) throws IOException {
        return writer.writeValueAsBytes(message);
      }

      @Override
      public List<Bug> decode(byte[] bytes) throws IOException {
        return reader.readValue(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, List<Bug> message) {
        BugPojos.addTo(checksum, message);
      }
    };
  }
}
