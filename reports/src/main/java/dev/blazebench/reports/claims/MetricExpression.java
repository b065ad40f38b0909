package dev.blazebench.reports.claims;

import dev.blazebench.reports.model.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A small arithmetic expression over a run's results, as the claim catalogue writes its metrics:
 *
 * <pre>
 * ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros)      median of per-round ratios
 * total(aggregate, grpc-blazebinary:download-count, payloadReceivedPerOp)
 * 1 - size(Fetch1000, BlazeBinaryV1, raw) / size(Fetch1000, Json, raw)
 * min(ratio(insert-100, rest-json, grpc-blazebinary, p50Micros), ratio(fetch-1000, ...))
 * </pre>
 *
 * <p>Numbers, {@code + - * /}, parentheses, {@code min}/{@code max}, and the data functions of
 * {@link DataFunction} whose arguments are names (scenarios, APIs with an optional {@code
 * :operation}, fields). A value the run lacks makes the whole expression missing, with the reason.
 * The data functions give each value a range (the rounds', or the JMH iterations'), which the
 * operators carry as interval arithmetic.
 */
public abstract class MetricExpression {

  /** The value in {@code run}, or why it has none. */
  public abstract Measured evaluate(RunResults run);

  /** Whether it reads a figure a shaped link changes (a latency or a rate). */
  public abstract boolean dependsOnTheLink();

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the position and what was expected
   */
  public static MetricExpression parse(String text) {
    Parser parser = new Parser(text);
    MetricExpression expression = parser.sum();
    parser.skipSpaces();
    if (parser.position < text.length()) {
      throw parser.error("unexpected '" + text.charAt(parser.position) + "'");
    }
    return expression;
  }

  private static final class Constant extends MetricExpression {
    private final double value;

    Constant(double value) {
      this.value = value;
    }

    @Override
    public Measured evaluate(RunResults run) {
      return Measured.of(value);
    }

    @Override
    public boolean dependsOnTheLink() {
      return false;
    }
  }

  private static final class Binary extends MetricExpression {
    private final MetricExpression left;
    private final MetricExpression right;
    private final char operator;

    Binary(MetricExpression left, char operator, MetricExpression right) {
      this.left = left;
      this.operator = operator;
      this.right = right;
    }

    @Override
    public boolean dependsOnTheLink() {
      return left.dependsOnTheLink() || right.dependsOnTheLink();
    }

    @Override
    public Measured evaluate(RunResults run) {
      Measured a = left.evaluate(run);
      if (!a.isPresent()) {
        return a;
      }
      Measured b = right.evaluate(run);
      if (!b.isPresent()) {
        return b;
      }
      if (operator == '/' && b.value() == 0) {
        return Measured.missing("division by zero (the divisor measured 0)");
      }
      DoubleBinaryOperator op =
          switch (operator) {
            case '+' -> Double::sum;
            case '-' -> (x, y) -> x - y;
            case '*' -> (x, y) -> x * y;
            default -> (x, y) -> x / y;
          };
      double value = op.applyAsDouble(a.value(), b.value());
      if (operator == '/' && b.low() <= 0 && b.high() >= 0) {
        // The divisor's range reaches zero: the quotient's has no bound.
        return Measured.of(value, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
      }
      // Interval arithmetic: + - * and / (divisor away from zero) are monotonic in each operand,
      // so the range's ends are among the four combinations of the operands' ends.
      double[] corners = {
        op.applyAsDouble(a.low(), b.low()),
        op.applyAsDouble(a.low(), b.high()),
        op.applyAsDouble(a.high(), b.low()),
        op.applyAsDouble(a.high(), b.high())
      };
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (double corner : corners) {
        low = Math.min(low, corner);
        high = Math.max(high, corner);
      }
      return Measured.of(value, low, high);
    }
  }

  private static final class Extreme extends MetricExpression {
    private final boolean minimum;
    private final List<MetricExpression> arguments;

    Extreme(boolean minimum, List<MetricExpression> arguments) {
      this.minimum = minimum;
      this.arguments = List.copyOf(arguments);
    }

    @Override
    public boolean dependsOnTheLink() {
      return arguments.stream().anyMatch(MetricExpression::dependsOnTheLink);
    }

