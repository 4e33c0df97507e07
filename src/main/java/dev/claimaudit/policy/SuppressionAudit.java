package dev.claimaudit.policy;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.FindingType;
import dev.claimaudit.checks.InlineSuppressions;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.checks.Suppression;
import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Lexer;
import dev.claimaudit.lang.Region;
import dev.claimaudit.git.AddedLine;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.FileChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Looks at every suppression directive the change adds, whether or not a finding sits under it:
 * one that names an unknown rule, has expired, has an unreadable date, or gives no reason
 * or one too short to be one is a warning of its own, so that a stale or mistyped suppression
 * does not linger unseen.
 */
public final class SuppressionAudit {
  public static final String RULE = "suppression-invalid";
  /** The finding this stage reports, also for a suppression that covers a finding but gives no reason. */
  public static final FindingType TYPE = new FindingType(RULE, "suppression that suppresses nothing",
      "A `claim-audit: allow` directive that names an unknown rule, has expired or gives no reason; the finding it meant to cover is "
          + "reported as usual.",
      "suppression gives no reason; write one after `claim-audit: allow`");

  private final Set<String> knownRules;
  private final LocalDate today;

  public SuppressionAudit(Set<String> knownRules, LocalDate today) {
    this.knownRules = knownRules;
    this.today = today;
  }

  /**
   * @param markedLines the added lines of a file that hold the suppression marker, as the scan of
   *     the added lines collected them (the files are not diffed again)
   */
  public List<Finding> audit(ChangeSet changeSet, PathFilter unscanned, Function<FileChange, List<AddedLine>> markedLines) {
    List<Finding> findings = new ArrayList<>();
    for (FileChange file : changeSet.files()) {
      Optional<Language> language = Language.of(file.path());
      if (!file.scanned() || language.isEmpty() || unscanned.matches(file.path())) {
        continue;
      }
      List<AddedLine> candidates = markedLines.apply(file);
      if (candidates.isEmpty()) {
        continue;
      }
      Optional<String> content = changeSet.readAtHead(file.path());
      if (content.isEmpty()) {
        continue;
      }
      LexedText lexed = Lexer.lex(language.get(), content.get());
      for (AddedLine line : candidates) {
        if (line.number() > lexed.lineCount()) {
          continue;
        }
        String text = lexed.line(line.number());
        int at = text.indexOf(InlineSuppressions.MARKER);
        if (at < 0 || lexed.regionAt(line.number(), at) != Region.COMMENT) {
          continue;
        }
        InlineSuppressions.parse(text, line.number())
            .flatMap(this::problem)
            .ifPresent(problem -> findings.add(finding(file.path(), line.number(), problem)));
      }
    }
    return findings;
  }

  /** What is wrong with a directive, in the words {@link SeverityAssigner} uses for one that covers a finding. */
  Optional<String> problem(Suppression suppression) {
    if (suppression.rule() != null && !knownRules.contains(suppression.rule())) {
      return Optional.of("suppression names unknown rule `" + suppression.rule() + "`, so it suppresses nothing");
    }
    if (suppression.until() != null && suppression.until().isBefore(today)) {
      String when = suppression.until().equals(LocalDate.MIN) ? "has an unreadable until= date" : "expired on " + suppression.until();
      return Optional.of("suppression " + when + ", so it suppresses nothing");
    }
    if (suppression.reason().isBlank()) {
      return Optional.of("suppression gives no reason; write one after `claim-audit: allow`");
    }
    if (!suppression.reasoned()) {
      return Optional.of("suppression's reason \"" + suppression.reason() + "\" is too short to be one, so it suppresses nothing;"
          + " say in a few words why the finding is fine");
    }
    return Optional.empty();
  }

  private static Finding finding(String path, int line, String message) {
    return Finding.builder(RULE, "policy").severity(Severity.WARN).at(path, line).message(message).build();
  }
}
