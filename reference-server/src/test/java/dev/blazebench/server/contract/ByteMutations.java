package dev.blazebench.server.contract;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * Seeded, describable damage to a valid message: the mutations a fuzzer such as libFuzzer starts
 * with (flip a bit, overwrite, insert, delete, duplicate, cut short), plus one aimed at this
 * project's formats: overwriting four bytes with a boundary integer, which turns a length or a
 * count into 0, 2^16, 2^31 - 1 or 2^32 - 1. Each call applies one to four of them and says which,
 * so a failure can be read and replayed.
 */
final class ByteMutations {

  /** Big-endian u32 values that sit on the limits of lengths and counts. */
  private static final int[] BOUNDARY_INTS = {0, 1, 0xFF, 0x1_0000, 0x7FFF_FFFF, 0xFFFF_FFFF};

  /** Single bytes that are tags, ids or sign bits somewhere in the formats. */
  private static final byte[] BOUNDARY_BYTES = {0x00, 0x01, 0x0B, 0x20, 0x7F, (byte) 0x80, -1};

  private final Random random;

  ByteMutations(long seed) {
    this.random = new Random(seed);
  }

  /** A damaged copy of {@code seed}, and what was done to it. */
  Mutant mutate(byte[] seed) {
    byte[] bytes = seed.clone();
    StringBuilder how = new StringBuilder();
    int steps = 1 + random.nextInt(4);
    for (int s = 0; s < steps; s++) {
      if (how.length() > 0) {
        how.append(", ");
      }
      bytes = step(bytes, how);
    }
    return new Mutant(bytes, how.toString());
  }

  /** {@code n} random bytes: not derived from any message. */
  byte[] noise(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  /** A random index below {@code bound} (at least 1). */
  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private byte[] step(byte[] bytes, StringBuilder how) {
    if (bytes.length == 0) {
      how.append("grew from nothing");
      return noise(1 + random.nextInt(32));
    }
    int at = random.nextInt(bytes.length);
    switch (random.nextInt(7)) {
      case 0 -> {
        int bit = random.nextInt(8);
        bytes[at] ^= (byte) (1 << bit);
        how.append("flipped bit ").append(bit).append(" of byte ").append(at);
      }
      case 1 -> {
        bytes[at] = BOUNDARY_BYTES[random.nextInt(BOUNDARY_BYTES.length)];
        how.append("set byte ").append(at).append(" to ").append(hex(bytes, at, 1));
      }
      case 2 -> {
        int value = BOUNDARY_INTS[random.nextInt(BOUNDARY_INTS.length)];
        for (int k = 0; k < 4 && at + k < bytes.length; k++) {
          bytes[at + k] = (byte) (value >>> (24 - 8 * k));
        }
        how.append("wrote u32 ").append(Integer.toUnsignedString(value)).append(" at ").append(at);
      }
      case 3 -> {
        byte[] inserted = noise(1 + random.nextInt(16));
        bytes = splice(bytes, at, 0, inserted);
        how.append("inserted ").append(inserted.length).append(" bytes at ").append(at);
      }
      case 4 -> {
        int n = 1 + random.nextInt(Math.min(16, bytes.length - at));
        bytes = splice(bytes, at, n, new byte[0]);
        how.append("deleted ").append(n).append(" bytes at ").append(at);
      }
      case 5 -> {
        int n = 1 + random.nextInt(Math.min(32, bytes.length - at));
        bytes = splice(bytes, at, 0, Arrays.copyOfRange(bytes, at, at + n));
        how.append("repeated ").append(n).append(" bytes at ").append(at);
      }
      default -> {
        bytes = Arrays.copyOf(bytes, at);
        how.append("cut to ").append(at).append(" bytes");
      }
    }
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
    byte[] out = new byte[bytes.length - removed + inserted.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(bytes, at + removed, out, at + inserted.length, bytes.length - at - removed);
    return out;
  }

  /** Up to {@code max} bytes from {@code from} in hex, with "..." when there are more. */
  static String hex(byte[] bytes, int from, int max) {
    int n = Math.min(max, bytes.length - from);
    return HexFormat.of().formatHex(bytes, from, from + n) + (bytes.length - from > n ? "..." : "");
  }

  /** A damaged message and a description of the damage. */
  record Mutant(byte[] bytes, String how) {}
}