    @Override
    public Measured evaluate(RunResults run) {
      double best = minimum ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      double low = best;
      double high = best;
      for (MetricExpression argument : arguments) {
        Measured value = argument.evaluate(run);
        if (!value.isPresent()) {
          return value;
        }
        best = minimum ? Math.min(best, value.value()) : Math.max(best, value.value());
        low = minimum ? Math.min(low, value.low()) : Math.max(low, value.low());
        high = minimum ? Math.min(high, value.high()) : Math.max(high, value.high());
      }
      return Measured.of(best, low, high);
    }
  }

  private static final class Data extends MetricExpression {
    private final DataFunction function;
    private final List<String> arguments;

    Data(DataFunction function, List<String> arguments) {
      this.function = function;
      this.arguments = List.copyOf(arguments);
    }

    @Override
    public boolean dependsOnTheLink() {
      return function.dependsOnTheLink(arguments);
    }

    @Override
    public Measured evaluate(RunResults run) {
      return function.evaluate(run, arguments);
    }
  }

  /** Recursive descent over the grammar sum := product (('+'|'-') product)*, and so on. */
  private static final class Parser {
    private final String text;
    private int position;

    Parser(String text) {
      this.text = text;
    }

    MetricExpression sum() {
      MetricExpression left = product();
      while (true) {
        skipSpaces();
        if (peek('+') || peek('-')) {
          char operator = text.charAt(position++);
          left = new Binary(left, operator, product());
        } else {
          return left;
        }
      }
    }

    MetricExpression product() {
      MetricExpression left = factor();
      while (true) {
        skipSpaces();
        if (peek('*') || peek('/')) {
          char operator = text.charAt(position++);
          left = new Binary(left, operator, factor());
        } else {
          return left;
        }
      }
    }

    MetricExpression factor() {
      skipSpaces();
      if (position >= text.length()) {
        throw error("expression ends early");
      }
      char c = text.charAt(position);
      if (c == '-') {
        position++;
        return new Binary(new Constant(0), '-', factor());
      }
      if (c == '(') {
        position++;
        MetricExpression inner = sum();
        expect(')');
        return inner;
      }
      if (Character.isDigit(c) || c == '.') {
        return number();
      }
      if (Character.isLetter(c)) {
        return call();
      }
      throw error("unexpected '" + c + "'");
    }

    private MetricExpression number() {
      int start = position;
      while (position < text.length()
          && (Character.isDigit(text.charAt(position))
              || text.charAt(position) == '.'
              || text.charAt(position) == '_')) {
        position++;
      }
      String digits = text.substring(start, position).replace("_", "");
      try {
        return new Constant(Double.parseDouble(digits));
      } catch (NumberFormatException e) {
        position = start;
        throw error("malformed number \"" + digits + "\"");
      }
    }

    private MetricExpression call() {
      int start = position;
      while (position < text.length() && Character.isLetter(text.charAt(position))) {
        position++;
      }
      String name = text.substring(start, position);
      expect('(');
      if (name.equals("min") || name.equals("max")) {
        List<MetricExpression> arguments = new ArrayList<>();
        while (true) {
          arguments.add(sum());
          skipSpaces();
          if (!peek(',')) {
            break;
          }
          position++;
        }
        expect(')');
        return new Extreme(name.equals("min"), arguments);
      }
      DataFunction function;
      try {
        function = DataFunction.named(name);
      } catch (IllegalArgumentException e) {
        position = start;
        throw error(e.getMessage());
      }
      int close = text.indexOf(')', position);
      if (close < 0) {
        throw error("')' missing after the arguments of " + name);
      }
      List<String> arguments = new ArrayList<>();
      for (String argument : text.substring(position, close).split(",", -1)) {
        arguments.add(argument.strip());
      }
      try {
        function.checkArguments(arguments);
      } catch (IllegalArgumentException e) {
        throw error(name + ": " + e.getMessage());
      }
      position = close + 1;
      return new Data(function, arguments);
    }

    void skipSpaces() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }

    private boolean peek(char c) {
      return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char c) {
      skipSpaces();
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      position++;
    }

    IllegalArgumentException error(String problem) {
      return new IllegalArgumentException(
          "metric \"" + text + "\" at character " + (position + 1) + ": " + problem);
    }
  }
}
