package dev.blazebench.protocol.client;

import java.nio.charset.StandardCharsets;

/** Percent-encodes a URI path segment (RFC 3986): everything but unreserved characters. */
final class PathSegments {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegments() {}

  /** {@code text} as one path segment: {@code "my bugs/2"} becomes {@code my%20bugs%2F2}. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
