package dev.blazebench.protocol.query;

/**
 * A filter's comparison operator, with the name the query document uses for it on the wire.
 *
 * <p>What each operator matches (the query engine implements this; every API shares it):
 *
 * <ul>
 *   <li>{@link #EQ}, {@link #NE}: equal (not equal) values; an int and a double compare as numbers,
 *       strings are equal when canonically equivalent (both NFC-normalised first).
 *   <li>{@link #GT}, {@link #GTE}, {@link #LT}, {@link #LTE}: ordered comparison of numbers,
 *       strings (NFC-normalised, then by code point), dates or UUIDs; a field of another type does
 *       not match.
 *   <li>{@link #CONTAINS}: a string field containing the string value (both NFC-normalised), or an
 *       array field with an item equal to the value.
 *   <li>{@link #IN}: the field equals one of the items of the array value.
 *   <li>{@link #IS_NULL}, {@link #NOT_NULL}: the field is absent or null (present and not null).
 * </ul>
 *
 * A missing or null field matches no operator but {@link #IS_NULL} and {@link #NE}.
 */
public enum FilterOp {
  EQ("eq"),
  NE("ne"),
  GT("gt"),
  GTE("gte"),
  LT("lt"),
  LTE("lte"),
  CONTAINS("contains"),
  IN("in"),
  IS_NULL("isNull"),
  NOT_NULL("notNull");

  private static final String WIRE_NAMES = wireNames();

  private final String wireName;

  FilterOp(String wireName) {
    this.wireName = wireName;
  }

  /** The operator's name in a query document ({@code "eq"}, {@code "isNull"}...). */
  public String wireName() {
    return wireName;
  }

  /** True for {@link #IS_NULL} and {@link #NOT_NULL}, which take no value. */
  public boolean takesNoValue() {
    return this == IS_NULL || this == NOT_NULL;
  }

  /** True for the ordered comparisons {@code gt}, {@code gte}, {@code lt}, {@code lte}. */
  public boolean isOrdering() {
    return this == GT || this == GTE || this == LT || this == LTE;
  }

  /**
   * The operator named {@code wireName} (exact, case-sensitive).
   *
   * @throws InvalidQueryException for any other name
   */
  public static FilterOp fromWireName(String wireName) {
    for (FilterOp op : values()) {
      if (op.wireName.equals(wireName)) {
        return op;
      }
    }
    throw new InvalidQueryException(
        "", "unknown operator \"" + wireName + "\" (expected one of " + WIRE_NAMES + ")");
  }

  private static String wireNames() {
    StringBuilder names = new StringBuilder();
    for (FilterOp op : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(op.wireName);
    }
    return names.toString();
  }
}
