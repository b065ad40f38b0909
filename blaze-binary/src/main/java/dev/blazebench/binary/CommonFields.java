package dev.blazebench.binary;

/**
 * BlazeDB's common-field table: 58 frequent field names written as one byte (ids 0x01-0x3A). Only
 * top-level record field names use it; dictionary keys never do.
 *
 * <p>Lookups by name go through a small open-addressing table built once from {@link #NAMES}, so
 * the encoder pays a cached {@code hashCode}, one or two slot probes and usually an identity
 * compare (decoded records hold these very {@code String} instances) instead of a {@code HashMap}
 * lookup with boxing.
 *
 * <p>Swift looks names up in a {@code Dictionary}, which matches canonically equivalent strings. No
 * table name has a canonical equivalent other than itself (the only singleton decomposition to
 * ASCII letters is KELVIN SIGN to 'K', and no name has a 'K'), so an exact match is the same test.
 */
final class CommonFields {

  /** The id reserved for a name written out in full (0xFF, u16 length, UTF-8). */
  static final int CUSTOM_NAME_MARKER = 0xFF;

  /** Highest id in the table. */
  static final int LAST_ID = 0x3A;

  /** Name by id; index 0 is unused (id 0x00 is undefined). */
  private static final String[] NAMES = {
    null,
    "id",
    "createdAt",
    "updatedAt",
    "userId",
    "teamId",
    "title",
    "description",
    "status",
    "priority",
    "assignedTo",
    "tags",
    "completedAt",
    "dueDate",
    "startDate",
    "category",
    "name",
    "email",
    "password",
    "username",
    "firstName",
    "lastName",
    "age",
    "phone",
    "address",
    "city",
    "state",
    "zip",
    "country",
    "organizationId",
    "projectId",
    "taskId",
    "bugId",
    "issueId",
    "commentId",
    "attachmentId",
    "versionId",
    "parentId",
    "childIds",
    "metadata",
    "config",
    "settings",
    "preferences",
    "type",
    "kind",
    "label",
    "value",
    "count",
    "total",
    "sum",
    "average",
    "min",
    "max",
    "isActive",
    "isDeleted",
    "isPublic",
    "isPrivate",
    "isArchived",
    "isFavorite",
  };

  private static final int SLOTS = 256; // power of two, over 4x the 58 names: short probes
  private static final String[] SLOT_NAMES = new String[SLOTS];
  private static final byte[] SLOT_IDS = new byte[SLOTS];

  static {
    for (int id = 1; id <= LAST_ID; id++) {
      int slot = slotOf(NAMES[id].hashCode());
      while (SLOT_NAMES[slot] != null) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      SLOT_NAMES[slot] = NAMES[id];
      SLOT_IDS[slot] = (byte) id;
    }
  }

  private CommonFields() {}

  private static int slotOf(int hash) {
    return (hash ^ (hash >>> 8) ^ (hash >>> 16)) & (SLOTS - 1);
  }

  /** The one-byte id of {@code name}, or 0 when it is not in the table. */
  static int idOf(String name) {
    int slot = slotOf(name.hashCode());
    while (true) {
      String candidate = SLOT_NAMES[slot];
      if (candidate == null) {
        return 0;
      }
      if (candidate == name || candidate.equals(name)) {
        return SLOT_IDS[slot];
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  /** The name with id {@code id}, or null for an undefined id (0x00, 0x3B-0xFF). */
  static String nameOf(int id) {
    return id >= 1 && id <= LAST_ID ? NAMES[id] : null;
  }
}
