package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.query.SortKey;
import java.util.Comparator;
import java.util.List;

/**
 * A query's sort keys as a comparator: the first key decides, later keys break its ties, and
 * records equal on every key compare as equal (the engine keeps their scan order, by id).
 *
 * <p>A record whose key field is missing or null sorts <em>after</em> every record that has a
 * value, in ascending and in descending order alike, as BlazeDB's {@code applySorts} does ("nil
 * sorts last"). Present values compare with {@link ValueOrder#compare}, reversed for descending.
 */
public final class RecordOrder implements Comparator<BlazeRecord> {

  private final String[] fields;
  private final boolean[] descending;

  private RecordOrder(List<SortKey> keys) {
    fields = new String[keys.size()];
    descending = new boolean[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      fields[i] = keys.get(i).field();
      descending[i] = keys.get(i).descending();
    }
  }

  /** The order of {@code keys}; with no key every record compares equal. */
  public static RecordOrder of(List<SortKey> keys) {
    return new RecordOrder(keys);
  }

  @Override
  public int compare(BlazeRecord a, BlazeRecord b) {
    for (int i = 0; i < fields.length; i++) {
      BlazeValue x = FieldValues.presentOrNull(a, fields[i]);
      BlazeValue y = FieldValues.presentOrNull(b, fields[i]);
      if (x == null || y == null) {
        if (x == null && y == null) {
          continue;
        }
        return x == null ? 1 : -1; // absent last, whatever the direction
      }
      int c = ValueOrder.compare(x, y);
      if (c != 0) {
        return descending[i] ? -c : c;
      }
    }
    return 0;
  }
}
