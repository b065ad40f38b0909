package dev.blazebench.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.harness.BadInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The link's command lines and the parsing of ip's answers, without running ip or tc. */
class ShapedLinkTest {

  private static final ShapedLink.Names NAMES = ShapedLink.Names.of(4242, 1, 7);

  @Test
  void namesCarryThePidAndFitTheKernelsDeviceNames() {
    assertThat(NAMES.namespace()).isEqualTo("bbl-4242");
    assertThat(NAMES.outsideDevice()).isEqualTo("bbl4242o");
    assertThat(NAMES.insideDevice()).isEqualTo("bbl4242i");
    assertThat(NAMES.insideAddress()).isEqualTo("10.213.7.1");
    assertThat(NAMES.outsideAddress()).isEqualTo("10.213.7.2");

    // The largest pid Linux hands out (2^22), and a later link of the same JVM.
    ShapedLink.Names longest = ShapedLink.Names.of(4_194_304, 12, 254);
    assertThat(longest.namespace()).isEqualTo("bbl-4194304-12");
    assertThat(longest.outsideDevice()).hasSizeLessThanOrEqualTo(15).isEqualTo("bbl4194304x12o");
    assertThat(longest.insideDevice()).hasSizeLessThanOrEqualTo(15);
  }

  @Test
  void setupMakesANamespaceAVethPairAndATokenBucketOnEachEnd() {
    List<List<String>> steps = ShapedLink.setupCommands("ip", "tc", NAMES, 10_000_000);

    assertThat(steps)
        .extracting(step -> String.join(" ", step))
        .containsExactly(
            "ip netns add bbl-4242",
            "ip link add bbl4242o type veth peer name bbl4242i",
            "ip link set bbl4242i netns bbl-4242",
            "ip addr add 10.213.7.2/30 dev bbl4242o",
            "ip link set bbl4242o up",
            "ip -n bbl-4242 addr add 10.213.7.1/30 dev bbl4242i",
            "ip -n bbl-4242 link set bbl4242i up",
            "ip -n bbl-4242 link set lo up",
            "tc qdisc add dev bbl4242o root tbf rate 10000000bit burst 5000 limit 8388608",
            "tc -n bbl-4242 qdisc add dev bbl4242i root tbf rate 10000000bit burst 5000"
                + " limit 8388608");
  }

  @Test
  void theServerStartsInTheNamespaceOnItsAddress() {
    List<String> prefix = List.of("ip", "netns", "exec", "bbl-4242", "taskset", "-c", "0");

    List<String> command =
        ServerProcess.command(prefix, java.nio.file.Path.of("/tmp/data"), "cp.jar", "10.213.7.1");

    assertThat(command.subList(0, prefix.size())).isEqualTo(prefix);
    int host = command.indexOf("--host");
    assertThat(command.get(host + 1)).isEqualTo("10.213.7.1");
    assertThat(ServerProcess.command(List.of(), java.nio.file.Path.of("/tmp/data"), "cp.jar"))
        .containsSequence("--host", "127.0.0.1");
  }

  @Test
  void teardownDeletesTheVethThenTheNamespace() {
    assertThat(ShapedLink.teardownCommands("/usr/sbin/ip", NAMES))
        .extracting(step -> String.join(" ", step))
        .containsExactly("/usr/sbin/ip link del bbl4242o", "/usr/sbin/ip netns del bbl-4242");
  }

  @Test
  void theBurstIsFourMillisecondsOfTheRateAndAtLeastTwoFrames() {
    assertThat(ShapedLink.burstBytes(10_000_000)).isEqualTo(5_000);
    assertThat(ShapedLink.burstBytes(1_000_000_000)).isEqualTo(500_000);
    assertThat(ShapedLink.burstBytes(1_000_000)).isEqualTo(4_000);
  }

  @Test
  void readsTheEffectiveUidFromProcStatus() {
    String status =
        "Name:\tjava\nUmask:\t0022\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n";
    assertThat(ShapedLink.effectiveUid(status)).isEqualTo(0);
    assertThat(ShapedLink.effectiveUid("Uid:\t1000\t1000\t1000\t1000\n")).isEqualTo(1000);
    assertThat(ShapedLink.effectiveUid("Name:\tjava\n")).isNull();
    assertThat(ShapedLink.effectiveUid(null)).isNull();
  }

