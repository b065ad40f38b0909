package dev.blazebench.load.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.blazebench.load.api.RecordChecksum;
import dev.blazebench.protocol.json.RecordJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a streamed NDJSON answer (one record per line) chunk by chunk as it arrives, decoding each
 * complete line into a record, adding its hash to a running checksum and dropping it: the client
 * holds one chunk and at most one partial line, however long the stream. Not thread-safe (one
 * response, one event loop).
 */
final class NdjsonFold {

  private final RecordChecksum.Accumulator checksum = new RecordChecksum.Accumulator();
  private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
  private long bodyBytes;

  /** Adds a chunk of the body. */
  void add(byte[] chunk) {
    bodyBytes += chunk.length;
    int lineStart = 0;
    for (int i = 0; i < chunk.length; i++) {
      if (chunk[i] != '\n') {
        continue;
      }
      if (partialLine.size() > 0) {
        partialLine.write(chunk, lineStart, i - lineStart);
        byte[] line = partialLine.toByteArray();
        partialLine.reset();
        decodeLine(line, 0, line.length);
      } else {
        decodeLine(chunk, lineStart, i - lineStart);
      }
      lineStart = i + 1;
    }
    partialLine.write(chunk, lineStart, chunk.length - lineStart);
  }

  /** Records decoded so far. */
  long count() {
    return checksum.count();
  }

  /** The checksum of every record, once the body has ended. */
  long checksum() {
    if (partialLine.size() > 0) {
      throw new IllegalStateException(
          "the stream ended inside a line (" + partialLine.size() + " bytes without a newline)");
    }
    return checksum.value();
  }

  /** The body's bytes (decompressed). */
  long bodyBytes() {
    return bodyBytes;
  }

  private void decodeLine(byte[] bytes, int offset, int length) {
    if (length == 0 || (length == 1 && bytes[offset] == '\r')) {
      return; // an empty line separates nothing
    }
    try (JsonParser parser = RecordJson.FACTORY.createParser(bytes, offset, length)) {
      parser.nextToken();
      checksum.add(RecordChecksum.ofRecord(RecordJson.readRecord(parser)));
      if (parser.nextToken() != null && parser.currentToken() != JsonToken.NOT_AVAILABLE) {
        throw new IllegalStateException("more than one JSON value on line " + (count() + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
