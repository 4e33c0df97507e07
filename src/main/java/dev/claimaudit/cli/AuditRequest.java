package dev.claimaudit.cli;

import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.RangeSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one audit is asked to do, after the command line and the event payload are read.
 *
 * @param range the range to audit, or {@code null} for the repository's default
 * @param policyFile an explicit policy file, or {@code null} to read {@code .claim-audit.yml} from the base commit
 * @param llm {@code --llm} (true), {@code --no-llm} (false) or neither ({@code null})
 * @param stateDir {@code --state-dir}, or {@code null}
 */
record AuditRequest(
    Path repo, RangeSpec range, PullRequest pullRequest, Path policyFile, boolean dynamic, Boolean llm, Path stateDir, Map<String, String> env) {}
