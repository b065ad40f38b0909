package dev.blazebench.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Finds the newest committed chunk of an MVStore file that was not closed cleanly (the process was
 * killed), before the store is opened for use.
 *
 * <h2>Why MVStore's own start-up is not enough</h2>
 *
 * After an unclean shutdown MVStore 2.5.252 starts from the chunk named in the file header and
 * follows each chunk's predicted "next" position, plus the chunk at the end of the file. When a
 * chunk is written into reused space (a freed chunk's blocks, in the middle of the file) and the
 * prediction was wrong, MVStore rewrites the header, but {@code RandomAccessStore.writeChunk} does
 * so before {@code FileStore.storeBuffer} makes the new chunk the last one: the header names the
 * chunk before it, whose "next" does not lead to it. The "quick recovery" then settles on that
 * older chunk, and the newest commits, already acknowledged, are silently dropped. It happens once
 * the retention time has passed and space is reused, so with {@link
 * GroupCommitWriter#CHUNK_RETENTION_MILLIS} after a few seconds of writes.
 *
 * <p>MVStore's recovery mode skips the quick path: it reads every block of the file, collects all
 * complete chunks (header and footer with checksums), and takes the newest whose chunk set is
 * complete. So when the header lacks the clean-shutdown mark, the file is opened once in recovery
 * mode and closed at once: closing writes the header for the chunk it found, with the clean mark,
 * and the store is then opened normally. Recovery mode is not kept for the running store, because
 * it also reads an unreadable page as an empty one, which would hide corruption.
 */
final class CrashRecovery {

  /** The two copies of the file header, one block each (MVStore's layout). */
  private static final int HEADER_BLOCK_BYTES = 4096;

  private static final String CLEAN_SHUTDOWN_KEY = "clean";

  private static final String CHECKSUM_SEPARATOR = ",fletcher:";

  private CrashRecovery() {}

  /**
   * If {@code file} exists and was not closed cleanly, makes its header point at its newest
   * complete chunk. Returns whether recovery ran.
   *
   * @throws StoreException when the file cannot be read or recovered
   */
  static boolean recoverIfNotClosedCleanly(Path file) {
    if (closedCleanlyOrEmpty(file)) {
      return false;
    }
    MVStore store;
    try {
      store =
          new MVStore.Builder()
              .fileName(file.toString())
              .autoCommitDisabled()
              .recoveryMode()
              .open();
    } catch (MVStoreException e) {
      throw new StoreException("cannot recover " + file + ": " + e.getMessage(), e);
    }
    store.close(); // writes the header for the chunk found, with the clean-shutdown mark
    return true;
  }

  private static boolean closedCleanlyOrEmpty(Path file) {
    if (!Files.exists(file)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() == 0) {
        return true;
      }
      ByteBuffer headers = ByteBuffer.allocate(2 * HEADER_BLOCK_BYTES);
      while (headers.hasRemaining() && channel.read(headers) >= 0) {
        // read both header blocks, or as much of them as the file has
      }
      for (int block = 0; block < 2; block++) {
        byte[] bytes = new byte[HEADER_BLOCK_BYTES];
        headers.get(block * HEADER_BLOCK_BYTES, bytes);
        Map<String, String> header = parseChecksummedHeader(bytes);
        if (header == null || !"1".equals(header.get(CLEAN_SHUTDOWN_KEY))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new StoreException("cannot read the header of " + file + ": " + e, e);
    } catch (RuntimeException e) {
      return false; // an unreadable header: let the full scan decide
    }
  }

  /**
   * One header block as MVStore writes it: {@code key:value,...,fletcher:xxxxxxxx} and a newline,
   * the checksum over everything before {@code ,fletcher:}. Null when torn or not a header.
   */
  private static Map<String, String> parseChecksummedHeader(byte[] block) {
    int end = 0;
    while (end < block.length && block[end] != '\n') {
      end++;
    }
    String text = new String(block, 0, end, StandardCharsets.ISO_8859_1);
    int checksumAt = text.lastIndexOf(CHECKSUM_SEPARATOR);
    if (end == block.length || checksumAt < 0) {
      return null;
    }
    int expected = DataUtils.parseHexInt(text.substring(checksumAt + CHECKSUM_SEPARATOR.length()));
    if (DataUtils.getFletcher32(block, 0, checksumAt) != expected) {
      return null;
    }
    return DataUtils.parseMap(text.substring(0, checksumAt));
  }
}
