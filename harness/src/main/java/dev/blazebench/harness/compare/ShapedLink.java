package dev.blazebench.harness.compare;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CheckFailedException;
import dev.blazebench.reports.model.NetworkLink;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network link of a given rate between the load driver and the servers compare starts ({@code
 * compare --link 10mbit}): a fresh network namespace holding the servers, joined to this one by a
 * veth pair with a private /30, and a tbf qdisc on the egress of both veth ends, so each direction
 * carries at most the rate. The servers start through {@link #serverCommandPrefix()} ({@code ip
 * netns exec NS}) and listen on {@link #serverAddress()}; the driver, in the root namespace,
 * reaches them there through the shaped veth.
 *
 * <p>Only the rate is shaped: the kernels this runs on may lack netem, so the kernel adds no delay,
 * and a call's time over the link is its transfer at the rate plus what it costs on loopback
 * ({@code compare --delay} adds a round trip through a user-space relay, {@link RelayProcess}).
 *
 * <p>{@link #open} builds the link with {@code ip} and {@code tc} (root, Linux); {@link #close}
 * removes it (deleting the veth, then the namespace), and a shutdown hook does the same if the JVM
 * ends first, so nothing is left behind. A setup step that fails removes what the steps before it
 * made.
 */
final class ShapedLink implements AutoCloseable {

  /**
   * The token bucket: 4 ms of the rate, at least 4,000 bytes (two full Ethernet frames and some, so
   * a full-size packet always fits). Small, so a call cannot run faster than the rate for more than
   * a few milliseconds of transfer; at 10 mbit that is 5,000 bytes (4 ms).
   */
  static long burstBytes(long rateBitsPerSecond) {
    return Math.max(4_000, rateBitsPerSecond / 8 / 250);
  }

  /**
   * The queue in front of the bucket, in bytes: 8 MiB. A dropped packet costs TCP a retransmission
   * timeout (200 ms at least), which would show as latency that no link of this rate has; so the
   * queue holds whatever TCP puts below a socket: Linux lets each socket queue up to
   * net.ipv4.tcp_limit_output_bytes (4 MiB on 6.x) in the qdisc, and the driver opens two
   * connections per API. That is far more than any call moves (fetch-1000's JSON response is about
   * 470 KB, aggregate's download 2.4 MB), and compare's load keeps the link at most half busy
   * ({@link ScenarioLoad#overLink}), so the queue only ever holds a call or two.
   */
  static final long QUEUE_LIMIT_BYTES = 8L << 20;

  /** How long one ip or tc command may take. */
  private static final long COMMAND_TIMEOUT_SECONDS = 20;

  /** The names {@link Names#of} gives namespaces: {@code bbl-<pid>} or {@code bbl-<pid>-<n>}. */
  private static final Pattern OUR_NAMESPACE = Pattern.compile("bbl-(\\d{1,10})(?:-(\\d{1,6}))?");

  /** Links opened by this JVM, for unique names (a test may open more than one). */
  private static final AtomicInteger OPENED = new AtomicInteger();

  /**
   * The names and addresses of one link.
   *
   * @param namespace the network namespace the servers run in, {@code bbl-<pid>}
   * @param outsideDevice the veth end in the root namespace (the driver's side)
   * @param insideDevice the veth end moved into the namespace (the servers' side)
   * @param subnet the third octet of the link's 10.213.N.0/30
   */
  record Names(String namespace, String outsideDevice, String insideDevice, int subnet) {

    /** The servers' address, inside the namespace. */
    String insideAddress() {
      return "10.213." + subnet + ".1";
    }

    /** The driver's address, on the root namespace's end. */
    String outsideAddress() {
      return "10.213." + subnet + ".2";
    }

    /**
     * The names for this JVM's {@code sequence}-th link (1-based); device names stay within the
     * kernel's 15 characters for any pid.
     */
    static Names of(long pid, int sequence, int subnet) {
      String suffix = sequence == 1 ? "" : "-" + sequence;
      String device = "bbl" + pid + (sequence == 1 ? "" : "x" + sequence);
      return new Names("bbl-" + pid + suffix, device + "o", device + "i", subnet);
    }
  }

  private final Names names;
  private final String rate;
  private final long rateBitsPerSecond;
  private final String ip;
  private final String tc;
  private final Thread shutdownHook;
  private boolean closed;

  private ShapedLink(
      Names names, String rate, long rateBitsPerSecond, String ip, String tc, Thread shutdownHook) {
    this.names = names;
    this.rate = rate;
    this.rateBitsPerSecond = rateBitsPerSecond;
    this.ip = ip;
    this.tc = tc;
    this.shutdownHook = shutdownHook;
  }

  /** The paths of ip and tc. */
  record Tools(String ip, String tc) {}

  /**
   * Checks, before anything starts, that this process can build a link: Linux, root, ip and tc.
   *
   * @throws BadInputException saying what is missing and what to do
   */
  static Tools requireTools(String rate) {
    Integer uid = effectiveUid(readProcStatus());
    if (uid == null) {
      throw new BadInputException(
          "--link needs Linux (network namespaces, ip and tc): /proc/self/status names no user"
              + " here; run without --link");
    }
    if (uid != 0) {
      throw new BadInputException(
          "--link needs root: it creates a network namespace and shapes its link with tc, and this"
              + " process runs as uid "
              + uid
              + "; run compare as root (e.g. sudo ./blazebench compare --link "
              + rate
              + "), or without --link");
    }
    String ip = findTool("ip");
    String tc = findTool("tc");
    if (ip == null || tc == null) {
      throw new BadInputException(
          "--link needs "
              + (ip == null && tc == null ? "ip and tc" : ip == null ? "ip" : "tc")
              + " (iproute2), which "
              + (ip == null && tc == null ? "were" : "was")
              + " not found in PATH, /usr/sbin or /sbin; install it (Debian: apt-get install"
              + " iproute2) or run without --link");
    }
    return new Tools(ip, tc);
  }

  /**
   * Builds a link of {@code rate} ({@code 10mbit}, as {@link NetworkLink#parseRateBitsPerSecond}
   * reads it).
   *
   * @throws BadInputException when this process cannot make one: not root, not Linux, {@code ip} or
   *     {@code tc} missing, namespaces or tbf not permitted; the message says what to do
   */
  static ShapedLink open(String rate) {
    long bitsPerSecond = NetworkLink.parseRateBitsPerSecond(rate);
    Tools tools = requireTools(rate);
    String ip = tools.ip();
    String tc = tools.tc();
    Set<String> namespaces = namespaceNames(run(List.of(ip, "netns", "list")).output());
    // A compare killed with SIGKILL (no shutdown hook) leaves its link behind: remove those whose
    // process is gone, so they neither pile up nor hold subnets.
    for (String namespace : List.copyOf(namespaces)) {
      Names stale = staleLink(namespace, pid -> ProcessHandle.of(pid).isPresent());
      if (stale != null) {
        teardown(ip, stale);
        namespaces.remove(namespace);
      }
    }
    Set<Integer> subnets = subnetsInUse(run(List.of(ip, "-o", "-4", "addr", "show")).output());
    long pid = ProcessHandle.current().pid();
    Names names = null;
    for (int sequence = OPENED.incrementAndGet(); names == null; sequence++) {
      Names candidate = Names.of(pid, sequence, 0);
      if (!namespaces.contains(candidate.namespace())) {
        names = Names.of(pid, sequence, freeSubnet(pid + sequence, subnets));
      }
    }
    Names chosen = names;
    // Registered before the first step: a JVM that ends during setup removes what was made too.
    Thread hook = new Thread(() -> teardown(ip, chosen), "blazebench-link-teardown");
    Runtime.getRuntime().addShutdownHook(hook);
    ShapedLink link = new ShapedLink(names, rate, bitsPerSecond, ip, tc, hook);
    try {
      for (List<String> step : setupCommands(ip, tc, names, bitsPerSecond)) {
        Result result = run(step);
        if (result.exit() != 0) {
          throw new BadInputException(setupFailure(step, result, names));
        }
      }
    } catch (RuntimeException e) {
      try {
        link.close();
      } catch (RuntimeException left) {
        e.addSuppressed(left);
      }
      throw e;
    }
    return link;
  }

  /**
   * The commands that build the link, in order: namespace, veth pair, addresses, devices up
   * (loopback inside too, which the servers' own clients may use), and tbf on both ends' egress.
   */
  static List<List<String>> setupCommands(
      String ip, String tc, Names names, long rateBitsPerSecond) {
    String ns = names.namespace();
    String out = names.outsideDevice();
    String in = names.insideDevice();
    List<List<String>> steps = new ArrayList<>();
    steps.add(List.of(ip, "netns", "add", ns));
    steps.add(List.of(ip, "link", "add", out, "type", "veth", "peer", "name", in));
    steps.add(List.of(ip, "link", "set", in, "netns", ns));
    steps.add(List.of(ip, "addr", "add", names.outsideAddress() + "/30", "dev", out));
    steps.add(List.of(ip, "link", "set", out, "up"));
    steps.add(List.of(ip, "-n", ns, "addr", "add", names.insideAddress() + "/30", "dev", in));
    steps.add(List.of(ip, "-n", ns, "link", "set", in, "up"));
    steps.add(List.of(ip, "-n", ns, "link", "set", "lo", "up"));
    List<String> tbf =
        List.of(
            "root",
            "tbf",
            "rate",
            rateBitsPerSecond + "bit",
            "burst",
            Long.toString(burstBytes(rateBitsPerSecond)),
            "limit",
            Long.toString(QUEUE_LIMIT_BYTES));
    List<String> outside = new ArrayList<>(List.of(tc, "qdisc", "add", "dev", out));
    outside.addAll(tbf);
    steps.add(outside);
    List<String> inside = new ArrayList<>(List.of(tc, "-n", ns, "qdisc", "add", "dev", in));
    inside.addAll(tbf);
    steps.add(inside);
    return steps;
  }

  /**
   * The commands that remove the link: the veth first (which takes its peer in the namespace with
   * it, at once, even if a process still runs there), then the namespace.
   */
  static List<List<String>> teardownCommands(String ip, Names names) {
    return List.of(
        List.of(ip, "link", "del", names.outsideDevice()),
        List.of(ip, "netns", "del", names.namespace()));
  }

  /** What goes before a server's command so it runs in the namespace. */
  List<String> serverCommandPrefix() {
    return List.of(ip, "netns", "exec", names.namespace());
  }

  /** The address the servers listen on, inside the namespace. */
  String serverAddress() {
    return names.insideAddress();
  }

  Names names() {
    return names;
  }

  /**
   * Packets the two token buckets dropped so far (a full queue), from {@code tc -s qdisc show}; -1
   * if tc did not say. Anything above 0 means some call waited for a retransmission.
   */
  long droppedPackets() {
    Result outside = run(List.of(tc, "-s", "qdisc", "show", "dev", names.outsideDevice()));
    Result inside =
        run(
            List.of(
                tc, "-n", names.namespace(), "-s", "qdisc", "show", "dev", names.insideDevice()));
    long a = outside.exit() == 0 ? droppedPackets(outside.output()) : -1;
    long b = inside.exit() == 0 ? droppedPackets(inside.output()) : -1;
    return a < 0 || b < 0 ? -1 : a + b;
  }

  /**
   * The tbf qdisc's dropped count in {@code tc -s qdisc show} output ({@code Sent 2091820 bytes
   * 1390 pkt (dropped 0, overlimits 2889 requeues 0)}); -1 if there is no tbf line.
   */
  static long droppedPackets(String tcStats) {
    boolean tbf = false;
    for (String line : tcStats.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("qdisc ")) {
        tbf = trimmed.startsWith("qdisc tbf ");
      } else if (tbf && trimmed.startsWith("Sent ")) {
        int at = trimmed.indexOf("(dropped ");
        if (at >= 0) {
          int end = trimmed.indexOf(',', at);
          try {
            return Long.parseLong(
                trimmed.substring(at + "(dropped ".length(), end < 0 ? trimmed.length() : end));
          } catch (NumberFormatException e) {
            return -1;
          }
        }
      }
    }
    return -1;
  }

  /** The link for results.json. */
  NetworkLink describe() {
    return new NetworkLink(
        rate,
        rateBitsPerSecond,
        String.format(
            Locale.US,
            "servers in network namespace %s at %s, driver at %s over a veth pair; tbf on both"
                + " ends (rate %s, burst %d bytes, queue %d bytes), so each direction carries at"
                + " most %s; no delay added (rate only)",
            names.namespace(),
            names.insideAddress(),
            names.outsideAddress(),
            rate,
            burstBytes(rateBitsPerSecond),
            QUEUE_LIMIT_BYTES,
            rate));
  }

  /**
   * Removes the link. Runs once; afterwards the namespace must be gone.
   *
   * @throws CheckFailedException naming what was left and how to remove it
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs the same teardown.
    }
    // A stop (Ctrl-C) interrupts the compare thread; removing the link must not be cut short by it.
    boolean interrupted = Thread.interrupted();
    boolean left;
    try {
      teardown(ip, names);
      left = namespaceNames(run(List.of(ip, "netns", "list")).output()).contains(names.namespace());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (left) {
      throw new CheckFailedException(
          "--link: network namespace "
              + names.namespace()
              + " is still there after 'ip netns del'; remove it with: ip netns del "
              + names.namespace());
    }
  }

  private static void teardown(String ip, Names names) {
    // Each step runs whatever the one before did: half a link is removed as far as it exists.
    for (List<String> step : teardownCommands(ip, names)) {
      run(step);
    }
  }

  /** The message for a failed setup step: what failed, ip's or tc's words, what to do. */
  static String setupFailure(List<String> step, Result result, Names names) {
    String command = String.join(" ", step);
    String said = result.output().isBlank() ? "exit " + result.exit() : result.output().strip();
    String advice;
    if (step.contains("netns") && step.contains("add")) {
      advice =
          "network namespaces are not permitted here; in a container they need"
              + " CAP_SYS_ADMIN and CAP_NET_ADMIN (docker run --privileged, or --cap-add SYS_ADMIN"
              + " --cap-add NET_ADMIN); or run without --link";
    } else if (step.contains("tbf")) {
      advice =
          "the kernel's token bucket filter is not available; load it (modprobe sch_tbf) or run"
              + " without --link";
    } else {
      advice = "the link between the driver and the servers could not be built; run without --link";
    }
    return "--link: '"
        + command
        + "' failed ("
        + said
        + "): "
        + advice
        + " (what the steps before it made of link "
        + names.namespace()
        + " is removed again)";
  }

  /** The effective uid from /proc/self/status text ({@code Uid: real effective saved fs}). */
  static Integer effectiveUid(String procStatus) {
    if (procStatus == null) {
      return null;
    }
    for (String line : procStatus.split("\n")) {
      if (line.startsWith("Uid:")) {
        String[] fields = line.substring(4).strip().split("\\s+");
        if (fields.length >= 2) {
          try {
            return Integer.valueOf(fields[1]);
          } catch (NumberFormatException e) {
            return null;
          }
        }
      }
    }
    return null;
  }

  /**
   * The link a namespace named as {@link Names#of} names it belongs to when the process that made
   * it is no longer alive; null for any other namespace (another program's, or a live compare's).
   */
  static Names staleLink(String namespace, LongPredicate alive) {
    Matcher name = OUR_NAMESPACE.matcher(namespace);
    if (!name.matches()) {
      return null;
    }
    long pid = Long.parseLong(name.group(1));
    int sequence = name.group(2) == null ? 1 : Integer.parseInt(name.group(2));
    if (sequence < 2 && name.group(2) != null || alive.test(pid)) {
      return null;
    }
    return Names.of(pid, sequence, 0);
  }

  /** Namespace names from {@code ip netns list}: {@code name} or {@code name (id: 3)} per line. */
  static Set<String> namespaceNames(String ipNetnsList) {
    Set<String> names = new HashSet<>();
    for (String line : ipNetnsList.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty()) {
        names.add(trimmed.split("\\s+")[0]);
      }
    }
    return names;
  }

  /**
   * The N of every 10.213.N.x address in {@code ip -o -4 addr show}, whose lines read {@code 2:
   * eth0 inet 10.213.7.2/30 scope global eth0 ...}.
   */
  static Set<Integer> subnetsInUse(String ipAddrShow) {
    Set<Integer> subnets = new HashSet<>();
    for (String line : ipAddrShow.split("\n")) {
      String[] fields = line.strip().split("\\s+");
      for (int i = 0; i + 1 < fields.length; i++) {
        if (fields[i].equals("inet") && fields[i + 1].startsWith("10.213.")) {
          String[] octets = fields[i + 1].split("[./]");
          try {
            subnets.add(Integer.parseInt(octets[2]));
          } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // Not an address: nothing to avoid.
          }
        }
      }
    }
    return subnets;
  }

  /** A third octet in 1..254 not in {@code used}, starting from one the seed picks. */
  static int freeSubnet(long seed, Set<Integer> used) {
    for (int i = 0; i < 254; i++) {
      int candidate = (int) ((seed + i) % 254) + 1;
      if (!used.contains(candidate)) {
        return candidate;
      }
    }
    throw new BadInputException(
        "--link: every 10.213.N.0/30 subnet is in use here; remove old links (ip netns list,"
            + " ip netns del NAME) or run without --link");
  }

  private static String readProcStatus() {
    try {
      return Files.readString(Path.of("/proc/self/status"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code name} in PATH, else in /usr/sbin or /sbin (where iproute2 lives); null if absent. */
  private static String findTool(String name) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.add("/usr/sbin");
    dirs.add("/sbin");
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  /** A command's exit code and output (stdout and stderr together). */
  record Result(int exit, String output) {}

  /** Runs {@code command}; a command that cannot start or hangs is exit -1 with the reason. */
  static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "no answer within " + COMMAND_TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
