package dev.blazebench.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * uPlot's script, stylesheet and MIT license, read from its WebJar (org.webjars.npm:uplot) on the
 * classpath, so the report inlines them and opens from disk with no network.
 */
final class UPlotAssets {

  private static final String POM_PROPERTIES =
      "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

  final String version;
  final String script;
  final String stylesheet;
  final String license;

  private UPlotAssets(String version, String script, String stylesheet, String license) {
    this.version = version;
    this.script = script;
    this.stylesheet = stylesheet;
    this.license = license;
  }

  static UPlotAssets load() {
    Properties properties = new Properties();
    try (InputStream in = open(POM_PROPERTIES)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = properties.getProperty("version");
    String base = "/META-INF/resources/webjars/uplot/" + version + "/";
    return new UPlotAssets(
        version,
        read(base + "dist/uPlot.iife.min.js"),
        read(base + "dist/uPlot.min.css"),
        read(base + "LICENSE"));
  }

  /** A resource of this module (the report's own script and stylesheet). */
  static String own(String name) {
    return read("/dev/blazebench/reports/render/" + name);
  }

  private static String read(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = UPlotAssets.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          resource + " is not on the classpath (is org.webjars.npm:uplot a dependency?)");
    }
    return in;
  }
}
