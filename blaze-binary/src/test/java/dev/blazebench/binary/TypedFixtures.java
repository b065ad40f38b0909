package dev.blazebench.binary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Classes the typed-binding tests bind: a bug as a record and as a bean, and every kind. */
final class TypedFixtures {

  private TypedFixtures() {}

  /** The canonical workload's bug as a Java record. */
  record Bug(
      UUID id,
      String title,
      String description,
      int priority,
      String status,
      Instant createdAt,
      String assignee,
      List<String> tags) {}

  /** The same bug as a mutable bean. */
  public static final class BeanBug {
    private UUID id;
    private String title;
    private int priority;
    private String status = "open"; // a default a missing field leaves in place
    private Instant createdAt;
    private List<String> tags;

    public BeanBug() {}

    public UUID getId() {
      return id;
    }

    public void setId(UUID id) {
      this.id = id;
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public int getPriority() {
      return priority;
    }

    public void setPriority(int priority) {
      this.priority = priority;
    }

    public String getStatus() {
      return status;
    }

    public void setStatus(String status) {
      this.status = status;
    }

    public Instant getCreatedAt() {
      return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
      this.createdAt = createdAt;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }

    /** Read-only: not bound, since it could not be decoded. */
    public String getSummary() {
      return title + " (" + status + ")";
    }
  }

  /**
   * A field of every supported type, primitive and boxed, with custom, common and non-ASCII names
   * ({@code café} sorts after every ASCII name, and is written in full).
   */
  record AllKinds(
      String text,
      int small,
      long big,
      Integer boxed,
      Long boxedLong,
      double ratio,
      Double boxedRatio,
      boolean flag,
      Boolean isActive,
      UUID id,
      Instant createdAt,
      byte[] blob,
      float[] embedding,
      List<String> tags,
      BlazeValue metadata,
      String café) {}

  /** A single int field named as a common field: {@code {"priority": n}}. */
  record Priority(int priority) {}

  /** A field whose type has no mapping. */
  record Unsupported(String name, Thread owner) {}
}
