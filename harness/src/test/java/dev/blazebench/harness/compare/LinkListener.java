package dev.blazebench.harness.compare;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A one-connection TCP listener for {@link ShapedLinkRealTest}, run inside a link's namespace:
 * listens on the address given (any port), prints {@code listening PORT}, greets the first
 * connection and exits.
 */
public final class LinkListener {

  static final String GREETING = "hello through the link";

  private LinkListener() {}

  public static void main(String[] args) throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(args[0]))) {
      server.setSoTimeout(20_000);
      System.out.println("listening " + server.getLocalPort());
      System.out.flush();
      try (Socket client = server.accept();
          OutputStream out = client.getOutputStream()) {
        out.write((GREETING + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
