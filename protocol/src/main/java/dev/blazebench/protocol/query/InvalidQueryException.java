package dev.blazebench.protocol.query;

/**
 * A query that cannot run: its message names where the problem is (a path into the query document,
 * such as {@code filters[1].op}) and what it is, for example {@code filters[1].op: unknown operator
 * "equals"}.
 *
 * <p>Servers map it to gRPC {@code INVALID_ARGUMENT} or HTTP 400 with this message.
 */
public final class InvalidQueryException extends IllegalArgumentException {

  private final String path;
  private final String problem;

  /**
   * @param path where in the query document the problem is ({@code ""} for the document itself)
   * @param problem what is wrong, without the path
   */
  public InvalidQueryException(String path, String problem) {
    super(path.isEmpty() ? problem : path + ": " + problem);
    this.path = path;
    this.problem = problem;
  }

  /** The path into the query document, e.g. {@code filters[1].op}; empty for the whole query. */
  public String path() {
    return path;
  }

  /** What is wrong, without the path. */
  public String problem() {
    return problem;
  }

  /** The same problem, with {@code prefix} put before the path (for nested validation). */
  InvalidQueryException under(String prefix) {
    return new InvalidQueryException(path.isEmpty() ? prefix : prefix + "." + path, problem);
  }
}
