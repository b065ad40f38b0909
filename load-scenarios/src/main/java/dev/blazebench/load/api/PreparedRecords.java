package dev.blazebench.load.api;

/**
 * Records to insert, in the form a client's users would hold them before a call: BlazeRecords for
 * the BlazeBinary and JSON clients, Protobuf {@code Bug} messages for the Protobuf client. Made by
 * {@link LoadClient#prepare} before the run, so building them is never timed; serialising them is,
 * as in an application.
 */
public interface PreparedRecords {

  /** How many records. */
  int size();
}
