package dev.blazebench.protocol.query;

/**
 * One aggregate of an aggregation query: {@code alias = function(field)} per group.
 *
 * @param function the function
 * @param field the field it reads; null for {@code count}, required for the others
 * @param alias the name of the result column; non-empty, unique in the query
 */
public record Aggregate(AggregateFunction function, String field, String alias) {

  public Aggregate {
    if (function == null) {
      throw new InvalidQueryException("function", "missing aggregate function");
    }
    if (function.takesField()) {
      if (field == null || field.isEmpty()) {
        throw new InvalidQueryException(
            "field", "function \"" + function.wireName() + "\" needs a field");
      }
    } else if (field != null) {
      throw new InvalidQueryException(
          "field",
          "function \"" + function.wireName() + "\" takes no field, was \"" + field + "\"");
    }
    if (alias == null || alias.isEmpty()) {
      throw new InvalidQueryException("alias", "missing alias (the name of the result column)");
    }
  }

  /** {@code alias = count()}. */
  public static Aggregate count(String alias) {
    return new Aggregate(AggregateFunction.COUNT, null, alias);
  }

  /** {@code alias = function(field)}. */
  public static Aggregate of(AggregateFunction function, String field, String alias) {
    return new Aggregate(function, field, alias);
  }
}
