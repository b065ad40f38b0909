package dev.blazebench.harness.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksJarTest {

  private static final FileTime SOURCES_TIME = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

  @TempDir Path checkout;
  private Path jar;
  private Path source;

  @BeforeEach
  void layOutACheckout() throws IOException {
    Files.createFile(checkout.resolve("mvnw"));
    Files.createFile(checkout.resolve("pom.xml"));
    for (String module : new String[] {"blaze-binary", "protocol", "codec-bench", "harness"}) {
      Files.createDirectories(checkout.resolve(module).resolve("src/main/java"));
      Files.createFile(checkout.resolve(module).resolve("pom.xml"));
    }
    source = Files.createFile(checkout.resolve("blaze-binary/src/main/java/Encoder.java"));
    try (var files = Files.walk(checkout)) {
      for (Path file : files.toList()) {
        Files.setLastModifiedTime(file, SOURCES_TIME);
      }
    }
    jar = checkout.resolve(BenchmarksJar.RELATIVE_PATH);
  }

  @Test
  void findsTheCheckoutFromAFolderInsideIt() {
    assertThat(BenchmarksJar.findCheckout(checkout.resolve("protocol/src/main/java")))
        .contains(checkout.toAbsolutePath().normalize());
  }

  @Test
  void aMissingJarNeedsBuilding() {
    assertThat(BenchmarksJar.needsBuild(checkout, jar)).isTrue();
  }

  @Test
  void aJarNewerThanEverySourceIsUsedAsItIs() throws IOException {
    writeJarAt(SOURCES_TIME.toInstant().plusSeconds(60));

    assertThat(BenchmarksJar.needsBuild(checkout, jar)).isFalse();
  }

  @Test
  void aSourceOfAModuleInTheJarNewerThanTheJarNeedsBuilding() throws IOException {
    writeJarAt(SOURCES_TIME.toInstant().plusSeconds(60));
    Files.setLastModifiedTime(source, FileTime.from(SOURCES_TIME.toInstant().plusSeconds(120)));

    assertThat(BenchmarksJar.needsBuild(checkout, jar)).isTrue();
  }

  @Test
  void aChangeInAModuleNotInTheJarDoesNotRebuildIt() throws IOException {
    writeJarAt(SOURCES_TIME.toInstant().plusSeconds(60));
    Path harnessSource = Files.createFile(checkout.resolve("harness/src/main/java/Main.java"));
    Files.setLastModifiedTime(
        harnessSource, FileTime.from(SOURCES_TIME.toInstant().plusSeconds(120)));

    assertThat(BenchmarksJar.needsBuild(checkout, jar)).isFalse();
  }

  @Test
  void buildsOnlyTheBenchmarksModuleAndWhatItNeeds() {
    assertThat(BenchmarksJar.buildCommand(checkout))
        .containsExactly(
            checkout.resolve("mvnw").toString(),
            "-B",
            "-q",
            "-pl",
            "codec-bench",
            "-am",
            "package",
            "-Dmaven.test.skip=true");
  }

  private void writeJarAt(Instant time) throws IOException {
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[] {0x50, 0x4B});
    Files.setLastModifiedTime(jar, FileTime.from(time));
  }
}
