package dev.blazebench.reports.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A headless Chromium this test starts and stops itself, with the DevTools protocol on a port the
 * browser picks ({@code --remote-debugging-port=0}; the port is read from the {@code
 * DevToolsActivePort} file it writes into its profile folder).
 */
final class Chromium implements AutoCloseable {

  private static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome");

  private final Process process;
  final int port;

  private Chromium(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The browser binary: {@code $BLAZEBENCH_CHROMIUM}, else the first of {@link #NAMES} on PATH. */
  static Optional<Path> find() {
    String configured = System.getenv("BLAZEBENCH_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : NAMES) {
      for (String folder : path.split(File.pathSeparator)) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Starts {@code binary} headless with a fresh profile in {@code profile}, and waits for its port.
   */
  static Chromium start(Path binary, Path profile, Duration timeout) throws IOException {
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolveSibling("chromium.log").toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + timeout.toNanos();
    // The browser writes the file once it listens; nothing to wait on but the file itself.
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "chromium exited with " + process.exitValue() + " before listening; see chromium.log");
      }
      if (Files.exists(portFile)) {
        List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return new Chromium(process, Integer.parseInt(lines.get(0).strip()));
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    process.destroyForcibly();
    throw new IOException("chromium did not write " + portFile + " within " + timeout);
  }

  @Override
  public void close() {
    // Only this browser and the helper processes it started.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    boolean exited;
    try {
      exited = process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exited = false;
    }
    if (!exited) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
