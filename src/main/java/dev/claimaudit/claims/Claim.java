package dev.claimaudit.claims;

import java.util.Set;

/**
 * One thing a change says it did.
 *
 * @param id stable within one audit: {@code c1}, {@code c2}, … in source order
 * @param text the sentence or list item the claim was read from
 * @param source {@code commit:<sha>}, {@code pr-title} or {@code pr-body}
 * @param line the 1-based line of {@code text} within its source
 * @param subject what exactly is claimed, by kind
 * @param disclosed kinds of placeholder that the claim's source owns up to
 */
public record Claim(
    String id, ClaimKind kind, Strength strength, String text, String source, int line, ClaimSubject subject, Set<Disclosure> disclosed) {

  public Claim {
    disclosed = disclosed.isEmpty() ? Set.of() : Set.copyOf(disclosed);
  }

  /** A claim whose source owns up to no placeholder. */
  public Claim(String id, ClaimKind kind, Strength strength, String text, String source, int line, ClaimSubject subject) {
    this(id, kind, strength, text, source, line, subject, Set.of());
  }

  public Claim withId(String newId) {
    return new Claim(newId, kind, strength, text, source, line, subject, disclosed);
  }

  public Claim withDisclosed(Set<Disclosure> newDisclosed) {
    return new Claim(id, kind, strength, text, source, line, subject, newDisclosed);
  }

  /** Whether the claim's own source owns up to placeholders of this kind, so that they do not contradict it. */
  public boolean discloses(Disclosure disclosure) {
    return disclosed.contains(disclosure);
  }
}
