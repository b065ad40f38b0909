package dev.blazebench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The project version for {@code blazebench --version}, from a resource Maven fills in at build
 * time, and the Java runtime, since results depend on it.
 */
public final class ProjectVersion implements IVersionProvider {

  private static final String RESOURCE = "version.properties";

  /** The project version, such as {@code 0.1.0-SNAPSHOT}. */
  public static String projectVersion() {
    try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + " beside ProjectVersion");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "blazebench " + projectVersion(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
