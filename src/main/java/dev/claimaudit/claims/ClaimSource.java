package dev.claimaudit.claims;

/**
 * A text that makes claims: a commit message ({@code commit:<sha>}), the pull request's title
 * ({@code pr-title}) or its body ({@code pr-body}).
 *
 * @param draft the text is known to describe unfinished work (a draft pull request)
 */
public record ClaimSource(String id, String text, boolean draft) {
  public static ClaimSource commit(String sha, String message) {
    return new ClaimSource("commit:" + sha, message, false);
  }

  public static ClaimSource prTitle(String title, boolean draft) {
    return new ClaimSource("pr-title", title, draft);
  }

  public static ClaimSource prBody(String body, boolean draft) {
    return new ClaimSource("pr-body", body, draft);
  }

  public boolean fromPullRequest() {
    return id.startsWith("pr-");
  }
}
