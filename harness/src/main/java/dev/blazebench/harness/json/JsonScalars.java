package dev.blazebench.harness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the scalar spellings typed JSON allows (integers as numbers or decimal strings, doubles as
 * numbers or {@code "NaN"}, raw bits as hex, UUIDs, hex bytes) and writes them back. Every reader
 * names the JSON path of a node it rejects.
 */
final class JsonScalars {

  private static final Pattern DECIMAL_INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final HexFormat HEX = HexFormat.of();

  private JsonScalars() {}

  /** A signed 64-bit integer: a JSON integer or a decimal string (for readers that lose digits). */
  static long readLong(JsonNode node, JsonPath path) {
    BigInteger value = readInteger(node, path);
    if (value.bitLength() > 63) {
      throw new TypedJsonException(path, value + " is outside the signed 64-bit range");
    }
    return value.longValue();
  }

  /** An unsigned 64-bit integer held in a long's bits (0 .. 18446744073709551615). */
  static long readUnsignedLong(JsonNode node, JsonPath path) {
    BigInteger value = readInteger(node, path);
    if (value.signum() < 0 || value.compareTo(U64_MAX) > 0) {
      throw new TypedJsonException(path, value + " is outside the unsigned 64-bit range");
    }
    return value.longValue();
  }

  /** The JSON number for an unsigned 64-bit value held in a long. */
  static JsonNode unsignedLongNode(long value) {
    return value >= 0
        ? TypedJson.NODES.numberNode(value)
        : TypedJson.NODES.numberNode(new BigInteger(Long.toUnsignedString(value)));
  }

  private static BigInteger readInteger(JsonNode node, JsonPath path) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isTextual() && DECIMAL_INTEGER.matcher(node.textValue()).matches()) {
      return new BigInteger(node.textValue());
    }
    throw new TypedJsonException(
        path, "expected an integer (a JSON integer or a decimal string), got " + describe(node));
  }

  /**
   * A double: a JSON number, or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. A number
   * too large for a double is rejected rather than silently becoming infinity.
   */
  static double readDouble(JsonNode node, JsonPath path) {
    if (node.isNumber()) {
      double value = node.doubleValue();
      if (Double.isInfinite(value)) {
        throw new TypedJsonException(
            path, node + " is outside the double range (write \"Infinity\" if you mean it)");
      }
      return value;
    }
    if (node.isTextual()) {
      switch (node.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new TypedJsonException(
        path, "expected a number or \"NaN\", \"Infinity\", \"-Infinity\", got " + describe(node));
  }

  /** The JSON form of {@code value}: a number, or the name of a non-finite value. */
  static JsonNode doubleNode(double value) {
    if (Double.isNaN(value)) {
      return TypedJson.NODES.textNode("NaN");
    }
    if (Double.isInfinite(value)) {
      return TypedJson.NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
    }
    return TypedJson.NODES.numberNode(value);
  }

  /** A float32: as {@link #readDouble}, then narrowed; a finite value past float range fails. */
  static float readFloat(JsonNode node, JsonPath path) {
    double wide = readDouble(node, path);
    float narrow = (float) wide;
    if (Float.isInfinite(narrow) && !Double.isInfinite(wide)) {
      throw new TypedJsonException(path, node + " is outside the float32 range");
    }
    return narrow;
  }

  /** The JSON form of a float32: a number, or the name of a non-finite value. */
  static JsonNode floatNode(float value) {
    if (Float.isNaN(value)) {
      return TypedJson.NODES.textNode("NaN");
    }
    if (Float.isInfinite(value)) {
      return TypedJson.NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
    }
    return TypedJson.NODES.numberNode(value);
  }

  /** Raw bits written as exactly {@code hexDigits} hex digits (16 for a double, 8 for a float). */
  static long readBits(JsonNode node, JsonPath path, int hexDigits) {
    String text = readText(node, path);
    if (text.length() != hexDigits || !isHex(text)) {
      throw new TypedJsonException(
          path, "expected exactly " + hexDigits + " hex digits of raw IEEE-754 bits, got " + node);
    }
    return Long.parseUnsignedLong(text, 16);
  }

  static String bitsText(long bits) {
    return String.format(Locale.ROOT, "%016x", bits);
  }

  static String bitsText(int bits) {
    return String.format(Locale.ROOT, "%08x", bits);
  }

  static String readText(JsonNode node, JsonPath path) {
    if (!node.isTextual()) {
      throw new TypedJsonException(path, "expected a string, got " + describe(node));
    }
    return node.textValue();
  }

  static boolean readBoolean(JsonNode node, JsonPath path) {
    if (!node.isBoolean()) {
      throw new TypedJsonException(path, "expected true or false, got " + describe(node));
    }
    return node.booleanValue();
  }

  /** A UUID in its 36-character text form (either case); the lenient short forms are refused. */
  static UUID readUuid(JsonNode node, JsonPath path) {
    String text = readText(node, path);
    if (!UUID_TEXT.matcher(text).matches()) {
      throw new TypedJsonException(
          path, "expected a UUID like \"550E8400-E29B-41D4-A716-446655440000\", got " + node);
    }
    return UUID.fromString(text);
  }

  /** Upper case, as Swift's {@code uuidString} writes it. */
  static String uuidText(UUID uuid) {
    return uuid.toString().toUpperCase(Locale.ROOT);
  }

  /** Bytes as an even number of hex digits (either case), nothing else. */
  static byte[] readHexBytes(JsonNode node, JsonPath path) {
    String text = readText(node, path);
    for (int i = 0; i < text.length(); i++) {
      if (!isHexDigit(text.charAt(i))) {
        throw new TypedJsonException(
            path, "invalid hex digit '" + text.charAt(i) + "' at character " + i);
      }
    }
    if (text.length() % 2 != 0) {
      throw new TypedJsonException(
          path, "odd number of hex digits (" + text.length() + "): the last byte is incomplete");
    }
    return HEX.parseHex(text);
  }

  /** Exactly {@code length} bytes as hex. */
  static byte[] readHexBytes(JsonNode node, JsonPath path, int length) {
    byte[] bytes = readHexBytes(node, path);
    if (bytes.length != length) {
      throw new TypedJsonException(
          path,
          "expected " + length + " bytes (" + 2 * length + " hex digits), got " + bytes.length);
    }
    return bytes;
  }

  static String hexText(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** A short description of a node for messages: its JSON, cut if long. */
  static String describe(JsonNode node) {
    String text = node.isMissingNode() ? "nothing" : node.toString();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  private static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isHexDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** ASCII only: {@link Character#digit} would also take other scripts' digits. */
  static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
