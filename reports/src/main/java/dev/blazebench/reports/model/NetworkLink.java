package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network link a run's load crossed instead of plain loopback: a rate-shaped link ({@code
 * compare --link 10mbit}), an added delay ({@code compare --delay 20ms}, a user-space relay), or
 * both. Absent from results.json when the driver talked to the servers over plain loopback, as
 * every run did before links existed. The claim check reads {@code rateBitsPerSecond} to know
 * whether a claim made for a link of some speed (the seed's "10 Mbps") can be measured from this
 * run, and leaves latency, rate and CPU claims made for no link to runs without one.
 *
 * @param rate the rate as given, e.g. {@code 10mbit}; null when only a delay was added
 * @param rateBitsPerSecond the rate in bits per second, each direction (tc's units: 1 mbit = 10^6
 *     bit); 0 when not shaped
 * @param oneWayDelayMillis the delay added to each direction, in milliseconds (the round trip gains
 *     twice this); 0 when none. Absent from results.json written before delays existed, which reads
 *     as 0
 * @param note a sentence saying how the link was made (namespace, addresses, qdisc settings, relay)
 */
@JsonPropertyOrder({"rate", "rateBitsPerSecond", "oneWayDelayMillis", "note"})
public record NetworkLink(
    String rate, long rateBitsPerSecond, long oneWayDelayMillis, String note) {

  /** {@code <number>kbit|mbit|gbit}, the rates tc understands and a link is named by. */
  private static final Pattern RATE =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(kbit|mbit|gbit)", Pattern.CASE_INSENSITIVE);

  public NetworkLink {
    Objects.requireNonNull(note, "note");
    if (rate == null ? rateBitsPerSecond != 0 : rateBitsPerSecond <= 0) {
      throw new IllegalArgumentException(
          "rateBitsPerSecond must be positive with a rate and 0 without one, was "
              + rateBitsPerSecond
              + " for rate "
              + rate);
    }
    if (oneWayDelayMillis < 0) {
      throw new IllegalArgumentException(
          "oneWayDelayMillis must not be negative, was " + oneWayDelayMillis);
    }
    if (rate == null && oneWayDelayMillis == 0) {
      throw new IllegalArgumentException(
          "a link has a rate, a delay or both; this one has neither");
    }
  }

  /** A rate-shaped link without added delay. */
  public NetworkLink(String rate, long rateBitsPerSecond, String note) {
    this(rate, rateBitsPerSecond, 0, note);
  }

  /** Whether the link's rate is shaped (else only a delay was added). */
  @JsonIgnore
  public boolean shaped() {
    return rate != null;
  }

  /**
   * The link in a few words for a reader: "shaped to 10mbit", "20 ms added each way" or "shaped to
   * 10mbit, 20 ms added each way".
   */
  public String describe() {
    String delay = oneWayDelayMillis + " ms added each way";
    if (rate == null) {
      return delay;
    }
    return oneWayDelayMillis == 0 ? "shaped to " + rate : "shaped to " + rate + ", " + delay;
  }

  /**
   * Bits per second of a rate written as {@code <number>kbit}, {@code mbit} or {@code gbit}, in
   * tc's decimal units ({@code 10mbit} is 10,000,000 bit/s, the seed's "10 Mbps").
   *
   * @throws IllegalArgumentException saying what is accepted, when {@code text} is anything else
   */
  public static long parseRateBitsPerSecond(String text) {
    Matcher m = RATE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a link rate: expected <number>kbit, <number>mbit or <number>gbit, e.g."
              + " 10mbit");
    }
    double number = Double.parseDouble(m.group(1));
    long unit =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "kbit" -> 1_000L;
          case "mbit" -> 1_000_000L;
          default -> 1_000_000_000L;
        };
    double bits = number * unit;
    if (bits < 1_000 || bits > 100_000_000_000d || bits != Math.rint(bits)) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a usable link rate: give a whole number of bit/s between 1kbit and"
              + " 100gbit");
    }
    return (long) bits;
  }
}
