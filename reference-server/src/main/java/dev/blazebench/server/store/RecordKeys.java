package dev.blazebench.server.store;

import java.util.UUID;

/**
 * Record ids as MVStore keys: the 16 bytes of the UUID in the order of its text form (as
 * BlazeBinary writes a uuid), so that unsigned byte order, the map's order, is the order of the
 * ids' text. Scans and ties in sorted results follow that order.
 */
final class RecordKeys {

  static final int KEY_BYTES = 16;

  private RecordKeys() {}

  static byte[] toKey(UUID id) {
    byte[] key = new byte[KEY_BYTES];
    long msb = id.getMostSignificantBits();
    long lsb = id.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      key[i] = (byte) (msb >>> (56 - 8 * i));
      key[8 + i] = (byte) (lsb >>> (56 - 8 * i));
    }
    return key;
  }

  static UUID fromKey(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a record key is 16 bytes, was " + key.length);
    }
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (key[i] & 0xFF);
      lsb = (lsb << 8) | (key[8 + i] & 0xFF);
    }
    return new UUID(msb, lsb);
  }
}
