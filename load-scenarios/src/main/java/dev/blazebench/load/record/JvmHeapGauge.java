package dev.blazebench.load.record;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@link HeapGauge} of this JVM: the heap pools' usage from the collectors' notifications (before
 * and after each collection: the usage before one is a local peak, which sampling alone would miss)
 * and from {@code MemoryMXBean} at each interval.
 */
final class JvmHeapGauge implements HeapGauge, NotificationListener {

  private final Set<String> heapPools = new HashSet<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final AtomicLong peakUsed = new AtomicLong(-1);
  private final AtomicLong peakAfterGc = new AtomicLong(-1);

  JvmHeapGauge() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
  }

  @Override
  public void start() {
    peakUsed.set(-1);
    peakAfterGc.set(-1);
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(this, null, null);
        emitters.add(emitter);
      }
    }
    sample();
  }

  @Override
  public void sample() {
    raise(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  @Override
  public HeapPeaks finish() {
    sample();
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(this);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
    emitters.clear();
    return new HeapPeaks(
        peakUsed.get(),
        peakAfterGc.get(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
  }

  /** A collection ended (on a JMX notification thread). */
  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    raise(peakUsed, heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()));
    raise(peakAfterGc, heapUsed(info.getGcInfo().getMemoryUsageAfterGc()));
  }

  private long heapUsed(Map<String, MemoryUsage> pools) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    return used;
  }

  private static void raise(AtomicLong peak, long value) {
    peak.accumulateAndGet(value, Math::max);
  }
}
