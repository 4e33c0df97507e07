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
 * @param disclosed kinds of placeholder that the claim's own sentence owns up to
 * @param scope what the claim is about: a placeholder outside it does not break the claim
 * @param order when it was said: a later word about the same subject wins over an earlier one
 */
public record Claim(
    String id,
    ClaimKind kind,
    Strength strength,
    String text,
    String source,
    int line,
    ClaimSubject subject,
    Set<Disclosure> disclosed,
    Scope scope,
    Moment order) {

  public Claim {
    disclosed = disclosed.isEmpty() ? Set.of() : Set.copyOf(disclosed);
    scope = scope == null ? Scope.EVERYTHING : scope;
    order = order == null ? Moment.FIRST : order;
  }

  /** A claim whose sentence owns up to no placeholder, about what its text names, said first. */
  public Claim(String id, ClaimKind kind, Strength strength, String text, String source, int line, ClaimSubject subject) {
    this(id, kind, strength, text, source, line, subject, Set.of(), Scope.of(text), Moment.FIRST);
  }

  public Claim withId(String newId) {
    return new Claim(newId, kind, strength, text, source, line, subject, disclosed, scope, order);
  }

  /** The same claim, its sentence written another way (masked, say). */
  public Claim withText(String newText) {
    return new Claim(id, kind, strength, newText, source, line, subject, disclosed, scope, order);
  }

  public Claim withScope(Scope newScope) {
    return new Claim(id, kind, strength, text, source, line, subject, disclosed, newScope, order);
  }

  public Claim withDisclosed(Set<Disclosure> newDisclosed) {
    return new Claim(id, kind, strength, text, source, line, subject, newDisclosed, scope, order);
  }

  /** Whether the claim's own sentence owns up to placeholders of this kind, so that they do not contradict it. */
  public boolean discloses(Disclosure disclosure) {
    return disclosed.contains(disclosure);
  }

  /** Whether the claim says the change did something, so that a change of nothing contradicts it. */
  public boolean ofChange() {
    return switch (kind) {
      case STATUS, FILE, SYMBOL -> true;
      case TEST -> subject instanceof ClaimSubject.Tests tests && tests.passed() < 0 && tests.failed() < 0 && !tests.allPass();
      case ABSENCE -> false;
    };
  }
}
