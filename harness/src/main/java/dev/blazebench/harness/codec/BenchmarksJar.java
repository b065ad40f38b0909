package dev.blazebench.harness.codec;

import dev.blazebench.harness.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/**
 * Finds the checkout that {@code blazebench} runs from and its {@code
 * codec-bench/target/benchmarks.jar}, and says when the jar must be (re)built: when it is missing,
 * or older than a pom or source file of a module it contains. The harness does not depend on
 * codec-bench; it runs the jar in a child JVM, as a user would.
 */
final class BenchmarksJar {

  /** The jar inside a checkout. */
  static final Path RELATIVE_PATH = Path.of("codec-bench", "target", "benchmarks.jar");

  /** Modules whose classes are in the jar. */
  private static final List<String> MODULES = List.of("blaze-binary", "protocol", "codec-bench");

  private BenchmarksJar() {}

  /**
   * The checkout root at or above {@code start}: the first folder holding {@code mvnw} and {@code
   * codec-bench/pom.xml}.
   */
  static Optional<Path> findCheckout(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))
          && Files.isRegularFile(dir.resolve("codec-bench").resolve("pom.xml"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The checkout above the working directory, else above this class's own jar or folder. */
  static Path requireCheckout() {
    Optional<Path> fromWorkingDir = findCheckout(Path.of(""));
    if (fromWorkingDir.isPresent()) {
      return fromWorkingDir.get();
    }
    try {
      Path here =
          Path.of(BenchmarksJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Optional<Path> fromCode = findCheckout(here);
      if (fromCode.isPresent()) {
        return fromCode.get();
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // No usable code location: fall through to the error below.
    }
    throw new BadInputException(
        "cannot find the BlazeBench checkout (a folder with mvnw and codec-bench/pom.xml) above"
            + " the working directory: run from the checkout, or pass --jar FILE");
  }

  /** True when {@code jar} is missing or older than a pom or source file of its modules. */
  static boolean needsBuild(Path checkout, Path jar) {
    if (!Files.isRegularFile(jar)) {
      return true;
    }
    try {
      FileTime built = Files.getLastModifiedTime(jar);
      if (isNewer(checkout.resolve("pom.xml"), built)) {
        return true;
      }
      for (String module : MODULES) {
        Path dir = checkout.resolve(module);
        if (isNewer(dir.resolve("pom.xml"), built) || hasNewerFile(dir.resolve("src"), built)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Maven command that builds the jar, run in the checkout. */
  static List<String> buildCommand(Path checkout) {
    return List.of(
        checkout.resolve("mvnw").toString(),
        "-B",
        "-q",
        "-pl",
        "codec-bench",
        "-am",
        "package",
        // Only main code goes into the jar: neither run nor compile the tests.
        "-Dmaven.test.skip=true");
  }

  private static boolean isNewer(Path file, FileTime than) throws IOException {
    return Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(than) > 0;
  }

  private static boolean hasNewerFile(Path dir, FileTime than) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    boolean[] found = {false};
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.lastModifiedTime().compareTo(than) > 0) {
              found[0] = true;
              return FileVisitResult.TERMINATE;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return found[0];
  }
}
