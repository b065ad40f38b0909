package dev.blazebench.protocol.json;

/**
 * JSON that cannot become a record: malformed text, or a value the mapping refuses. The message
 * names the place as a path from the document root ({@code $.tags[2]}) and says what is wrong.
 *
 * <p>Servers map it to HTTP 400 (or gRPC {@code INVALID_ARGUMENT}) with this message.
 */
public final class InvalidJsonException extends IllegalArgumentException {

  private final String path;

  public InvalidJsonException(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path;
  }

  public InvalidJsonException(String path, String problem) {
    this(path, problem, null);
  }

  /** Where the problem is, e.g. {@code $.filters[0].value}; {@code $} is the document root. */
  public String path() {
    return path;
  }
}