  @Test
  void readsTheTokenBucketsDropCount() {
    String stats =
        "qdisc tbf 8002: root refcnt 3 rate 10Mbit burst 5000b lat 6.7s \n"
            + " Sent 2091820 bytes 1390 pkt (dropped 3, overlimits 2889 requeues 0) \n"
            + " backlog 0b 0p requeues 0\n";
    assertThat(ShapedLink.droppedPackets(stats)).isEqualTo(3);
    assertThat(
            ShapedLink.droppedPackets(
                "qdisc noqueue 0: root refcnt 2 \n Sent 0 bytes 0 pkt (dropped 9, overlimits 0"
                    + " requeues 0)\n"))
        .isEqualTo(-1);
    assertThat(ShapedLink.droppedPackets("")).isEqualTo(-1);
  }

  @Test
  void readsNamespaceNamesWithAndWithoutIds() {
    assertThat(ShapedLink.namespaceNames("bbl-12 (id: 0)\nother\n\n"))
        .containsExactlyInAnyOrder("bbl-12", "other");
    assertThat(ShapedLink.namespaceNames("")).isEmpty();
  }

  @Test
  void findsTheSubnetsOfTenTwoThirteenInUse() {
    String addresses =
        "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever\n"
            + "2: eth0    inet 10.213.7.2/30 scope global bbl4242o\\       valid_lft forever\n"
            + "3: eth1    inet 10.21.3.5/24 brd 10.21.3.255 scope global eth1\n"
            + "4: veth9    inet 10.213.200.2/30 scope global veth9\n";

    assertThat(ShapedLink.subnetsInUse(addresses)).containsExactlyInAnyOrder(7, 200);
  }

  @Test
  void picksAFreeSubnetFromTheSeedOn() {
    assertThat(ShapedLink.freeSubnet(6, Set.of())).isEqualTo(7);
    assertThat(ShapedLink.freeSubnet(6, Set.of(7, 8))).isEqualTo(9);
    assertThat(ShapedLink.freeSubnet(253, Set.of(254))).isEqualTo(1);
  }

  @Test
  void refusesWhenEverySubnetIsTaken() {
    Set<Integer> all = new java.util.HashSet<>();
    for (int i = 1; i <= 254; i++) {
      all.add(i);
    }
    assertThatThrownBy(() -> ShapedLink.freeSubnet(1, all))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("every 10.213.N.0/30 subnet is in use");
  }

  @Test
  void aFailedStepSaysWhatFailedWhatIpSaidAndWhatToDo() {
    List<List<String>> steps = ShapedLink.setupCommands("ip", "tc", NAMES, 10_000_000);

    String netns =
        ShapedLink.setupFailure(
            steps.get(0),
            new ShapedLink.Result(
                1, "mount --make-shared /run/netns failed: Operation not" + " permitted\n"),
            NAMES);
    assertThat(netns)
        .startsWith("--link: 'ip netns add bbl-4242' failed (mount --make-shared")
        .contains("network namespaces are not permitted here")
        .contains("--cap-add SYS_ADMIN")
        .contains("removed again");

    String tbf =
        ShapedLink.setupFailure(
            steps.get(8),
            new ShapedLink.Result(2, "Error: Specified qdisc kind is unknown."),
            NAMES);
    assertThat(tbf).contains("modprobe sch_tbf").contains("Specified qdisc kind is unknown");
  }

  @Test
  void aLinkWhoseProcessIsGoneIsStaleAndNamedForRemoval() {
    ShapedLink.Names first = ShapedLink.staleLink("bbl-4242", pid -> false);
    ShapedLink.Names third = ShapedLink.staleLink("bbl-4242-3", pid -> false);

    assertThat(first.namespace()).isEqualTo("bbl-4242");
    assertThat(first.outsideDevice()).isEqualTo(ShapedLink.Names.of(4242, 1, 0).outsideDevice());
    assertThat(third.namespace()).isEqualTo("bbl-4242-3");
    assertThat(third.outsideDevice()).isEqualTo(ShapedLink.Names.of(4242, 3, 0).outsideDevice());
  }

  @Test
  void aLiveCompareAndOtherProgramsNamespacesAreNotStale() {
    assertThat(ShapedLink.staleLink("bbl-4242", pid -> pid == 4242)).isNull();
    assertThat(ShapedLink.staleLink("docker-1", pid -> false)).isNull();
    assertThat(ShapedLink.staleLink("bbl-x", pid -> false)).isNull();
    assertThat(ShapedLink.staleLink("bbl-12-1", pid -> false)).isNull(); // never made so
    assertThat(ShapedLink.staleLink("bbl-12345678901234", pid -> false)).isNull();
  }
}
