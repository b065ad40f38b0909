package dev.blazebench.server.store;

import java.nio.charset.StandardCharsets;

/**
 * The rules for collection names.
 *
 * <p>A name is 1 to 255 bytes of UTF-8 with no control character (C0, DEL, C1) and no unpaired
 * surrogate. Names are compared exactly: no case folding, no Unicode normalisation.
 */
final class CollectionNames {

  /** Longest name, in UTF-8 bytes (fits BlazeOperation's u8 length prefix). */
  static final int MAX_NAME_BYTES = 255;

  private CollectionNames() {}

  /**
   * Returns {@code name} when it is valid.
   *
   * @throws InvalidCollectionNameException naming the rule it breaks
   */
  static String check(String name) {
    if (name == null || name.isEmpty()) {
      throw new InvalidCollectionNameException("collection name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidCollectionNameException(
            String.format(
                "collection name \"%s\" has a control character U+%04X at index %d",
                printable(name), (int) c, i));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidCollectionNameException(
            "collection name has an unpaired surrogate at index " + i);
      }
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      throw new InvalidCollectionNameException(
          "collection name is "
              + bytes
              + " UTF-8 bytes, more than the "
              + MAX_NAME_BYTES
              + " allowed");
    }
    return name;
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }
}
