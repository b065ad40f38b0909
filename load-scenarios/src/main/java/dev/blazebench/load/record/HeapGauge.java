package dev.blazebench.load.record;

/**
 * The injector's own heap over the measured part: how much of it the client's answers took. A
 * client that streams a million records in batches should stay flat; one that holds them all shows
 * it here.
 */
public interface HeapGauge {

  /** No heap figures (tests on virtual time): every figure unknown. */
  HeapGauge NONE =
      new HeapGauge() {
        @Override
        public void start() {}

        @Override
        public void sample() {}

        @Override
        public HeapPeaks finish() {
          return HeapPeaks.UNKNOWN;
        }
      };

  /** Measurement starts: peaks from now on. */
  void start();

  /** A moment to look at the heap (each interval), besides the collector's notifications. */
  void sample();

  /** The peaks since {@link #start}; stops watching. */
  HeapPeaks finish();

  /** This JVM's heap ({@link JvmHeapGauge}). */
  static HeapGauge jvm() {
    return new JvmHeapGauge();
  }

  /**
   * Heap peaks over the measured part, in bytes; -1 where unknown.
   *
   * @param peakUsedBytes the most heap in use at once: the larger of the usage sampled each
   *     interval and the usage just before each collection
   * @param peakAfterGcBytes the most heap still in use just after a collection: live data plus
   *     garbage that collection left (an upper bound of what the client held); -1 if no collection
   *     ran
   * @param maxBytes the heap's limit ({@code -Xmx}); -1 if undefined
   */
  record HeapPeaks(long peakUsedBytes, long peakAfterGcBytes, long maxBytes) {
    public static final HeapPeaks UNKNOWN = new HeapPeaks(-1, -1, -1);
  }
}
