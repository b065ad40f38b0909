package dev.blazebench.codec;

import java.util.List;

/** Small checks shared by the codecs when they build their messages. */
final class Messages {

  private Messages() {}

  /** The only element of {@code items}; a single-record message is built from exactly one. */
  static <T> T single(List<T> items) {
    if (items.size() != 1) {
      throw new IllegalArgumentException(
          "a single-record message needs exactly 1 record, got " + items.size());
    }
    return items.get(0);
  }
}
