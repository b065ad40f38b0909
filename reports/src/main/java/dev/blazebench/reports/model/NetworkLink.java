package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaped network link a run's load crossed ({@code compare --link 10mbit}): absent from
 * results.json when the driver talked to the servers over loopback, as every run did before links
 * existed. The claim check reads {@code rateBitsPerSecond} to know whether a claim made for a link
 * of some speed (the seed's "10 Mbps") can be measured from this run.
 *
 * @param rate the rate as given, e.g. {@code 10mbit}
 * @param rateBitsPerSecond the rate in bits per second, each direction (tc's units: 1 mbit = 10^6
 *     bit)
 * @param note a sentence saying how the link was made (namespace, addresses, qdisc settings)
 */
@JsonPropertyOrder({"rate", "rateBitsPerSecond", "note"})
public record NetworkLink(String rate, long rateBitsPerSecond, String note) {

  /** {@code <number>kbit|mbit|gbit}, the rates tc understands and a link is named by. */
  private static final Pattern RATE =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(kbit|mbit|gbit)", Pattern.CASE_INSENSITIVE);

  public NetworkLink {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(note, "note");
    if (rateBitsPerSecond <= 0) {
      throw new IllegalArgumentException(
          "rateBitsPerSecond must be positive, was " + rateBitsPerSecond);
    }
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
