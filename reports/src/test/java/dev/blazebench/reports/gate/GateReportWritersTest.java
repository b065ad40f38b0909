package dev.blazebench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GateReportWritersTest {

  private static final GateReport SLOWER =
      Gate.compare(
          new GateRuns().seed(1).build(),
          "base/results.json",
          new GateRuns().seed(2).latencyFactor(1.2).build(),
          "cur/results.json",
          GateSettings.defaults());

  @Test
  void junitXmlHasOneTestcasePerMetricAndAFailurePerRegression() throws Exception {
    Document xml = parse(GateJUnitXml.render(SLOWER));

    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("36");
    assertThat(suite.getAttribute("failures")).isEqualTo("16");
    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(36);
    NodeList failures = xml.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(16);
    Element firstFailing = (Element) failures.item(0).getParentNode();
    assertThat(firstFailing.getAttribute("classname"))
        .isEqualTo("blazebench.gate.grpc-blazebinary.fetch-1000.query");
    assertThat(firstFailing.getAttribute("name")).isEqualTo("p50Micros");
    assertThat(((Element) failures.item(0)).getAttribute("message"))
        .matches(
            "median \\+(19|20)\\.\\d% beyond the 5% threshold, p = 1\\.1e-05 \\(Holm-adjusted over 20"
                + " metrics: 0\\.0002\\) < 0\\.01, .*");
  }

  @Test
  void junitXmlEscapesWhatItQuotes() throws Exception {
    GateReport report =
        new GateReport(
            "a \"quoted\" <path> & more",
            "cur",
            GateSettings.defaults(),
            SLOWER.comparisons(),
            java.util.List.of("note with <angle> & \"quotes\""),
            false);

    Document xml = parse(GateJUnitXml.render(report));

    Element firstProperty = (Element) xml.getElementsByTagName("property").item(0);
    assertThat(firstProperty.getAttribute("value")).isEqualTo("a \"quoted\" <path> & more");
  }

  @Test
  void markdownLeadsWithTheVerdictThenTheRegressionsThenOneRowPerMetric() {
    String md = GateMarkdown.render(SLOWER);

    assertThat(md).startsWith("## Performance gate: REGRESSION (16 of 36 metrics)\n");
    assertThat(md)
        .contains("### Regressions\n\n- **grpc-blazebinary fetch-1000 query p50Micros**: median +");
    assertThat(md)
        .contains(
            "| metric | baseline median | current median | ratio (interval) | p | p adjusted |"
                + " verdict |");
    assertThat(md.lines().filter(line -> line.startsWith("| grpc-") || line.startsWith("| rest-")))
        .hasSize(36);
    assertThat(md)
        .containsPattern(
            "\\| rest-json get-one fetch wireReceivedPerOp \\| 400 \\| 400 \\| 1.000 \\(exact\\) \\| — \\| — \\| pass \\|");
    assertThat(md)
        .containsPattern(
            "\\| grpc-blazebinary fetch-1000 query p50Micros \\| [0-9,]+ \\| [0-9,]+ \\| 1\\.[0-9]{3} \\[1\\.[0-9]{3}, 1\\.[0-9]{3}\\] \\| 1\\.1e-05 \\| 0\\.0002 \\| \\*\\*regression\\*\\* \\|");
  }

  @Test
  void markdownOfAPassingGateSaysPass() {
    GateReport report =
        Gate.compare(
            new GateRuns().seed(1).build(),
            "base",
            new GateRuns().seed(2).build(),
            "cur",
            GateSettings.defaults());

    assertThat(GateMarkdown.render(report)).startsWith("## Performance gate: pass\n");
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
