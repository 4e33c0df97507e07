package dev.claimaudit.text;

/** Small wordings every stage needs the same way: counts of things, short commit ids, cut text. */
public final class Texts {
  private Texts() {}

  /** {@code 1 file}, {@code 3 files}: the noun takes an {@code s} unless the count is one. */
  public static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** {@code 1 child}, {@code 2 children}: for nouns whose plural is not the noun and an {@code s}. */
  public static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  /** {@code was} or {@code were}, to agree with {@code count}. */
  public static String was(long count) {
    return count == 1 ? "was" : "were";
  }

  /** The first seven hex digits of a commit id, as git shows one; {@code none} for {@code null}. */
  public static String shortSha(String sha) {
    return sha == null ? "none" : sha.substring(0, Math.min(7, sha.length()));
  }

  /** The first {@code digits} hex digits of a commit id, where seven could be ambiguous; {@code none} for {@code null}. */
  public static String shortSha(String sha, int digits) {
    return sha == null ? "none" : sha.substring(0, Math.min(digits, sha.length()));
  }

  /** {@code text} cut to at most {@code max} characters, the last of them {@code …} when it was cut; {@code null} stays {@code null}. */
  public static String truncate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return max <= 1 ? "…" : text.substring(0, max - 1) + "…";
  }
}
