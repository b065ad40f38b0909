package dev.blazebench.reports.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClaimCatalogueTest {

  /** The seed as the catalogue quotes it (a copy of ../shared/seed/blazedb-grpc-design.md). */
  private static List<String> seedLines() throws IOException {
    try (InputStream in =
        ClaimCatalogueTest.class.getResourceAsStream("/seed/blazedb-grpc-design.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** Markdown emphasis and runs of spaces do not change what the seed says. */
  private static String normalize(String text) {
    return text.replace("*", "").replaceAll("\\s+", " ").strip();
  }

  @Test
  void theStandardCatalogueCoversTheSeedsQuantitativeClaims() {
    ClaimCatalogue catalogue = ClaimCatalogue.standard();

    assertThat(catalogue.claims()).hasSizeGreaterThanOrEqualTo(30);
    Set<Integer> lines = catalogue.claims().stream().map(Claim::line).collect(Collectors.toSet());
    // The three test tables, the encoder figures, aggregation, streaming, battery and cost.
    assertThat(lines).contains(487, 488, 489, 496, 497, 503, 504, 505, 704, 783, 789, 29, 842);
  }

  @Test
  void everyQuoteIsOnTheLineTheCatalogueGives() throws IOException {
    List<String> seed = seedLines();

    for (Claim claim : ClaimCatalogue.standard().claims()) {
      assertThat(normalize(seed.get(claim.line() - 1)))
          .as("claim %s, line %d", claim.id(), claim.line())
          .contains(normalize(claim.claim()));
      for (int other : claim.alsoLines()) {
        assertThat(other).as("claim %s also-line", claim.id()).isBetween(1, seed.size());
      }
    }
  }

  @Test
  void everyClaimIsEitherMeasurableOrSaysWhyNot() {
    for (Claim claim : ClaimCatalogue.standard().claims()) {
      if (claim.isMeasurable()) {
        assertThat(claim.thresholdText()).as(claim.id()).isNotEmpty();
      } else {
        assertThat(claim.notMeasurable()).as(claim.id()).isNotBlank();
      }
    }
  }

  @Test
  void tenMbpsTransferClaimsAreMeasuredOverATenMbpsLinkOnly() {
    assertThat(ClaimCatalogue.standard().claims())
        .filteredOn(c -> c.claim().contains("Transfer") || c.reading().contains("10 Mbps"))
        .extracting(Claim::id)
        .containsExactlyInAnyOrder("transfer-2.5x-faster-10mbps", "test1-transfer-3.2x-faster");
    assertThat(ClaimCatalogue.standard().claims())
        .filteredOn(c -> c.reading().contains("10 Mbps"))
        .allSatisfy(
            c -> {
              assertThat(c.link()).isEqualTo("10mbit");
              assertThat(c.isMeasurable()).isTrue();
              assertThat(c.notMeasurable()).contains("--link 10mbit");
              assertThat(c.proxy()).isNotNull();
            });
  }

  @Test
  void refusesALinkRateTcDoesNotKnow() {
    String json =
        "{\"seed\": \"s\", \"claims\": ["
            + claim(
                "a",
                "\"metric\": \"1\", \"unit\": \"ratio\", \"comparison\": \">=\","
                    + " \"threshold\": 1, \"link\": \"10 Mbps\", \"notMeasurable\": \"x\"")
            + "]}";

    assertThatThrownBy(() -> ClaimCatalogue.parse(json, "c.json"))
        .hasMessageContaining("c.json: claim a: link '10 Mbps' is not a link rate");
  }

  @Test
  void refusesALinkClaimWithoutAReasonForOtherRuns() {
    String json =
        "{\"seed\": \"s\", \"claims\": ["
            + claim(
                "a",
                "\"metric\": \"1\", \"unit\": \"ratio\", \"comparison\": \">=\","
                    + " \"threshold\": 1, \"link\": \"10mbit\"")
            + "]}";

    assertThatThrownBy(() -> ClaimCatalogue.parse(json, "c.json"))
        .hasMessageContaining("a claim with a link needs a metric")
        .hasMessageContaining("and a reason it is not measurable");
  }

  @Test
  void refusesADuplicateId() {
    String json =
        "{\"seed\": \"s\", \"claims\": ["
            + claim(
                "a",
                "\"metric\": \"1\", \"unit\": \"ratio\", \"comparison\": \">=\", \"threshold\": 1")
            + ","
            + claim(
                "a",
                "\"metric\": \"1\", \"unit\": \"ratio\", \"comparison\": \">=\", \"threshold\": 1")
            + "]}";

    assertThatThrownBy(() -> ClaimCatalogue.parse(json, "test.json"))
        .hasMessage("test.json: claim a: id used twice");
  }

  @Test
  void refusesAMeasurableClaimWithoutThreshold() {
    String json =
        "{\"seed\": \"s\", \"claims\": ["
            + claim("a", "\"metric\": \"1\", \"unit\": \"ratio\", \"comparison\": \">=\"")
            + "]}";

    assertThatThrownBy(() -> ClaimCatalogue.parse(json, "test.json"))
        .hasMessage("test.json: claim a: threshold missing");
  }

  @Test
  void refusesAMetricThatDoesNotParseNamingTheClaim() {
    String json =
        "{\"seed\": \"s\", \"claims\": ["
            + claim(
                "b",
                "\"metric\": \"total(fetch-1000, rest-json, speed)\", \"unit\": \"ratio\","
                    + " \"comparison\": \">=\", \"threshold\": 1")
            + "]}";

    assertThatThrownBy(() -> ClaimCatalogue.parse(json, "test.json"))
        .hasMessageStartingWith("test.json: claim b: metric")
        .hasMessageContaining("unknown field \"speed\"");
  }

  @Test
  void refusesAnUnknownComparison() {
    String json =
        "{\"seed\": \"s\", \"claims\": ["
            + claim(
                "c",
                "\"metric\": \"1\", \"unit\": \"ratio\", \"comparison\": \">>\", \"threshold\": 1")
            + "]}";

    assertThatThrownBy(() -> ClaimCatalogue.parse(json, "test.json"))
        .hasMessageContaining("unknown comparison \">>\"");
  }

  private static String claim(String id, String rest) {
    return "{\"id\": \""
        + id
        + "\", \"claim\": \"x\", \"section\": \"s\", \"line\": 1, \"about\": \"format\","
        + " \"reading\": \"r\", "
        + rest
        + "}";
  }
}
