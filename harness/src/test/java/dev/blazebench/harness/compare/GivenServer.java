package dev.blazebench.harness.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A reference server a test starts itself, to hand to compare with {@code --target}. */
final class GivenServer {

  private GivenServer() {}

  /** {@code blazebench serve} as a child process, data and log under {@code tmp}, ready. */
  static ServerProcess start(Path tmp) throws IOException, InterruptedException {
    Path data = Files.createDirectories(tmp.resolve("data"));
    return ServerProcess.start(
        ServerProcess.command(List.of(), data),
        tmp.resolve("server.log"),
        CompareRun.SERVER_READY_TIMEOUT);
  }
}
