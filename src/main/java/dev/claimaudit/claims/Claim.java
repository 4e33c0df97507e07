package dev.claimaudit.claims;

/**
 * One thing a change says it did.
 *
 * @param id stable within one audit: {@code c1}, {@code c2}, … in source order
 * @param text the sentence or list item the claim was read from
 * @param source {@code commit:<sha>}, {@code pr-title} or {@code pr-body}
 * @param line the 1-based line of {@code text} within its source
 * @param subject what exactly is claimed, by kind
 */
public record Claim(String id, ClaimKind kind, Strength strength, String text, String source, int line, ClaimSubject subject) {

  public Claim withId(String newId) {
    return new Claim(newId, kind, strength, text, source, line, subject);
  }
}
