package dev.blazebench.codec;

import dev.blazebench.binary.GenerateCodec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The canonical bug as a plain Java class: what a user of Jackson, CBOR or Fory writes to hold the
 * workload's records. A mutable bean (no-argument constructor, getters and setters) because that is
 * the shape every one of those libraries binds without extra annotations.
 *
 * <p>{@link GenerateCodec} has blaze-binary-processor write {@code Bug_BlazeBinaryCodec} at compile
 * time, which {@code BlazeBinaryGenerated} measures; {@code BlazeBinaryTyped} binds the same class
 * at run time, by reflection.
 */
@GenerateCodec
public final class Bug {

  private UUID id;
  private String title;
  private String description;
  private int priority;
  private String status;
  private Instant createdAt;
  private String assignee;
  private List<String> tags;

  public Bug() {}

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

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
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

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }
}
