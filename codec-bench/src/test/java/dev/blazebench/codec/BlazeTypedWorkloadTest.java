package dev.blazebench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeBinaryMapper;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.protocol.DateConversion;
import dev.blazebench.protocol.workload.BugWorkload;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The typed binding over the canonical workload: the {@code Bug} POJOs it writes are byte for byte
 * the {@code BlazeRecord}s the other BlazeBinary benchmarks write, so {@code BlazeBinaryTyped} and
 * {@code BlazeBinaryV1} time the same bytes; and its dates come back as {@link DateConversion}
 * (which every other format's mapping uses) makes them.
 */
class BlazeTypedWorkloadTest {

  private static final List<BlazeRecord> RECORDS =
      BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, Workload.RECORDS);

  private static final BlazeBinaryMapper<Bug> BUGS = BlazeTypedCodecs.mapper();

  @Test
  void everyWorkloadBugEncodesToItsRecordsBytes() {
    for (BlazeRecord record : RECORDS) {
      Bug bug = BugPojos.of(record);
      for (FormatVersion version : FormatVersion.values()) {
        assertThat(BUGS.encode(bug, version)).isEqualTo(BlazeBinaryEncoder.encode(record, version));
      }
    }
  }

  @Test
  void theThousandBugSequenceIsTheRecordSequence() {
    List<Bug> bugs = BugPojos.of(RECORDS);
    byte[] recordBytes = BlazeSequences.encodeRecords(RECORDS, FormatVersion.V1);

    assertThat(BUGS.encodeSequence(bugs, FormatVersion.V1)).isEqualTo(recordBytes);
    List<Bug> decoded = BUGS.decodeSequence(recordBytes);
    Checksum.Builder fromTyped = Checksum.builder();
    BugPojos.addTo(fromTyped, decoded);
    Checksum.Builder fromRecords = Checksum.builder();
    RECORDS.forEach(r -> BugRecords.addTo(fromRecords, r));
    assertThat(fromTyped.build()).isEqualTo(fromRecords.build());
  }

  /** A bean with one date, to decode arbitrary date bits through the binding. */
  public static final class When {
    private Instant at;

    public Instant getAt() {
      return at;
    }

    public void setAt(Instant at) {
      this.at = at;
    }
  }

  @Test
  void datesDecodeToTheInstantDateConversionGives() {
    BlazeBinaryMapper<When> when = BlazeBinaryMapper.of(When.class);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      BlazeValue.DateValue date;
      switch (i % 4) {
        case 0 ->
            date =
                BlazeValue.date(
                    Instant.ofEpochMilli(
                        random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L)));
        case 1 ->
            date =
                BlazeValue.date(
                    Instant.ofEpochSecond(
                        random.nextLong(-10_000_000_000L, 10_000_000_000L),
                        random.nextInt(1_000_000_000)));
        case 2 -> date = BlazeValue.dateSinceReferenceDate(random.nextDouble(-2e9, 2e9));
        default ->
            date =
                BlazeValue.date(
                    Instant.ofEpochSecond(
                        random.nextLong(-1_000_000_000L, 3_000_000_000L),
                        random.nextInt(1000) * 1000));
      }
      BlazeRecord record = BlazeRecord.builder().put("at", date).build();

      Instant decoded = when.decode(BlazeBinaryEncoder.encode(record, FormatVersion.V1)).getAt();

      assertThat(decoded).as("bits %x", date.bits()).isEqualTo(DateConversion.toInstant(date));
    }
  }
}
