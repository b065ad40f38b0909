package dev.blazebench.load.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The commit of the git checkout a directory is in, read from {@code .git} directly (no {@code git}
 * process, which may not be installed where drivers run).
 */
final class GitCommit {

  private GitCommit() {}

  /** The 40-hex commit id, or null if {@code dir} is not in a checkout or it cannot be read. */
  static String find(Path dir) {
    try {
      for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
        Path git = d.resolve(".git");
        if (Files.isDirectory(git)) {
          return resolveHead(git);
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  private static String resolveHead(Path git) throws IOException {
    String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
    if (!head.startsWith("ref: ")) {
      return isCommitId(head) ? head : null;
    }
    String ref = head.substring("ref: ".length());
    Path loose = git.resolve(ref);
    if (Files.isRegularFile(loose)) {
      String id = Files.readString(loose, StandardCharsets.UTF_8).strip();
      return isCommitId(id) ? id : null;
    }
    Path packed = git.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        if (line.endsWith(" " + ref) && isCommitId(line.substring(0, 40))) {
          return line.substring(0, 40);
        }
      }
    }
    return null;
  }

  private static boolean isCommitId(String text) {
    return text.length() == 40 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }
}
