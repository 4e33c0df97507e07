package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that say which change {@code audit} and {@code audit config} look at, and under which
 * policy and knowledge base, declared once and read the same way by both.
 */
final class ChangeOptions {
  @Option(names = "--range", paramLabel = "RANGE",
      description = "A..B, A...B or a single REV (REV^..REV). Default: the event's base..head, else @{upstream}..HEAD, else main..HEAD "
          + "(or origin/HEAD, origin/main, origin/master, master when there is no main).")
  String range;

  @Option(names = "--event", paramLabel = "FILE",
      description = "A Gitea or GitHub pull_request event payload: PR number, title, body, base and head (default: $GITHUB_EVENT_PATH in a pull_request job).")
  Path event;

  @Option(names = "--policy", paramLabel = "FILE", description = "Policy file to use instead of .claim-audit.yml at the base commit.")
  Path policy;

  @Option(names = "--policy-from", paramLabel = "WHERE",
      description = "Where to read .claim-audit.yml: base (default: the target branch's policy, which the change cannot edit), head or worktree.")
  PolicyLoader.From policyFrom;

  @Option(names = "--kb", paramLabel = "DIR|git:REF",
      description = "Knowledge base: a directory, or git:REF for a ref of the repository (default: the policy's kb.path or kb.ref).")
  String kb;

  /** Refuses options that contradict each other. */
  void check() {
    if (policy != null && policyFrom != null) {
      throw new BadInputException("give --policy FILE or --policy-from WHERE, not both");
    }
  }

  /**
   * The pull request of {@code --event}, else of {@code $GITHUB_EVENT_PATH} when the job runs for a
   * pull request ({@code $GITHUB_EVENT_NAME} unset or {@code pull_request*}): a push job's payload
   * has no pull request to read.
   */
  PullRequest pullRequest(Map<String, String> env) {
    Path file = event;
    String eventName = env.get("GITHUB_EVENT_NAME");
    boolean pullRequestEvent = eventName == null || eventName.isBlank() || eventName.startsWith("pull_request");
    String path = env.get("GITHUB_EVENT_PATH");
    if (file == null && pullRequestEvent && path != null && !path.isBlank()) {
      file = Path.of(path);
    }
    return file == null ? PullRequest.NONE : EventPayload.read(file).pullRequest();
  }

  /** {@code --range}, else the pull request's base..head, else {@code null} for the repository's default. */
  RangeSpec rangeSpec(PullRequest pullRequest) {
    if (range != null) {
      return RangeSpec.parse(range);
    }
    if (pullRequest.baseSha() != null && pullRequest.headSha() != null) {
      return RangeSpec.parse(pullRequest.baseSha() + ".." + pullRequest.headSha());
    }
    return null;
  }

  PolicyLoader.From policyFrom() {
    return policyFrom == null ? PolicyLoader.From.BASE : policyFrom;
  }
}
