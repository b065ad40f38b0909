package dev.blazebench.protocol.workload;

import java.util.List;

/**
 * Field names and status values of the canonical "bug" record (the seed's example), shared by the
 * workload, the Protobuf mapping, the server and the drivers.
 */
public final class BugFields {

  /** uuid; set by the server on insert. */
  public static final String ID = "id";

  /** string, 20..80 characters in the workload. */
  public static final String TITLE = "title";

  /** string, 150..400 characters in the workload. */
  public static final String DESCRIPTION = "description";

  /** int, 1..5. */
  public static final String PRIORITY = "priority";

  /** string, one of {@link #STATUSES}. */
  public static final String STATUS = "status";

  /** date; set by the server on insert. */
  public static final String CREATED_AT = "createdAt";

  /** date; set by the server on update. */
  public static final String UPDATED_AT = "updatedAt";

  /** string, a user name. */
  public static final String ASSIGNEE = "assignee";

  /** array of 0..3 strings. */
  public static final String TAGS = "tags";

  public static final String STATUS_OPEN = "open";
  public static final String STATUS_IN_PROGRESS = "in_progress";
  public static final String STATUS_CLOSED = "closed";

  /** Every status value, in workflow order. */
  public static final List<String> STATUSES =
      List.of(STATUS_OPEN, STATUS_IN_PROGRESS, STATUS_CLOSED);

  /** The collection the bug records live in. */
  public static final String COLLECTION = "bugs";

  private BugFields() {}
}
