package dev.blazebench.protocol.bugs;

import dev.blazebench.protocol.workload.BugFields;

/** {@link BugField} to and from the record field names of {@link BugFields}. */
final class BugFieldNames {

  private BugFieldNames() {}

  /** The record field name of {@code field}; {@code where} names the place in errors. */
  static String nameOf(BugField field, String where) {
    return switch (field) {
      case BUG_FIELD_ID -> BugFields.ID;
      case BUG_FIELD_TITLE -> BugFields.TITLE;
      case BUG_FIELD_DESCRIPTION -> BugFields.DESCRIPTION;
      case BUG_FIELD_PRIORITY -> BugFields.PRIORITY;
      case BUG_FIELD_STATUS -> BugFields.STATUS;
      case BUG_FIELD_CREATED_AT -> BugFields.CREATED_AT;
      case BUG_FIELD_UPDATED_AT -> BugFields.UPDATED_AT;
      case BUG_FIELD_ASSIGNEE -> BugFields.ASSIGNEE;
      case BUG_FIELD_TAGS -> BugFields.TAGS;
      default -> throw new BugMappingException(where + ": no bug field for " + field);
    };
  }

  /** The enum of record field {@code name}. */
  static BugField fieldOf(String name, String where) {
    BugField field = fieldOrNull(name);
    if (field == null) {
      throw new BugMappingException(where + ": \"" + name + "\" is not a field of Bug");
    }
    return field;
  }

  static BugField fieldOrNull(String name) {
    return switch (name) {
      case BugFields.ID -> BugField.BUG_FIELD_ID;
      case BugFields.TITLE -> BugField.BUG_FIELD_TITLE;
      case BugFields.DESCRIPTION -> BugField.BUG_FIELD_DESCRIPTION;
      case BugFields.PRIORITY -> BugField.BUG_FIELD_PRIORITY;
      case BugFields.STATUS -> BugField.BUG_FIELD_STATUS;
      case BugFields.CREATED_AT -> BugField.BUG_FIELD_CREATED_AT;
      case BugFields.UPDATED_AT -> BugField.BUG_FIELD_UPDATED_AT;
      case BugFields.ASSIGNEE -> BugField.BUG_FIELD_ASSIGNEE;
      case BugFields.TAGS -> BugField.BUG_FIELD_TAGS;
      default -> null;
    };
  }
}
