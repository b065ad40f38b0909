package dev.blazebench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeReportTest {

  @Test
  void gzippedFormatsHaveNoGzipSizeAndTheOthersShrink() throws IOException {
    MessageSize jsonGzip = MessageSize.measure(Format.JSON_GZIP, Workload.FETCH_1000);
    MessageSize json = MessageSize.measure(Format.JSON, Workload.FETCH_1000);

    assertThat(jsonGzip.gzipBytes()).isNull();
    assertThat(json.gzipBytes()).isLessThan(json.rawBytes());
    // JsonGzip's raw bytes are JSON's bytes gzipped: the same deflate over the same input.
    assertThat(jsonGzip.rawBytes()).isEqualTo(json.gzipBytes());
  }

  @Test
  void singleRecordSizesAreSummedOverTheThousandMessages() throws IOException {
    MessageSize size = MessageSize.measure(Format.BLAZE_BINARY_V1, Workload.FETCH_1);

    assertThat(size.messages()).isEqualTo(1000);
    assertThat(size.rawBytesPerMessage()).isEqualTo(size.rawBytes() / 1000.0);
  }

  @Test
  void jsonDocumentHasOneRowPerFormatAndWorkload() throws IOException {
    List<MessageSize> sizes =
        List.of(
            new MessageSize("Fetch1", "Json", 1000, 1, 458_800, 336_600L),
            new MessageSize("Fetch1", "JsonGzip", 1000, 1, 336_600, null));

    JsonNode document = new ObjectMapper().readTree(SizeReport.toJson(sizes));

    assertThat(document.get("schema").asText()).isEqualTo(SizeReport.SCHEMA);
    assertThat(document.get("rows")).hasSize(2);
    JsonNode json = document.get("rows").get(0);
    assertThat(json.get("format").asText()).isEqualTo("Json");
    assertThat(json.get("rawBytes").asLong()).isEqualTo(458_800);
    assertThat(json.get("gzipBytesPerMessage").asDouble()).isEqualTo(336.6);
    assertThat(document.get("rows").get(1).get("gzipBytes").isNull()).isTrue();
  }
}
