package dev.blazebench.reports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}: a test compares what the code writes now
 * with what a person reviewed. After a deliberate change, regenerate them with {@code ./mvnw -pl
 * reports test -Dgolden.update=true} and review the diff in git.
 */
public final class Golden {

  private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /** The golden file's text. */
  public static String read(String name) {
    try {
      return Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "golden file " + name + " missing: run with -Dgolden.update=true to create it", e);
    }
  }

  /** Asserts {@code actual} equals the golden file (or rewrites it when updating). */
  public static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        Files.createDirectories(DIRECTORY);
        Files.writeString(DIRECTORY.resolve(name), actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertThat(actual)
        .as("golden file %s (update: -Dgolden.update=true)", name)
        .isEqualTo(read(name));
  }
}
