package dev.blazebench.reports.claims;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.CodecBenchmark;
import dev.blazebench.reports.model.CodecSize;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The functions of a {@link MetricExpression} that read figures out of a run. */
enum DataFunction {
  /**
   * {@code total(scenario, api[:op], field)}: the figure over all rounds, its range the 95%
   * confidence interval of the median round's ({@link MedianInterval}; the lowest and highest round
   * up to 8 rounds), widened to take in the figure itself; a count has none: its total is the
   * rounds' sum.
   */
  TOTAL("total", 3) {
    @Override
    void checkArguments(List<String> arguments) {
      super.checkArguments(arguments);
      ResultField.named(arguments.get(2));
    }

    @Override
    boolean dependsOnTheLink(List<String> arguments) {
      return ResultField.named(arguments.get(2)).dependsOnTheLink();
    }

    @Override
    Measured evaluate(RunResults run, List<String> arguments) {
      ResultRef ref = ResultRef.parse(arguments.get(0), arguments.get(1));
      ResultField field = ResultField.named(arguments.get(2));
      Optional<ApiScenarioResult> result = ref.find(run);
      if (result.isEmpty()) {
        return Measured.missing(ref.whyAbsent(run));
      }
      var total = result.get().total();
      if (total.count() == 0 && total.errorCount() == 0) {
        return Measured.missing(ref + " made no calls");
      }
      if (field.perSuccess() && total.count() == 0) {
        return Measured.missing(ref + " had no successful calls");
      }
      Double value = field.of(total);
      if (value == null) {
        return Measured.missing(ref + " has no " + field.fieldName());
      }
      if (field.isSumOverRounds()) {
        return Measured.of(value);
      }
      List<Double> rounds = new ArrayList<>();
      for (RoundResult round : result.get().rounds()) {
        Double inRound = field.perSuccess() && round.count() == 0 ? null : field.of(round);
        if (inRound != null && Double.isFinite(inRound)) {
          rounds.add(inRound);
        }
      }
      if (rounds.isEmpty()) {
        return Measured.of(value);
      }
      double[] interval =
          MedianInterval.of(rounds.stream().mapToDouble(Double::doubleValue).toArray());
      return Measured.of(value, interval[0], interval[1]);
    }
  },

  /**
   * {@code ratio(scenario, numeratorApi, denominatorApi, field)}: the median of the per-round
   * ratios (rounds paired by number), so that drift between rounds cancels; its range that median's
   * 95% confidence interval ({@link MedianInterval}; the lowest and highest round's ratio up to 8
   * rounds).
   */
  RATIO("ratio", 4) {
    @Override
    void checkArguments(List<String> arguments) {
      super.checkArguments(arguments);
      ResultField.named(arguments.get(3));
    }

    @Override
    boolean dependsOnTheLink(List<String> arguments) {
      return ResultField.named(arguments.get(3)).dependsOnTheLink();
    }

    @Override
    Measured evaluate(RunResults run, List<String> arguments) {
      RoundRatios ratios =
          RoundRatios.of(
              run,
              arguments.get(0),
              arguments.get(1),
              arguments.get(2),
              ResultField.named(arguments.get(3)));
      return ratios.median();
    }
  },

  /** {@code size(workload, format, raw|gzip)}: codec-bench's encoded size in bytes. */
  SIZE("size", 3) {
    @Override
    void checkArguments(List<String> arguments) {
      super.checkArguments(arguments);
      if (!arguments.get(2).equals("raw") && !arguments.get(2).equals("gzip")) {
        throw new IllegalArgumentException("third argument must be raw or gzip");
      }
    }

    @Override
    Measured evaluate(RunResults run, List<String> arguments) {
      if (run.codec() == null) {
        return Measured.missing("the codec benchmarks were skipped");
      }
      String workload = arguments.get(0);
      String format = arguments.get(1);
      Optional<CodecSize> size = run.codec().size(workload, format);
      if (size.isEmpty()) {
        return Measured.missing("no codec size of " + format + " in " + workload);
      }
      if (arguments.get(2).equals("raw")) {
        return Measured.of(size.get().rawBytes());
      }
      Long gzip = size.get().gzipBytes();
      return gzip == null
          ? Measured.missing(format + " has no gzip size (it is compressed already)")
          : Measured.of(gzip);
    }
  },

  /**
   * {@code codec(workload, format, encode|decode)}: codec-bench's µs per operation (the median
   * iteration), its range the fastest and slowest iteration (none in files before schema 4).
   */
  CODEC("codec", 3) {
    @Override
    void checkArguments(List<String> arguments) {
      super.checkArguments(arguments);
      if (!arguments.get(2).equals("encode") && !arguments.get(2).equals("decode")) {
        throw new IllegalArgumentException("third argument must be encode or decode");
      }
    }

    @Override
    Measured evaluate(RunResults run, List<String> arguments) {
      if (run.codec() == null) {
        return Measured.missing("the codec benchmarks were skipped");
      }
      Optional<CodecBenchmark> benchmark =
          run.codec().benchmark(arguments.get(0), arguments.get(1), arguments.get(2));
      return benchmark
          .map(DataFunction::withIterationRange)
          .orElseGet(
              () ->
                  Measured.missing(
                      "no codec "
                          + arguments.get(2)
                          + " benchmark of "
                          + arguments.get(1)
                          + " in "
                          + arguments.get(0)));
    }
  };

  private final String functionName;
  private final int arity;

  /**
   * The median iteration with the fastest and slowest as its range: the same reading as a
   * scenario's rounds. (JMH's 99.9% error is no use here: over the quick profile's three iterations
   * its Student t factor is 31.6, and the intervals reach below zero.)
   */
  private static Measured withIterationRange(CodecBenchmark benchmark) {
    double median = benchmark.microsPerOp();
    Double fastest = benchmark.minMicros();
    Double slowest = benchmark.maxMicros();
    if (fastest == null || slowest == null) {
      return Measured.of(median);
    }
    return Measured.of(median, fastest, slowest);
  }

  DataFunction(String functionName, int arity) {
    this.functionName = functionName;
    this.arity = arity;
  }

  static DataFunction named(String name) {
    for (DataFunction function : values()) {
      if (function.functionName.equals(name)) {
        return function;
      }
    }
    throw new IllegalArgumentException(
        "unknown function \"" + name + "\" (total, ratio, size, codec, min, max)");
  }

  /** Refuses a wrong number of arguments or a name the function does not know. */
  void checkArguments(List<String> arguments) {
    if (arguments.size() != arity) {
      throw new IllegalArgumentException("takes " + arity + " arguments, got " + arguments.size());
    }
    for (String argument : arguments) {
      if (argument.isEmpty()) {
        throw new IllegalArgumentException("an argument is empty");
      }
    }
  }

  /**
   * Whether the figures read with {@code arguments} change over a shaped link (latencies, rates);
   * codec figures and bytes do not.
   */
  boolean dependsOnTheLink(List<String> arguments) {
    return false;
  }

  abstract Measured evaluate(RunResults run, List<String> arguments);
}
