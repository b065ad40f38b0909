package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A child process for {@link StoreKillTest}: opens the store in {@code args[0]} and writes until
 * killed, printing a line for every write after the store acknowledged it. Every printed id must be
 * in the store after {@code kill -9}.
 */
public final class StoreWriterProcess {

  private StoreWriterProcess() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    BlazeStore store = BlazeStore.open(Path.of(args[0]));
    out.println("ready");
    out.flush();
    for (long i = 0; ; i++) {
      if (i % 10 == 9) {
        List<BlazeRecord> batch = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
          batch.add(BlazeRecord.builder().put("n", BlazeValue.integer(i)).build());
        }
        StringBuilder line = new StringBuilder("batch");
        for (BlazeRecord r : store.insertMany("bugs", batch)) {
          line.append(' ').append(((BlazeValue.UuidValue) r.get("id")).value());
        }
        out.println(line);
      } else {
        BlazeRecord r =
            store.insert("bugs", BlazeRecord.builder().put("n", BlazeValue.integer(i)).build());
        UUID id = ((BlazeValue.UuidValue) r.get("id")).value();
        out.println("acked " + id);
      }
      out.flush();
    }
  }
}
