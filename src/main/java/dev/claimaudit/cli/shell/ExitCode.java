package dev.claimaudit.cli.shell;

import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.policy.FailOn;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.Verdict;
import java.util.Set;

/** The documented exit codes of every command. */
public enum ExitCode {
  /** The audit passed or only warned (or the command succeeded). */
  OK(0),
  /** The audit blocks (or warns, under {@code --fail-on warn}). */
  BLOCKED(1),
  /** Bad input: a range that does not resolve, an unreadable file, an invalid policy, a bad option. */
  BAD_INPUT(2),
  /** The tool failed: a check that must run could not, or a bug. */
  INTERNAL_ERROR(3);

  /** Checks without which there is no audit: when one fails, the run is an internal error, never a pass. */
  public static final Set<String> CORE_CHECKS = Set.of("static", "claims");

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The exit code for {@code verdict} under {@code failOn}. */
  public static ExitCode of(Verdict verdict, FailOn failOn) {
    boolean coreFailed = verdict.checks().stream()
        .anyMatch(run -> run.status() == CheckRun.Status.ERROR && CORE_CHECKS.contains(run.name()));
    if (coreFailed) {
      return INTERNAL_ERROR;
    }
    boolean fails = switch (failOn) {
      case BLOCK -> verdict.outcome() == Outcome.BLOCK;
      case WARN -> verdict.outcome() != Outcome.PASS;
      case NEVER -> false;
    };
    return fails ? BLOCKED : OK;
  }
}
