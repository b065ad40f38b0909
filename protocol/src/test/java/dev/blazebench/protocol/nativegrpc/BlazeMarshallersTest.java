package dev.blazebench.protocol.nativegrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryDocument;
import dev.blazebench.protocol.workload.BugWorkload;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BlazeMarshallersTest {

  private static byte[] bytesOf(InputStream stream) throws IOException {
    return stream.readAllBytes();
  }

  @Test
  void aRecordMessageIsExactlyTheBlazeBinaryRecord() throws IOException {
    Marshaller<BlazeRecord> marshaller = BlazeNativeMethods.INSERT.getRequestMarshaller();
    BlazeRecord bug = BugWorkload.bug(BugWorkload.DEFAULT_SEED, 0);
    byte[] expected = BlazeBinaryEncoder.encode(bug, FormatVersion.V1);
    InputStream stream = marshaller.stream(bug);
    assertThat(((KnownLength) stream).available()).isEqualTo(expected.length);
    assertThat(bytesOf(stream)).isEqualTo(expected);
    assertThat(marshaller.parse(new ByteArrayInputStream(expected))).isEqualTo(bug);
  }

  @Test
  void aV2RecordParsesToo() {
    BlazeRecord bug = BugWorkload.bug(BugWorkload.DEFAULT_SEED, 1);
    byte[] v2 = BlazeBinaryEncoder.encode(bug, FormatVersion.V2);
    assertThat(BlazeNativeMethods.UPDATE.parseRequest(new ByteArrayInputStream(v2))).isEqualTo(bug);
  }

  @Test
  void aRecordsMessageIsExactlyTheSequence() throws IOException {
    List<BlazeRecord> bugs = BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 25);
    byte[] expected = BlazeSequences.encodeRecords(bugs, FormatVersion.V1);
    assertThat(bytesOf(BlazeNativeMethods.QUERY_METHOD.streamResponse(bugs))).isEqualTo(expected);
    assertThat(BlazeNativeMethods.QUERY_METHOD.parseResponse(new ByteArrayInputStream(expected)))
        .isEqualTo(bugs);
  }

  @Test
  void drainingWritesTheWholeMessageOnce() throws IOException {
    BlazeRecord bug = BugWorkload.bug(BugWorkload.DEFAULT_SEED, 2);
    MessageStream stream = (MessageStream) BlazeNativeMethods.FETCH.streamResponse(bug);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int drained = stream.drainTo(out);
    assertThat(out.toByteArray()).isEqualTo(BlazeBinaryEncoder.encode(bug, FormatVersion.V1));
    assertThat(drained).isEqualTo(out.size());
    assertThat(stream.available()).isZero();
  }

  @Test
  void anIdMessageIsTheRecordWithOnlyTheId() throws IOException {
    UUID id = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
    byte[] bytes = bytesOf(BlazeNativeMethods.FETCH.streamRequest(id));
    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo("424c415a450100010105550e8400e29b41d4a716446655440000");
    assertThat(BlazeNativeMethods.DELETE.parseRequest(new ByteArrayInputStream(bytes)))
        .isEqualTo(id);
  }

  @Test
  void aQueryMessageIsTheQueryDocument() throws IOException {
    Query query =
        Query.builder().whereEquals("status", BlazeValue.string("open")).limit(1000).build();
    byte[] bytes = bytesOf(BlazeNativeMethods.STREAM_QUERY.streamRequest(query));
    assertThat(bytes)
        .isEqualTo(BlazeBinaryEncoder.encode(QueryDocument.toRecord(query), FormatVersion.V1));
    assertThat(BlazeNativeMethods.AGGREGATE.parseRequest(new ByteArrayInputStream(bytes)))
        .isEqualTo(query);
  }

  @Test
  void malformedBytesFailWithInvalidArgumentNamingTheOffset() {
    byte[] truncated = HexFormat.of().parseHex("424c415a4501000109");
    assertThatThrownBy(
            () -> BlazeNativeMethods.INSERT.parseRequest(new ByteArrayInputStream(truncated)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription())
                  .startsWith("malformed BlazeBinary record: ")
                  .contains("at byte offset");
            });
    assertThatThrownBy(
            () ->
                BlazeNativeMethods.INSERT_MANY.parseRequest(
                    new ByteArrayInputStream(new byte[] {0, 0})))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e ->
                assertThat(e.getStatus().getDescription())
                    .startsWith("malformed BlazeBinary record sequence: "));
  }

  @Test
  void anIdMessageWithOtherFieldsIsRejected() {
    BlazeRecord notAnId =
        BlazeRecord.builder()
            .put("id", BlazeValue.uuid(UUID.randomUUID()))
            .put("x", BlazeValue.integer(1))
            .build();
    byte[] bytes = BlazeBinaryEncoder.encode(notAnId, FormatVersion.V1);
    assertThatThrownBy(() -> BlazeNativeMethods.FETCH.parseRequest(new ByteArrayInputStream(bytes)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e ->
                assertThat(e.getStatus().getDescription())
                    .isEqualTo(
                        "expected the record {\"id\": uuid} and nothing else, was {\"id\": uuid,"
                            + " \"x\": int}"));
  }

  @Test
  void anInvalidQueryDocumentIsRejectedWithItsPath() {
    BlazeRecord document = BlazeRecord.builder().put("limit", BlazeValue.integer(-1)).build();
    byte[] bytes = BlazeBinaryEncoder.encode(document, FormatVersion.V1);
    assertThatThrownBy(
            () -> BlazeNativeMethods.QUERY_METHOD.parseRequest(new ByteArrayInputStream(bytes)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo("invalid query: limit: must not be negative, was -1");
            });
  }

  @Test
  void collectionNamesArePercentEncodedInHeaders() {
    assertThat(NativeHeaders.encodeCollection("bugs")).isEqualTo("bugs");
    assertThat(NativeHeaders.encodeCollection("my bugs/ü")).isEqualTo("my%20bugs%2F%C3%BC");
    assertThat(NativeHeaders.decodeCollection("my%20bugs%2F%C3%BC")).isEqualTo("my bugs/ü");
    assertThat(NativeHeaders.decodeCollection("bugs")).isEqualTo("bugs");
    assertThatThrownBy(() -> NativeHeaders.decodeCollection("bad%2"))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("bad percent escape at character 3");
    assertThatThrownBy(() -> NativeHeaders.decodeCollection("%FF"))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("not UTF-8");
  }
}
