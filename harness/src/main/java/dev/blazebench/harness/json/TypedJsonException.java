package dev.blazebench.harness.json;

/**
 * Typed JSON that cannot become a BlazeBinary value: the message starts with the JSON path of the
 * offending node ({@code $.tags.items[2]: unknown type "strng"}) or, for JSON that does not parse,
 * its line and column.
 */
public final class TypedJsonException extends RuntimeException {

  private final String location;

  public TypedJsonException(JsonPath path, String problem) {
    this(path.toString(), problem, null);
  }

  TypedJsonException(String location, String problem, Throwable cause) {
    super(location + ": " + problem, cause);
    this.location = location;
  }

  /** Where the problem is: a JSON path such as {@code $.tags.items[2]}, or a line and column. */
  public String location() {
    return location;
  }
}
