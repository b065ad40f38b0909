package dev.blazebench.reports.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.blazebench.reports.model.NetworkLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The seed's quantitative claims, kept as data ({@code claims.json} on the classpath) rather than
 * in a template, so a claim is added or corrected in one place and every report follows. Loading
 * checks the catalogue: ids unique, every metric parses, measurable claims have a threshold and the
 * others a reason, and a claim measurable only over a shaped link has both and a rate tc knows.
 */
public record ClaimCatalogue(String seed, List<Claim> claims) {

  /** The catalogue that ships with reports, at the classpath's root. */
  public static final String RESOURCE = "/claims.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  public ClaimCatalogue {
    claims = List.copyOf(claims);
  }

  /** The catalogue shipped in this jar. */
  public static ClaimCatalogue standard() {
    try (InputStream in = ClaimCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("claims.json missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses and checks a catalogue.
   *
   * @throws IllegalArgumentException naming {@code source}, the claim and the problem
   */
  public static ClaimCatalogue parse(String json, String source) {
    ClaimCatalogue catalogue;
    try {
      catalogue = MAPPER.readValue(json, ClaimCatalogue.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": " + e.getOriginalMessage(), e);
    }
    Set<String> ids = new HashSet<>();
    for (Claim claim : catalogue.claims()) {
      String where = source + ": claim " + claim.id();
      if (!ids.add(claim.id())) {
        throw new IllegalArgumentException(where + ": id used twice");
      }
      if (claim.link() != null) {
        try {
          NetworkLink.parseRateBitsPerSecond(claim.link());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + ": link " + e.getMessage(), e);
        }
        if (claim.metric() == null || claim.notMeasurable() == null) {
          throw new IllegalArgumentException(
              where
                  + ": a claim with a link needs a metric (for runs over that link) and a reason it"
                  + " is not measurable (for the others)");
        }
      }
      if (claim.notMeasurable() == null || claim.link() != null) {
        if (claim.metric() == null || claim.unit() == null || claim.comparison() == null) {
          throw new IllegalArgumentException(
              where + ": a measurable claim needs metric, unit, comparison and threshold");
        }
        if (claim.threshold() == null) {
          throw new IllegalArgumentException(where + ": threshold missing");
        }
        if (claim.comparison() == Comparison.APPROXIMATELY && claim.tolerance() == null) {
          throw new IllegalArgumentException(where + ": approx needs a tolerance");
        }
        parseMetric(claim.metric(), where);
      } else if (claim.metric() != null) {
        throw new IllegalArgumentException(
            where
                + ": has both a metric and a reason it is not measurable; use proxy, or link if"
                + " the metric applies over a shaped link");
      }
      if (claim.proxy() != null) {
        parseMetric(claim.proxy().metric(), where + " proxy");
      }
    }
    return catalogue;
  }

  private static void parseMetric(String metric, String where) {
    try {
      MetricExpression.parse(metric);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
