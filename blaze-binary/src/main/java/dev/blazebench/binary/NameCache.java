package dev.blazebench.binary;

import java.util.Arrays;

/**
 * Recently decoded field names and dictionary keys, so that the thousand records of a sequence, or
 * a thousand single-record messages, share one {@code String} per custom name instead of decoding
 * and allocating it each time (as Jackson canonicalises field names). Common-field names never get
 * here: they come from {@link CommonFields}.
 *
 * <p>Direct-mapped and shared by all threads without locks: an {@link Entry} is immutable (final
 * fields, so safely published by a plain array store), a racing store only replaces one valid entry
 * with another, and a lookup compares the bytes before trusting an entry. Only names of up to
 * {@value #MAX_NAME_BYTES} bytes are kept, so the cache stays a few kilobytes.
 */
final class NameCache {

  static final int MAX_NAME_BYTES = 32;

  private static final int SLOTS = 256; // a power of two

  private static final Entry[] ENTRIES = new Entry[SLOTS];

  /** A name's UTF-8 bytes, its String, and whether it is all ASCII. */
  static final class Entry {
    final byte[] utf8;
    final String name;
    final boolean ascii;

    Entry(byte[] utf8, String name, boolean ascii) {
      this.utf8 = utf8;
      this.name = name;
      this.ascii = ascii;
    }
  }

  private NameCache() {}

  /** The cached name whose UTF-8 is {@code a[from, from + length)}, or null. */
  static Entry find(byte[] a, int from, int length) {
    if (length > MAX_NAME_BYTES) {
      return null;
    }
    Entry entry = ENTRIES[slotOf(a, from, length)];
    if (entry != null
        && entry.utf8.length == length
        && Arrays.equals(entry.utf8, 0, length, a, from, from + length)) {
      return entry;
    }
    return null;
  }

  /** Remembers {@code name}, already decoded and validated from {@code a[from, from + length)}. */
  static void remember(byte[] a, int from, int length, String name, boolean ascii) {
    if (length <= MAX_NAME_BYTES) {
      ENTRIES[slotOf(a, from, length)] =
          new Entry(Arrays.copyOfRange(a, from, from + length), name, ascii);
    }
  }

  private static int slotOf(byte[] a, int from, int length) {
    int h = length;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + a[i];
    }
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }
}
