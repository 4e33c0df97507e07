package dev.claimaudit.claims;

/**
 * The pull request under audit, as far as it is known (from an event payload or the command line).
 *
 * @param number the PR number, or {@code null}
 * @param baseSha the tip of the base branch, or {@code null}
 * @param headSha the PR head, or {@code null}
 * @param mergeBase the merge base the code host computed (Gitea sends it), or {@code null}
 */
public record PullRequest(Integer number, String title, String body, boolean draft, String baseSha, String headSha, String mergeBase) {
  public static final PullRequest NONE = new PullRequest(null, "", "", false, null, null, null);

  public PullRequest withBody(String newBody) {
    return new PullRequest(number, title, newBody, draft, baseSha, headSha, mergeBase);
  }
}
