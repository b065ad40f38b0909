package dev.blazebench.protocol.client;

import dev.blazebench.binary.BlazeRecord;
import io.grpc.Context;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The batches of a streamed query, as they arrive. Runs its call in a cancellable {@link Context}:
 * {@link #close()} cancels a call not yet finished, so abandoning a stream early does not leave the
 * server sending. Failures surface from {@link #hasNext()}/{@link #next()} as {@link
 * BlazeClientException}.
 */
public final class BatchStream implements Iterator<List<BlazeRecord>>, AutoCloseable {

  private final Context.CancellableContext context;
  private final Iterator<?> responses;
  private final Function<Object, List<BlazeRecord>> decode;
  private final String operation;

  <T> BatchStream(
      Context.CancellableContext context,
      Iterator<T> responses,
      Function<T, List<BlazeRecord>> decode,
      String operation) {
    this.context = context;
    this.responses = responses;
    @SuppressWarnings("unchecked") // the iterator yields exactly the T that decode accepts
    Function<Object, List<BlazeRecord>> anyDecode = (Function<Object, List<BlazeRecord>>) decode;
    this.decode = anyDecode;
    this.operation = operation;
  }

  @Override
  public boolean hasNext() {
    try {
      boolean more = responses.hasNext();
      if (!more) {
        context.close();
      }
      return more;
    } catch (RuntimeException e) {
      context.close();
      throw GrpcFailures.translate(operation, e);
    }
  }

  @Override
  public List<BlazeRecord> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more batches");
    }
    Object response;
    try {
      response = responses.next();
    } catch (RuntimeException e) {
      context.close();
      throw GrpcFailures.translate(operation, e);
    }
    try {
      return decode.apply(response);
    } catch (RuntimeException e) {
      context.close();
      throw GrpcFailures.translate(operation, e);
    }
  }

  /** Cancels the call if it is still running. */
  @Override
  public void close() {
    context.close();
  }
}
