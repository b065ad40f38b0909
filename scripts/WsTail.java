import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Prints each text message of a WebSocket, one per line, until the server closes it; then the
 * close code and reason. A dependency-free WebSocket client for the README demo (JDK 17+):
 *
 * <pre>java scripts/WsTail.java 'ws://127.0.0.1:8080/v1/bugs/subscribe?since=latest'</pre>
 */
public final class WsTail {
  public static void main(String[] args) throws Exception {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    StringBuilder partial = new StringBuilder();
    HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(
            URI.create(args[0]),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                  System.out.println(partial);
                  partial.setLength(0);
                }
                socket.request(1);
                return null;
              }

              @Override
              public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                System.out.println("closed: " + code + " " + reason);
                closed.complete(null);
                return null;
              }

              @Override
              public void onError(WebSocket socket, Throwable error) {
                System.out.println("error: " + error);
                closed.complete(null);
              }
            })
        .join();
    System.err.println("connected to " + args[0]);
    closed.join();
  }
}
