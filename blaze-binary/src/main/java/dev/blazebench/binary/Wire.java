package dev.blazebench.binary;

import java.util.Locale;

/** Constants of the BlazeBinary wire format, shared by the encoders and decoders. */
final class Wire {

  private Wire() {}

  /** "BLAZE". */
  static final byte[] MAGIC = {0x42, 0x4C, 0x41, 0x5A, 0x45};

  /** "BLAZ", the magic's first four bytes as a big-endian int. */
  static final int MAGIC_FIRST_FOUR = 0x424C415A;

  /** Magic, version byte, u16 field count. */
  static final int HEADER_BYTES = 8;

  /** The CRC-32 trailer of a v2 record. */
  static final int CRC_BYTES = 4;

  /** The most a u16 count or length can say. */
  static final int MAX_U16 = 0xFFFF;

  static final int TAG_STRING = 0x01;
  static final int TAG_INT = 0x02;
  static final int TAG_DOUBLE = 0x03;
  static final int TAG_BOOL = 0x04;
  static final int TAG_UUID = 0x05;
  static final int TAG_DATE = 0x06;
  static final int TAG_DATA = 0x07;
  static final int TAG_ARRAY = 0x08;
  static final int TAG_DICTIONARY = 0x09;
  static final int TAG_VECTOR = 0x0A;
  static final int TAG_NULL = 0x0B;
  static final int TAG_EMPTY_STRING = 0x11;
  static final int TAG_SMALL_INT = 0x12;
  static final int TAG_EMPTY_ARRAY = 0x18;
  static final int TAG_EMPTY_DICTIONARY = 0x19;

  /** 0x20-0x2F: a string of 1..15 UTF-8 bytes, its length in the low four bits. */
  static final int TAG_SHORT_STRING = 0x20;

  static final int MAX_SHORT_STRING_BYTES = 15;

  static String hex(int b) {
    return String.format(Locale.ROOT, "0x%02X", b & 0xFF);
  }

  /** What a value tag says, for messages: {@code "int (tag 0x12)"}, or an unknown tag. */
  static String describeTag(int tag) {
    String type;
    if ((tag & 0xF0) == TAG_SHORT_STRING || tag == TAG_STRING || tag == TAG_EMPTY_STRING) {
      type = "string";
    } else {
      switch (tag) {
        case TAG_INT, TAG_SMALL_INT -> type = "int";
        case TAG_DOUBLE -> type = "double";
        case TAG_BOOL -> type = "bool";
        case TAG_UUID -> type = "uuid";
        case TAG_DATE -> type = "date";
        case TAG_DATA -> type = "data";
        case TAG_ARRAY, TAG_EMPTY_ARRAY -> type = "array";
        case TAG_DICTIONARY, TAG_EMPTY_DICTIONARY -> type = "dictionary";
        case TAG_VECTOR -> type = "vector";
        case TAG_NULL -> type = "null";
        default -> {
          return "unknown value tag " + hex(tag);
        }
      }
    }
    return type + " (tag " + hex(tag) + ")";
  }
}
