package dev.claimaudit.policy;

/**
 * The text of a policy file and where it was read from.
 *
 * @param file the file as the user knows it: {@code .claim-audit.yml} or the path given to {@code --policy}
 * @param context where that file was read, e.g. {@code at base 1a2b3c4}, or "" when the file says it all
 */
public record PolicyText(String file, String context, String text) {

  /** {@code file:line context}, the way every message and origin names a place in the policy. */
  public String at(int line) {
    return file + ":" + line + (context.isEmpty() ? "" : " " + context);
  }

  /** The file and its context, without a line. */
  public String describe() {
    return file + (context.isEmpty() ? "" : " " + context);
  }
}
