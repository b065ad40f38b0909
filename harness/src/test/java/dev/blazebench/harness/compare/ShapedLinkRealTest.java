package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.blazebench.harness.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Builds a real link with ip and tc where this process may (root, Linux, iproute2, namespaces
 * permitted) and checks it by what it is, not by timing: tbf with the rate on both veth ends, a TCP
 * connection from here reaching a socket inside the namespace through them, and nothing left after
 * close. Skipped, saying why, where a link cannot be made.
 */
class ShapedLinkRealTest {

  @Test
  void aRealLinkCarriesTcpThroughTokenBucketsAndLeavesNothingBehind() throws Exception {
    ShapedLink link;
    try {
      link = ShapedLink.open("10mbit");
    } catch (BadInputException e) {
      assumeTrue(false, "no shaped link can be made here: " + e.getMessage());
      return;
    }
    ShapedLink.Names names = link.names();
    try (link) {
      String outside = run("tc", "-s", "qdisc", "show", "dev", names.outsideDevice());
      String inside =
          run("tc", "-n", names.namespace(), "-s", "qdisc", "show", "dev", names.insideDevice());
      assertThat(outside).contains("qdisc tbf").contains("rate 10Mbit");
      assertThat(inside).contains("qdisc tbf").contains("rate 10Mbit");
      long sentBefore = sentPackets(inside);

      // A listener inside the namespace, on the servers' address, started as compare starts them.
      List<String> command = new ArrayList<>(link.serverCommandPrefix());
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(LinkListener.class.getName());
      command.add(link.serverAddress());
      Process listener = new ProcessBuilder(command).redirectErrorStream(true).start();
      try {
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
        String ready = lines.readLine();
        assertThat(ready).as("the listener's first line").startsWith("listening ");
        int port = Integer.parseInt(ready.substring("listening ".length()).strip());

        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(link.serverAddress(), port), 10_000);
          String greeting =
              new BufferedReader(
                      new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                  .readLine();
          assertThat(greeting).isEqualTo(LinkListener.GREETING);
        }
        assertThat(listener.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(listener.exitValue()).isZero();
      } finally {
        listener.destroyForcibly();
      }
      // The connection's replies and the greeting went out through the inside end's bucket.
      String after =
          run("tc", "-n", names.namespace(), "-s", "qdisc", "show", "dev", names.insideDevice());
      assertThat(sentPackets(after)).isGreaterThan(sentBefore);
      assertThat(link.droppedPackets()).isZero();
    }

    assertThat(ShapedLink.namespaceNames(run("ip", "netns", "list")))
        .doesNotContain(names.namespace());
    assertThat(run("ip", "-o", "link", "show")).doesNotContain(names.outsideDevice());
  }

  /** The packet count of tc's "Sent N bytes M pkt" line. */
  private static long sentPackets(String tcStats) {
    String[] words = tcStats.split("\\s+");
    for (int i = 0; i + 4 < words.length; i++) {
      if (words[i].equals("Sent") && words[i + 4].equals("pkt")) {
        return Long.parseLong(words[i + 3]);
      }
    }
    throw new AssertionError("no 'Sent ... pkt' in: " + tcStats);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(List.of(command));
    full.set(0, tool(command[0]));
    ShapedLink.Result result = ShapedLink.run(full);
    assertThat(result.exit()).as(String.join(" ", full) + ": " + result.output()).isZero();
    return result.output();
  }

  private static String tool(String name) {
    for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin", "/bin"}) {
      if (Path.of(dir, name).toFile().canExecute()) {
        return Path.of(dir, name).toString();
      }
    }
    return name;
  }
}
