package dev.blazebench.binary;

/**
 * String values of 1..15 UTF-8 bytes already decoded from one input, so that a sequence's records
 * share one {@link BlazeValue.StringValue} per repeated short value (a status, a tag, a user name)
 * instead of allocating a String, its bytes and a value for each: most short values in a batch of
 * records repeat. Values are immutable, so sharing them changes nothing a caller can see but
 * identity.
 *
 * <p>Keyed by the bytes themselves: a short value fits in two little-endian words, the length in
 * the top byte of the second (which a 15-byte value never reaches), so a lookup compares two longs.
 * Direct-mapped: a value that collides only replaces the other. One per reader, so it needs no
 * synchronisation and lives as long as one decode call.
 */
final class ShortStringValues {

  /**
   * 1,024 slots: a batch's short values (statuses, tags, a few hundred user names) mostly fit
   * without evicting one another, for 20 KB per decode call.
   */
  private static final int SLOT_BITS = 10;

  private static final int SLOTS = 1 << SLOT_BITS;

  private final long[] lows = new long[SLOTS];
  private final long[] highs = new long[SLOTS];
  private final BlazeValue.StringValue[] values = new BlazeValue.StringValue[SLOTS];

  /**
   * The key's second word for a value of {@code length} (1..15) bytes whose bytes 8..15 are {@code
   * bytes8To15} (little-endian, already masked to the value's bytes).
   */
  static long high(long bytes8To15, int length) {
    return bytes8To15 | ((long) length << 56);
  }

  /** The value remembered for key ({@code low}, {@code high}), or null. */
  BlazeValue.StringValue find(long low, long high) {
    int slot = slotOf(low, high);
    BlazeValue.StringValue value = values[slot];
    return value != null && lows[slot] == low && highs[slot] == high ? value : null;
  }

  /**
   * Remembers {@code value}, decoded and validated from the bytes of key ({@code low}, {@code
   * high}).
   */
  void remember(long low, long high, BlazeValue.StringValue value) {
    int slot = slotOf(low, high);
    lows[slot] = low;
    highs[slot] = high;
    values[slot] = value;
  }

  private static int slotOf(long low, long high) {
    long h = low * 0x9E37_79B9_7F4A_7C15L + high * 0xC2B2_AE3D_27D4_EB4FL;
    return (int) (h >>> (64 - SLOT_BITS));
  }
}
