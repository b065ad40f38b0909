package dev.blazebench.harness.compare;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The BlazeBench checkout {@code compare} runs from: where the default run folder goes ({@code
 * reports/out/}) and where git tells which commit was measured.
 */
final class CheckoutPaths {

  private CheckoutPaths() {}

  /**
   * The first folder at or above {@code start} holding {@code mvnw} and {@code harness/pom.xml}.
   */
  static Optional<Path> findCheckout(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))
          && Files.isRegularFile(dir.resolve("harness").resolve("pom.xml"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The checkout above the working directory or above this code; else the working directory. */
  static Path checkoutOrWorkingDir() {
    Optional<Path> fromWorkingDir = findCheckout(Path.of(""));
    if (fromWorkingDir.isPresent()) {
      return fromWorkingDir.get();
    }
    try {
      Path code =
          Path.of(CheckoutPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Optional<Path> fromCode = findCheckout(code);
      if (fromCode.isPresent()) {
        return fromCode.get();
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // No usable code location: the working directory it is.
    }
    return Path.of("").toAbsolutePath();
  }
}
