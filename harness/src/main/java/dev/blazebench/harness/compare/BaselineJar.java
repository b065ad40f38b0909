package dev.blazebench.harness.compare;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks the jar given with {@code compare --baseline-jar} before anything starts: a blazebench jar
 * of another build, whose reference server compare runs beside its own.
 */
final class BaselineJar {

  private BaselineJar() {}

  /**
   * Returns {@code jar} as an absolute path if it is a readable jar holding the blazebench command
   * line; else throws {@link BadInputException} saying what is wrong with it.
   */
  static Path check(Path jar) {
    Path absolute = jar.toAbsolutePath().normalize();
    String what = "--baseline-jar " + jar;
    if (!Files.exists(absolute)) {
      throw new BadInputException(
          what + ": no such file (build the baseline with ./mvnw -pl harness -am package)");
    }
    if (!Files.isRegularFile(absolute)) {
      throw new BadInputException(what + ": not a file");
    }
    String mainClass = Main.class.getName().replace('.', '/') + ".class";
    try (ZipFile zip = new ZipFile(absolute.toFile())) {
      if (zip.getEntry(mainClass) == null) {
        throw new BadInputException(
            what
                + ": not a blazebench jar (it has no "
                + mainClass
                + "; give harness/target/blazebench.jar of the baseline build)");
      }
    } catch (ZipException e) {
      throw new BadInputException(what + ": not a jar (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BadInputException(what + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return absolute;
  }
}
