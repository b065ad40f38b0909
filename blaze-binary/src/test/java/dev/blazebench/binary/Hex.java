package dev.blazebench.binary;

import java.util.HexFormat;
import java.util.zip.CRC32;

/** Hex helpers for byte-exact tests. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** The v2 form of a v1 record: version byte 02, then the CRC-32 of everything before it. */
  static byte[] toV2(byte[] v1) {
    byte[] v2 = new byte[v1.length + 4];
    System.arraycopy(v1, 0, v2, 0, v1.length);
    v2[5] = 0x02;
    CRC32 crc = new CRC32();
    crc.update(v2, 0, v1.length);
    int value = (int) crc.getValue();
    v2[v1.length] = (byte) (value >>> 24);
    v2[v1.length + 1] = (byte) (value >>> 16);
    v2[v1.length + 2] = (byte) (value >>> 8);
    v2[v1.length + 3] = (byte) value;
    return v2;
  }
}
