package dev.blazebench.binary.processor;

import dev.blazebench.binary.GenerateCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A bean with a field of every kind generated codecs handle, names both common ({@code id}, {@code
 * title}) and written in full, and a constructor default that a missing field keeps.
 */
@GenerateCodec
public final class Ticket {

  private UUID id;
  private String title;
  private String note = "constructor default";
  private int priority;
  private long views;
  private double score;
  private boolean open;
  private Integer votes;
  private Long bytes;
  private Double weight;
  private Boolean pinned;
  private Instant createdAt;
  private List<String> tags = new ArrayList<>();

  public Ticket() {}

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

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public long getViews() {
    return views;
  }

  public void setViews(long views) {
    this.views = views;
  }

  public double getScore() {
    return score;
  }

  public void setScore(double score) {
    this.score = score;
  }

  public boolean isOpen() {
    return open;
  }

  public void setOpen(boolean open) {
    this.open = open;
  }

  public Integer getVotes() {
    return votes;
  }

  public void setVotes(Integer votes) {
    this.votes = votes;
  }

  public Long getBytes() {
    return bytes;
  }

  public void setBytes(Long bytes) {
    this.bytes = bytes;
  }

  public Double getWeight() {
    return weight;
  }

  public void setWeight(Double weight) {
    this.weight = weight;
  }

  public Boolean getPinned() {
    return pinned;
  }

  public void setPinned(Boolean pinned) {
    this.pinned = pinned;
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

  /** Every field, for assertions. */
  List<Object> values() {
    return java.util.Arrays.asList(
        id, title, note, priority, views, score, open, votes, bytes, weight, pinned, createdAt,
        tags);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ticket t && values().equals(t.values());
  }

  @Override
  public int hashCode() {
    return Objects.hash(values().toArray());
  }

  @Override
  public String toString() {
    return "Ticket" + values();
  }
}
