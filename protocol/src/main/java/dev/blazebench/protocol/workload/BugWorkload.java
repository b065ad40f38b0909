package dev.blazebench.protocol.workload;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The canonical workload: the seed's "bug" records, generated deterministically. Every record is a
 * pure function of {@code (seed, index)}, so the server's seeding, the load drivers and the codec
 * benchmarks all see the same data, and a driver can know the id of record {@code i} without asking
 * the server.
 *
 * <p>A record has: {@code id} (uuid, version 4 bits), {@code title} (20..80 characters), {@code
 * description} (150..400 characters, whole sentences, most short), {@code priority} (int 1..5,
 * weights 10/20/35/25/10), {@code status} ({@code open}/{@code in_progress}/{@code closed}, weights
 * 40/30/30), {@code createdAt} (a date with millisecond precision, uniform over 2025), {@code
 * assignee} ({@code first.last}) and {@code tags} (0..3 distinct strings from a fixed list, always
 * present, possibly empty). About 450 bytes of JSON each, like the seed's 450 KB per 1,000.
 *
 * <pre>{@code
 * BlazeRecord first = BugWorkload.bug(BugWorkload.DEFAULT_SEED, 0);
 * List<BlazeRecord> thousand = BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 1000);
 * BlazeRecord toInsert = BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0); // no id, no createdAt
 * }</pre>
 */
public final class BugWorkload {

  /** The seed every run uses unless told otherwise. */
  public static final long DEFAULT_SEED = 20_251_114L;

  /** createdAt lies in [2025-01-01T00:00:00Z, 2026-01-01T00:00:00Z). */
  public static final Instant CREATED_FROM = Instant.parse("2025-01-01T00:00:00Z");

  public static final Instant CREATED_UNTIL = Instant.parse("2026-01-01T00:00:00Z");

  private static final long CREATED_SPAN_MILLIS =
      CREATED_UNTIL.toEpochMilli() - CREATED_FROM.toEpochMilli();

  private static final int[] PRIORITY_WEIGHTS = {10, 20, 35, 25, 10};
  private static final int[] STATUS_WEIGHTS = {40, 30, 30};
  private static final int[] TAG_COUNT_WEIGHTS = {15, 35, 30, 20};

  // Content and server-set fields come from separate generators, so that newBug(seed, i) is
  // exactly bug(seed, i) without id and createdAt.
  private static final long CONTENT_STREAM = 0x436F6E74656E7431L;
  private static final long IDENTITY_STREAM = 0x4964656E74697479L;

  private BugWorkload() {}

  /** Record {@code index} of the workload {@code seed}, with id and createdAt. */
  public static BlazeRecord bug(long seed, int index) {
    return content(seed, index)
        .put(BugFields.ID, BlazeValue.uuid(id(seed, index)))
        .put(BugFields.CREATED_AT, BlazeValue.date(createdAt(seed, index)))
        .build();
  }

  /**
   * Record {@code index} as a client sends it to {@code Insert}: without {@code id} and {@code
   * createdAt}, which the server sets.
   */
  public static BlazeRecord newBug(long seed, int index) {
    return content(seed, index).build();
  }

  /** The id of {@link #bug(long, int) bug(seed, index)}. */
  public static UUID id(long seed, int index) {
    SplitMix64 random = identity(seed, index);
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF
    return new UUID(msb, lsb);
  }

  /** The createdAt of {@link #bug(long, int) bug(seed, index)}: whole milliseconds in 2025. */
  public static Instant createdAt(long seed, int index) {
    SplitMix64 random = identity(seed, index);
    random.nextLong();
    random.nextLong();
    long offsetMillis = (long) (random.nextDouble() * CREATED_SPAN_MILLIS);
    return Instant.ofEpochMilli(CREATED_FROM.toEpochMilli() + offsetMillis);
  }

  /** Records {@code fromIndex .. fromIndex + count - 1}, with ids. */
  public static List<BlazeRecord> bugs(long seed, int fromIndex, int count) {
    checkRange(fromIndex, count);
    List<BlazeRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(bug(seed, fromIndex + i));
    }
    return records;
  }

  /** Records {@code fromIndex .. fromIndex + count - 1} without id and createdAt. */
  public static List<BlazeRecord> newBugs(long seed, int fromIndex, int count) {
    checkRange(fromIndex, count);
    List<BlazeRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(newBug(seed, fromIndex + i));
    }
    return records;
  }

  /** Records {@code 0, 1, 2, ...} lazily, with ids; limit the stream. */
  public static Stream<BlazeRecord> stream(long seed) {
    return IntStream.iterate(0, i -> i >= 0, i -> i + 1).mapToObj(i -> bug(seed, i));
  }

  private static BlazeRecord.Builder content(long seed, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, was " + index);
    }
    SplitMix64 random = new SplitMix64(streamSeed(seed, index, CONTENT_STREAM));
    String title = BugText.title(random);
    String description = BugText.description(random);
    int priority = 1 + random.nextWeighted(PRIORITY_WEIGHTS);
    String status = BugFields.STATUSES.get(random.nextWeighted(STATUS_WEIGHTS));
    String assignee = BugText.assignee(random);
    return BlazeRecord.builder()
        .put(BugFields.TITLE, BlazeValue.string(title))
        .put(BugFields.DESCRIPTION, BlazeValue.string(description))
        .put(BugFields.PRIORITY, BlazeValue.integer(priority))
        .put(BugFields.STATUS, BlazeValue.string(status))
        .put(BugFields.ASSIGNEE, BlazeValue.string(assignee))
        .put(BugFields.TAGS, BlazeValue.array(tags(random)));
  }

  private static List<BlazeValue> tags(SplitMix64 random) {
    int count = random.nextWeighted(TAG_COUNT_WEIGHTS);
    List<BlazeValue> tags = new ArrayList<>(count);
    while (tags.size() < count) {
      BlazeValue tag = BlazeValue.string(random.pick(BugText.TAGS));
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }

  private static SplitMix64 identity(long seed, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, was " + index);
    }
    return new SplitMix64(streamSeed(seed, index, IDENTITY_STREAM));
  }

  private static long streamSeed(long seed, int index, long stream) {
    return SplitMix64.mix(SplitMix64.mix(seed ^ stream) + index);
  }

  private static void checkRange(int fromIndex, int count) {
    if (fromIndex < 0 || count < 0 || (long) fromIndex + count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "need 0 <= fromIndex and 0 <= count with fromIndex + count <= 2^31 - 1, was fromIndex="
              + fromIndex
              + ", count="
              + count);
    }
  }
}
