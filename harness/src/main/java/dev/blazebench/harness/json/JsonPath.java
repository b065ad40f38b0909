package dev.blazebench.harness.json;

import java.util.regex.Pattern;

/**
 * A location inside a JSON document, spelled the way error messages show it: {@code $} for the
 * document, {@code $.tags.items[2]} for an array item, {@code $['first name']} for a name that is
 * not a plain identifier.
 */
public final class JsonPath {

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The whole document. */
  public static final JsonPath ROOT = new JsonPath("$");

  private final String text;

  private JsonPath(String text) {
    this.text = text;
  }

  /** The member {@code name} of the object at this path. */
  public JsonPath field(String name) {
    if (PLAIN_NAME.matcher(name).matches()) {
      return new JsonPath(text + "." + name);
    }
    String escaped = name.replace("\\", "\\\\").replace("'", "\\'");
    return new JsonPath(text + "['" + escaped + "']");
  }

  /** The item at {@code index} of the array at this path. */
  public JsonPath index(int index) {
    return new JsonPath(text + "[" + index + "]");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonPath other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
