package dev.blazebench.harness.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain blocking TCP server on 127.0.0.1 for the relay's tests: each accepted connection runs the
 * handler on a thread of its own, and the socket is closed when the handler returns.
 */
final class BlockingServer implements AutoCloseable {

  /** What the server does with one connection. */
  interface Handler {
    void handle(Socket socket) throws IOException;
  }

  private final ServerSocket listener;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  private BlockingServer(Handler handler) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> acceptAll(handler), "test-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static BlockingServer start(Handler handler) throws IOException {
    return new BlockingServer(handler);
  }

  /** Sends back every byte it reads; at the end of the input it closes the connection. */
  static BlockingServer echo() throws IOException {
    return start(
        socket -> {
          InputStream in = socket.getInputStream();
          OutputStream out = socket.getOutputStream();
          byte[] chunk = new byte[16 * 1024];
          for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            out.write(chunk, 0, n);
          }
        });
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }

  private void acceptAll(Handler handler) {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException closed) {
        return;
      }
      accepted.add(socket);
      Thread worker =
          new Thread(
              () -> {
                try (socket) {
                  handler.handle(socket);
                } catch (IOException e) {
                  // the client or the relay went away; the test sees it on its side
                }
              },
              "test-server-connection");
      worker.setDaemon(true);
      worker.start();
    }
  }
}
