package dev.blazebench.reports.gate;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link GateReport} as JUnit XML, the format CI systems show as test results: one {@code
 * testsuite}, one {@code testcase} per metric (class name {@code blazebench.gate.<api>.<scenario>.
 * <operation>}, test name the metric), a {@code failure} for each regression, {@code skipped} for
 * metrics without data, and the reason as {@code system-out} for the others.
 */
public final class GateJUnitXml {

  private static final String SUITE = "blazebench gate";

  private GateJUnitXml() {}

  public static String render(GateReport report) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      long failures = report.regressions().size();
      long skipped = report.withVerdict(Verdict.NO_DATA).size();
      String tests = Integer.toString(report.comparisons().size());
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", SUITE);
      xml.writeAttribute("tests", tests);
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", "0");
      newline(xml, 1);
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", SUITE);
      xml.writeAttribute("tests", tests);
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", Long.toString(skipped));
      xml.writeAttribute("time", "0");
      newline(xml, 2);
      writeProperties(xml, report);
      for (MetricComparison c : report.comparisons()) {
        newline(xml, 2);
        writeTestcase(xml, c);
      }
      newline(xml, 1);
      xml.writeEndElement();
      newline(xml, 0);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the gate's JUnit XML: " + e.getMessage(), e);
    }
    return text + "\n";
  }

  private static void writeProperties(XMLStreamWriter xml, GateReport report)
      throws XMLStreamException {
    GateSettings settings = report.settings();
    xml.writeStartElement("properties");
    property(xml, "baseline", report.baselineSource());
    property(xml, "current", report.currentSource());
    property(xml, "threshold", GateRule.percent(settings.thresholdFraction()));
    property(xml, "alpha", GateRule.formatNumber(settings.alpha()));
    property(xml, "familyWise", Boolean.toString(settings.familyWise()));
    property(xml, "pairedRounds", Boolean.toString(report.pairedRounds()));
    property(xml, "bootstrapResamples", Integer.toString(settings.bootstrapResamples()));
    property(xml, "seed", Long.toString(settings.seed()));
    for (String note : report.notes()) {
      property(xml, "note", note);
    }
    newline(xml, 2);
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    newline(xml, 3);
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private static void writeTestcase(XMLStreamWriter xml, MetricComparison c)
      throws XMLStreamException {
    MetricId id = c.id();
    xml.writeStartElement("testcase");
    xml.writeAttribute(
        "classname", "blazebench.gate." + id.api() + "." + id.scenario() + "." + id.operation());
    xml.writeAttribute("name", id.metric());
    xml.writeAttribute("time", "0");
    newline(xml, 3);
    switch (c.verdict()) {
      case REGRESSION -> {
        xml.writeStartElement("failure");
        xml.writeAttribute("type", "regression");
        xml.writeAttribute("message", c.reason());
        xml.writeCharacters(details(c));
        xml.writeEndElement();
      }
      case NO_DATA -> {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", c.reason());
      }
      default -> {
        xml.writeStartElement("system-out");
        xml.writeCharacters(c.verdict().label() + ": " + details(c));
        xml.writeEndElement();
      }
    }
    newline(xml, 2);
    xml.writeEndElement();
  }

  private static String details(MetricComparison c) {
    return String.format(
        Locale.US,
        "baseline %s (%d rounds), current %s (%d rounds): %s",
        GateMarkdown.value(c.baselineValue()),
        c.baselineRounds(),
        GateMarkdown.value(c.currentValue()),
        c.currentRounds(),
        c.reason());
  }

  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }
}
