package dev.blazebench.protocol.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.protocol.json.RecordJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BugWorkloadTest {

  private static final long SEED = BugWorkload.DEFAULT_SEED;
  private static final int SAMPLE = 10_000;
  private static final List<BlazeRecord> BUGS = BugWorkload.bugs(SEED, 0, SAMPLE);

  private static String string(BlazeRecord record, String field) {
    return ((BlazeValue.StringValue) record.get(field)).value();
  }

  @Test
  void isAPureFunctionOfSeedAndIndex() {
    assertThat(BugWorkload.bugs(SEED, 0, 100)).isEqualTo(BUGS.subList(0, 100));
    // Record i does not depend on which records were made before it.
    assertThat(BugWorkload.bug(SEED, 4_321)).isEqualTo(BUGS.get(4_321));
    assertThat(BugWorkload.bugs(SEED, 4_000, 500)).isEqualTo(BUGS.subList(4_000, 4_500));
    assertThat(BugWorkload.stream(SEED).limit(50).toList()).isEqualTo(BUGS.subList(0, 50));
  }

  @Test
  void isPinnedSoThatChangesAreDeliberate() {
    // Results are compared across runs and commits: the canonical data must not drift silently.
    BlazeRecord first = BugWorkload.bug(SEED, 0);
    assertThat(RecordJson.toJson(first))
        .isEqualTo(
            "{\"assignee\":\"bruno.berg\",\"createdAt\":\"2025-05-09T10:18:28.161Z\","
                + "\"description\":\"Steps to reproduce: open the inbox, pull to refresh, then"
                + " scroll to the bottom. The log shows an unexpected nil in the record decoder"
                + " right before the failure. Reproduces about 97% of the time.\","
                + "\"id\":\"9ac69ee5-cb50-4d26-84d6-e692a35b6580\",\"priority\":2,"
                + "\"status\":\"closed\",\"tags\":[\"regression\",\"crash\"],"
                + "\"title\":\"Database migration flickers with more than 1,000 items\"}");
  }

  @Test
  void otherSeedsGiveOtherRecords() {
    assertThat(BugWorkload.bug(SEED + 1, 0)).isNotEqualTo(BugWorkload.bug(SEED, 0));
    assertThat(BugWorkload.id(SEED + 1, 0)).isNotEqualTo(BugWorkload.id(SEED, 0));
  }

  @Test
  void newBugIsTheBugWithoutServerSetFields() {
    for (int i = 0; i < 200; i++) {
      BlazeRecord bug = BUGS.get(i);
      BlazeRecord expected = bug.toBuilder().remove("id").remove("createdAt").build();
      assertThat(BugWorkload.newBug(SEED, i)).isEqualTo(expected);
      assertThat(bug.get("id")).isEqualTo(BlazeValue.uuid(BugWorkload.id(SEED, i)));
      assertThat(bug.get("createdAt")).isEqualTo(BlazeValue.date(BugWorkload.createdAt(SEED, i)));
    }
    assertThat(BugWorkload.newBugs(SEED, 10, 5))
        .containsExactly(
            BugWorkload.newBug(SEED, 10),
            BugWorkload.newBug(SEED, 11),
            BugWorkload.newBug(SEED, 12),
            BugWorkload.newBug(SEED, 13),
            BugWorkload.newBug(SEED, 14));
  }

  @Test
  void everyRecordHasTheCanonicalFieldsInRange() {
    Set<UUID> ids = new HashSet<>();
    Set<String> tagVocabulary = Set.of(BugText.TAGS);
    for (BlazeRecord bug : BUGS) {
      assertThat(bug.fields().keySet())
          .containsExactlyInAnyOrder(
              "id", "title", "description", "priority", "status", "createdAt", "assignee", "tags");
      UUID id = ((BlazeValue.UuidValue) bug.get("id")).value();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(ids.add(id)).as("unique id %s", id).isTrue();
      assertThat(string(bug, "title")).hasSizeBetween(20, 80);
      String description = string(bug, "description");
      assertThat(description).hasSizeBetween(150, 400).endsWith(".");
      assertThat(((BlazeValue.IntValue) bug.get("priority")).value()).isBetween(1L, 5L);
      assertThat(string(bug, "status")).isIn(BugFields.STATUSES);
      Instant createdAt = ((BlazeValue.DateValue) bug.get("createdAt")).toInstant();
      assertThat(createdAt).isBetween(BugWorkload.CREATED_FROM, BugWorkload.CREATED_UNTIL);
      assertThat(string(bug, "assignee")).matches("[a-z]+\\.[a-z]+");
      List<BlazeValue> tags = ((BlazeValue.ArrayValue) bug.get("tags")).items();
      assertThat(tags).hasSizeBetween(0, 3).doesNotHaveDuplicates();
      for (BlazeValue tag : tags) {
        assertThat(((BlazeValue.StringValue) tag).value()).isIn(tagVocabulary);
      }
    }
  }

  @Test
  void createdAtHasWholeMilliseconds() {
    for (int i = 0; i < 1000; i++) {
      assertThat(BugWorkload.createdAt(SEED, i).getNano() % 1_000_000).isZero();
    }
  }

  @Test
  void statusesAndPrioritiesFollowTheirWeights() {
    Map<String, Integer> statuses = new HashMap<>();
    Map<Long, Integer> priorities = new HashMap<>();
    Map<Integer, Integer> tagCounts = new HashMap<>();
    for (BlazeRecord bug : BUGS) {
      statuses.merge(string(bug, "status"), 1, Integer::sum);
      priorities.merge(((BlazeValue.IntValue) bug.get("priority")).value(), 1, Integer::sum);
      tagCounts.merge(((BlazeValue.ArrayValue) bug.get("tags")).items().size(), 1, Integer::sum);
    }
    // Weights 40/30/30 and 10/20/35/25/10 and 15/35/30/20; 10,000 samples keep each share within
    // about 1.5 points (over 3 standard deviations).
    assertThat(share(statuses.get("open"))).isBetween(0.385, 0.415);
    assertThat(share(statuses.get("in_progress"))).isBetween(0.285, 0.315);
    assertThat(share(statuses.get("closed"))).isBetween(0.285, 0.315);
    assertThat(share(priorities.get(3L))).isBetween(0.335, 0.365);
    assertThat(share(priorities.get(1L))).isBetween(0.09, 0.11);
    assertThat(share(tagCounts.get(0))).isBetween(0.135, 0.165);
    assertThat(share(tagCounts.get(3))).isBetween(0.185, 0.215);
  }

  @Test
  void createdAtSpreadsOverTheYear() {
    int[] perQuarter = new int[4];
    long quarterSeconds =
        (BugWorkload.CREATED_UNTIL.getEpochSecond() - BugWorkload.CREATED_FROM.getEpochSecond())
            / 4;
    for (int i = 0; i < SAMPLE; i++) {
      long offset =
          BugWorkload.createdAt(SEED, i).getEpochSecond()
              - BugWorkload.CREATED_FROM.getEpochSecond();
      perQuarter[(int) Math.min(3, offset / quarterSeconds)]++;
    }
    for (int count : perQuarter) {
      assertThat(share(count)).isBetween(0.235, 0.265);
    }
  }

  @Test
  void recordsSizeLikeTheSeedsExample() {
    long jsonBytes = 0;
    long blazeBytes = 0;
    for (BlazeRecord bug : BUGS) {
      jsonBytes += RecordJson.toJsonBytes(bug).length;
      blazeBytes += BlazeBinaryEncoder.encode(bug, FormatVersion.V1).length;
    }
    // The seed: 450 KB of JSON per 1,000 bug records.
    assertThat(jsonBytes / (double) SAMPLE).isBetween(430.0, 490.0);
    assertThat(blazeBytes).isLessThan(jsonBytes);
  }

  @Test
  void rejectsNegativeIndexesAndRanges() {
    assertThatThrownBy(() -> BugWorkload.bug(SEED, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index must not be negative, was -1");
    assertThatThrownBy(() -> BugWorkload.bugs(SEED, Integer.MAX_VALUE, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fromIndex=2147483647, count=2");
  }

  private static double share(Integer count) {
    return count == null ? 0 : count / (double) SAMPLE;
  }
}
