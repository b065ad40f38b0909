package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.BoolValue;
import dev.blazebench.binary.BlazeValue.IntValue;

/**
 * BlazeDB's soft delete: a record whose {@code isDeleted} field is true is invisible to queries,
 * aggregations, fetches by id and counts, though it stays stored until deleted for good.
 *
 * <p>"True" is what BlazeDB's {@code boolValue} reads as true: the bool {@code true}, or an int
 * other than 0. Any other value, or no field, leaves the record visible.
 */
public final class Visibility {

  /** The field BlazeDB reads for soft deletion. */
  public static final String IS_DELETED = "isDeleted";

  private Visibility() {}

  /** True unless the record is soft-deleted. */
  public static boolean isVisible(BlazeRecord record) {
    BlazeValue flag = record.get(IS_DELETED);
    if (flag instanceof BoolValue bool) {
      return !bool.value();
    }
    if (flag instanceof IntValue integer) {
      return integer.value() == 0;
    }
    return true;
  }
}
