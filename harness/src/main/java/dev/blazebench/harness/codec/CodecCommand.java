package dev.blazebench.harness.codec;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CheckFailedException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blazebench codec}: runs codec-bench's JMH benchmarks in a child JVM and its size report,
 * into one run folder, and prints the table of size, encode, decode and allocation per format for
 * both workloads.
 */
@Command(
    name = "codec",
    sortOptions = false,
    description = {
      "Measure BlazeBinary against JSON, Protobuf, CBOR and Apache Fory: encode and decode time,"
          + " allocation and size, for one record per message and 1,000 records in one message.",
      "Runs codec-bench/target/benchmarks.jar (JMH, building it with ./mvnw when it is missing or"
          + " older than its sources) in a child JVM, writes jmh.json, jmh.log, sizes.json,"
          + " sizes.md and codec.md into the run folder, and prints the table."
    },
    footer = {
      "%nThe machine's other load skews every number: close what you can, and read JMH's error"
          + " column (±, 99.9%% confidence) before comparing two rows.",
      "%nExamples:",
      "  blazebench codec --quick",
      "  blazebench codec --include 'Fetch1000(BlazeBinaryV1|Protobuf|Fory)\\.'",
      "  java -jar codec-bench/target/benchmarks.jar -prof gc Fetch1000    (JMH itself)"
    })
public final class CodecCommand implements Callable<Integer> {

  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Option(
      names = "--quick",
      description = {
        "Short profile: 1 fork, 2 warmup x 1s, 3 measurement x 1s (about 5 minutes).",
        "Default: 1 fork, 5 warmup x 2s, 5 measurement x 2s (about 17 minutes)."
      })
  boolean quick;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Run folder. Default: reports/out/<UTC time>-codec in the checkout.")
  Path outDir;

  @Option(
      names = "--jar",
      paramLabel = "FILE",
      description = "Benchmarks jar to run as it is (never rebuilt). Default: the checkout's.")
  Path jar;

  @Option(
      names = "--include",
      paramLabel = "REGEX",
      defaultValue = CodecOptions.ALL_BENCHMARKS,
      description = "JMH benchmark regex. Default: every codec benchmark.")
  String include;

  private final CliStreams streams;
  private final Clock clock;

  public CodecCommand(CliStreams streams) {
    this(streams, Clock.systemUTC());
  }

  CodecCommand(CliStreams streams, Clock clock) {
    this.streams = streams;
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    CodecOptions options = resolveOptions();
    PrintWriter progress = streams.err();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    if (options.checkout() != null) {
      buildIfStale(options.checkout(), options.benchmarksJar(), progress);
    }
    String loadBefore = LoadAverage.read();
    Files.createDirectories(options.tmpDir());
    progress.println("blazebench codec: run folder " + options.outDir());

    progress.println("blazebench codec: sizes (every format, both workloads)");
    int sizes = ChildProcess.run(options.sizesCommand(java), options.outDir(), progress, null);
    if (sizes != 0) {
      throw new CheckFailedException(
          "the size report failed (exit " + sizes + "): a format did not round-trip, see above");
    }

    progress.println("blazebench codec: JMH, " + options.profile().describe() + ", with -prof gc");
    Path log = options.outDir().resolve("jmh.log");
    int jmh = ChildProcess.run(options.jmhCommand(java), options.outDir(), progress, log);
    if (jmh != 0) {
      throw new CheckFailedException(
          "JMH failed (exit "
              + jmh
              + "): a benchmark threw or its checksum did not match; see "
              + log);
    }

    String loadAfter = LoadAverage.read();

    String table = CodecTable.render(CodecResults.read(options.jmhJson(), options.sizesJson()));
    String header =
        String.format(
            Locale.US,
            "# Codec benchmarks%n%nJVM: %s %s; %d CPUs; profile: %s, -prof gc%n"
                + "Load average (1, 5, 15 min) before: %s; after: %s%n"
                + "Benchmarks: %s%n",
            System.getProperty("java.vm.name"),
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            options.profile().describe(),
            loadBefore,
            loadAfter,
            options.include());
    progress.println(
        "blazebench codec: load average before " + loadBefore + ", after " + loadAfter);
    Files.writeString(options.outDir().resolve("codec.md"), header + table, StandardCharsets.UTF_8);
    streams.outText().print(table);
    streams.outText().flush();
    return ExitCodes.OK;
  }

  /** The run as the options say, checked before anything starts. */
  CodecOptions resolveOptions() {
    Path benchmarksJar;
    Path checkout = null;
    if (jar != null) {
      if (!Files.isRegularFile(jar)) {
        throw new BadInputException("--jar: no such file: " + jar);
      }
      benchmarksJar = jar.toAbsolutePath();
    } else {
      checkout = BenchmarksJar.requireCheckout();
      benchmarksJar = checkout.resolve(BenchmarksJar.RELATIVE_PATH);
    }
    Path out = outDir;
    if (out == null) {
      Path base =
          checkout != null ? checkout : BenchmarksJar.findCheckout(Path.of("")).orElse(Path.of(""));
      out =
          base.resolve("reports")
              .resolve("out")
              .resolve(RUN_TIME.format(clock.instant()) + "-codec");
    }
    if (include.isBlank()) {
      throw new BadInputException("--include must not be empty");
    }
    return new CodecOptions(
        quick ? CodecProfile.QUICK : CodecProfile.FULL,
        out.toAbsolutePath(),
        benchmarksJar,
        checkout,
        include);
  }

  private static void buildIfStale(Path checkout, Path jarPath, PrintWriter progress)
      throws IOException, InterruptedException {
    if (!BenchmarksJar.needsBuild(checkout, jarPath)) {
      return;
    }
    progress.println("blazebench codec: building " + jarPath + " ...");
    List<String> build = BenchmarksJar.buildCommand(checkout);
    int exit = ChildProcess.run(build, checkout, progress, null);
    if (exit != 0 || !Files.isRegularFile(jarPath)) {
      throw new CheckFailedException(
          "building the benchmarks jar failed (exit " + exit + "): " + String.join(" ", build));
    }
  }
}
