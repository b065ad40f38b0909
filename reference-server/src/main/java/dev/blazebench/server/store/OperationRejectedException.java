package dev.blazebench.server.store;

/**
 * One operation of a batch applied with {@link BlazeStore#applyOperations} was refused, so none of
 * the batch was written. The cause is the store's own exception for that operation ({@link
 * RecordNotFoundException}, {@link DuplicateRecordException}, {@link InvalidRecordException}, ...),
 * which says what went wrong; {@link #index()} says which operation.
 */
public final class OperationRejectedException extends StoreException {

  private final int index;

  public OperationRejectedException(int index, StoreException cause) {
    super("operations[" + index + "]: " + cause.getMessage(), cause);
    this.index = index;
  }

  /** The position of the refused operation in the batch, from 0. */
  public int index() {
    return index;
  }

  /** The store's exception for the refused operation. */
  @Override
  public synchronized StoreException getCause() {
    return (StoreException) super.getCause();
  }
}
