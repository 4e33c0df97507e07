package dev.claimaudit.cli;

import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.policy.FailOn;
import dev.claimaudit.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one audit is asked to do, after the command line and the event payload are read.
 *
 * @param range the range to audit, or {@code null} for the repository's default
 * @param policyFile an explicit policy file, or {@code null} to read {@code .claim-audit.yml} where {@code policyFrom} says
 * @param llm {@code --llm} (true), {@code --no-llm} (false) or neither ({@code null})
 * @param stateDir {@code --state-dir}, or {@code null}
 * @param policyFrom where {@code .claim-audit.yml} is read: the base commit unless {@code --policy-from} says otherwise
 * @param kb {@code --kb} (a directory, or {@code git:REF}), or {@code null} for the policy's {@code kb.path}
 * @param pr {@code --pr}, or {@code null} for the event's number
 * @param force {@code --force}: audit again even when a verdict with the same inputs is recorded
 * @param failOn {@code --fail-on}, or {@code null} for the policy's
 */
record AuditRequest(
    Path repo, RangeSpec range, PullRequest pullRequest, Path policyFile, boolean dynamic, Boolean llm, Path stateDir,
    Map<String, String> env, PolicyLoader.From policyFrom, String kb, Integer pr, boolean force, FailOn failOn) {

  AuditRequest(
      Path repo, RangeSpec range, PullRequest pullRequest, Path policyFile, boolean dynamic, Boolean llm, Path stateDir,
      Map<String, String> env) {
    this(repo, range, pullRequest, policyFile, dynamic, llm, stateDir, env, PolicyLoader.From.BASE, null, null, false, null);
  }
}
