package dev.blazebench.protocol.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.json.InvalidJsonException;
import dev.blazebench.protocol.json.RecordJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The records of an NDJSON response body (one JSON object per line), handed out in batches of at
 * most {@code batchSize} as they are read. Each record is decoded fully ({@link RecordJson}) before
 * its batch is returned. Reads lazily: the server's backpressure reaches a caller who stops
 * iterating.
 */
final class NdjsonBatches implements Iterator<List<BlazeRecord>> {

  private final HttpCall call;
  private final JsonParser parser;
  private final int batchSize;
  private final String operation;
  private List<BlazeRecord> pending;
  private boolean finished;

  NdjsonBatches(HttpCall call, int batchSize, String operation) {
    this.call = call;
    this.batchSize = batchSize;
    this.operation = operation;
    try {
      this.parser = RecordJson.FACTORY.createParser(call.body());
    } catch (IOException e) {
      throw call.translate(e);
    }
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !finished) {
      pending = readBatch();
    }
    return pending != null;
  }

  @Override
  public List<BlazeRecord> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more batches");
    }
    List<BlazeRecord> batch = pending;
    pending = null;
    return batch;
  }

  private List<BlazeRecord> readBatch() {
    List<BlazeRecord> batch = new ArrayList<>(Math.min(batchSize, 1024));
    try {
      while (batch.size() < batchSize) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          finished = true;
          call.close(); // the body is fully read: the connection can serve another call
          break;
        }
        batch.add(RecordJson.readRecord(parser));
      }
    } catch (InvalidJsonException e) {
      call.close();
      throw GrpcFailures.malformed(operation, e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      call.close();
      throw GrpcFailures.malformed(operation, e);
    } catch (IOException e) {
      BlazeClientException failure = call.translate(e);
      call.close();
      throw failure;
    }
    return batch.isEmpty() ? null : batch;
  }
}
