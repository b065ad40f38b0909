package dev.blazebench.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.FormatVersion;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format's encode and decode, once over each workload, must give back the workload's exact
 * content: the same check every benchmark trial runs, here so that a broken format fails {@code mvn
 * verify} rather than only a benchmark run.
 */
class FormatsRoundTripTest {

  @ParameterizedTest
  @EnumSource(Format.class)
  void singleRecordMessagesRoundTripWithTheWorkloadChecksum(Format format) throws IOException {
    PreparedMessages<?> prepared = PreparedMessages.of(format, Workload.FETCH_1);

    prepared.verify();

    assertThat(prepared.size()).isEqualTo(1000);
    assertThat(prepared.expected().records()).isEqualTo(1000);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void thousandRecordMessageRoundTripsWithTheWorkloadChecksum(Format format) throws IOException {
    PreparedMessages<?> prepared = PreparedMessages.of(format, Workload.FETCH_1000);

    prepared.verify();

    assertThat(prepared.size()).isEqualTo(1);
    assertThat(prepared.expected().records()).isEqualTo(1000);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyFormatHasItsTwoBenchmarkClasses(Format format) throws ClassNotFoundException {
    for (Workload workload : Workload.values()) {
      Class<?> benchmark =
          Class.forName("dev.blazebench.codec." + workload.shape() + format.mechanism());

      assertThat(CodecBenchmark.class).isAssignableFrom(benchmark);
    }
  }

  @Test
  void verifyFailsWhenADecodeLosesARecord() throws IOException {
    MessageCodec<List<BlazeRecord>> real = BlazeBinaryCodecs.sequence(FormatVersion.V1);
    MessageCodec<List<BlazeRecord>> dropsLast =
        new ForwardingCodec<>(real) {
          @Override
          public List<BlazeRecord> decode(byte[] bytes) throws IOException {
            List<BlazeRecord> all = real.decode(bytes);
            return all.subList(0, all.size() - 1);
          }
        };
    PreparedMessages<?> prepared =
        PreparedMessages.create(Format.BLAZE_BINARY_V1, Workload.FETCH_1000, dropsLast);

    assertThatThrownBy(prepared::verify)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Fetch1000BlazeBinaryV1: decode produced Checksum[records=999");
  }

  @Test
  void verifyFailsWhenAnEncodeChangesOneField() throws IOException {
    MessageCodec<Bug> real = JacksonCodecs.one(JacksonCodecs.json());
    MessageCodec<Bug> shoutsTitles =
        new ForwardingCodec<>(real) {
          @Override
          public byte[] encode(Bug message) throws IOException {
            Bug changed = real.decode(real.encode(message));
            changed.setTitle(changed.getTitle().toUpperCase(Locale.ROOT));
            return real.encode(changed);
          }
        };
    PreparedMessages<Bug> prepared =
        PreparedMessages.create(Format.JSON, Workload.FETCH_1, shoutsTitles);

    // The prepared bytes came from the broken encoder too, so both paths are off.
    assertThatThrownBy(prepared::verify)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Fetch1Json: decode produced Checksum[records=1000");
  }

  /** A codec that does what another does, for tests to break one method of. */
  private static class ForwardingCodec<M> implements MessageCodec<M> {
    private final MessageCodec<M> inner;

    ForwardingCodec(MessageCodec<M> inner) {
      this.inner = inner;
    }

    @Override
    public M messageOf(List<BlazeRecord> records) {
      return inner.messageOf(records);
    }

    @Override
    public byte[] encode(M message) throws IOException {
      return inner.encode(message);
    }

    @Override
    public M decode(byte[] bytes) throws IOException {
      return inner.decode(bytes);
    }

    @Override
    public void addTo(Checksum.Builder checksum, M message) {
      inner.addTo(checksum, message);
    }
  }
}
