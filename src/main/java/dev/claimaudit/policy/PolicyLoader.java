package dev.claimaudit.policy;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.FindingType;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.ChangeType;
import dev.claimaudit.git.FileChange;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RevisionFile;
import dev.claimaudit.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the policy an audit runs under. By default that is {@code .claim-audit.yml} at the base
 * of the range, so that a pull request's edit to the policy cannot weaken its own audit; the
 * edit is reported, and checked so that it cannot break the audits after it merges.
 */
public final class PolicyLoader {
  public static final String FILE = ".claim-audit.yml";
  /** The change edits the policy file; an info, since the audit runs under the base's policy. */
  public static final FindingType CHANGED = new FindingType("policy-changed", "change edits the policy",
      "The change adds, edits or deletes .claim-audit.yml. A change cannot loosen its own audit: the policy at the base applies, and "
          + "the edit takes effect after the merge.",
      "this change edits .claim-audit.yml, but a change cannot loosen its own audit: this audit used .claim-audit.yml at base 1a2b3c4");
  /** The change leaves a policy behind that every later audit would refuse. */
  public static final FindingType INVALID = new FindingType("policy-invalid", "change leaves an invalid policy",
      "The .claim-audit.yml this change leaves behind does not parse or validate, so every later audit would stop with exit 2.",
      "the policy this change leaves behind would stop every later audit with exit 2: .claim-audit.yml line 3: unknown key 'fail_on'");
  private static final String MISNAMED = ".claim-audit.yaml";

  /** Where the policy file is read when {@code --policy} is not given. */
  public enum From {
    /** The base of the range: what the target branch enforces. */
    BASE,
    /** The head of the range: the change's own policy. */
    HEAD,
    /** The work tree, as it is on disk. */
    WORKTREE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static From parse(String text) {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * The policy and what the report should say about it.
   *
   * @param findings {@code policy-changed} (info) when the change edits the policy file, and
   *     {@code policy-invalid} (block) when the file it leaves behind would not load
   */
  public record Loaded(Policy policy, List<String> notes, List<Finding> findings) {}

  private final PolicyParser parser;

  public PolicyLoader(PolicyParser parser) {
    this.parser = parser;
  }

  /** The policy of an audit of {@code changeSet}: {@code policyFile} if given, else the file where {@code from} says. */
  public Loaded load(GitRepository repository, ChangeSet changeSet, Path policyFile, From from) {
    PolicyText text = policyFile != null ? fromFile(policyFile) : fromRepository(repository, changeSet, from);
    Policy policy = text == null ? defaults(changeSet, from) : parser.parse(text);
    List<String> notes = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    if (text != null) {
      notes.add("policy: " + policy.source());
    } else if (policyFile == null && from != From.WORKTREE && misnamed(repository, changeSet, from)) {
      notes.add("policy: found " + MISNAMED + " but the policy file is " + FILE + ", so the built-in defaults apply");
    }
    Optional<FileChange> edit = changeSet.files().stream()
        .filter(file -> FILE.equals(file.path()) || FILE.equals(file.oldPath()))
        .findFirst();
    edit.ifPresent(file -> reportEdit(repository, changeSet, file, policyFile == null && from == From.BASE, policy, notes, findings));
    return new Loaded(policy, notes, findings);
  }

  private static PolicyText fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(YamlDocument.MAX_CHARS * 4 + 1);
      if (bytes.length > YamlDocument.MAX_CHARS * 4) {
        throw new PolicyException("invalid policy " + file + ": the file is larger than " + YamlDocument.MAX_CHARS / 1024 + " KiB");
      }
      return new PolicyText(file.toString(), "", decode(bytes, file.toString()));
    } catch (NoSuchFileException e) {
      throw new PolicyException("cannot read policy " + file + ": no such file");
    } catch (IOException e) {
      throw new PolicyException("cannot read policy " + file + ": " + e.getMessage());
    }
  }

  private static PolicyText fromRepository(GitRepository repository, ChangeSet changeSet, From from) {
    return switch (from) {
      case BASE -> atRevision(repository, changeSet.baseSha(), "at base " + Texts.shortSha(changeSet.baseSha()));
      case HEAD -> atRevision(repository, changeSet.headSha(), "at head " + Texts.shortSha(changeSet.headSha()));
      case WORKTREE -> inWorkTree(repository);
    };
  }

  private static PolicyText atRevision(GitRepository repository, String revision, String context) {
    if (revision == null || revision.chars().allMatch(c -> c == '0')) {
      return null;
    }
    RevisionFile file = repository.fileAt(revision, FILE, YamlDocument.MAX_CHARS * 4L);
    if (!file.exists()) {
      return null;
    }
    if (file.problem() != null) {
      throw new PolicyException("invalid policy " + FILE + " " + context + ": the file " + file.problem());
    }
    return new PolicyText(FILE, context, file.text());
  }

  private static PolicyText inWorkTree(GitRepository repository) {
    Path root = repository.workTree().orElseThrow(() -> new PolicyException(
        "--policy-from worktree needs a work tree, and " + repository.directory() + " is a bare repository"));
    Path file = root.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    if (!Files.isRegularFile(file)) {
      throw new PolicyException("invalid policy " + file + ": not a regular file");
    }
    PolicyText text = fromFile(file);
    return new PolicyText(FILE, "in the work tree", text.text());
  }

  private static boolean misnamed(GitRepository repository, ChangeSet changeSet, From from) {
    String revision = from == From.BASE ? changeSet.baseSha() : changeSet.headSha();
    return revision != null && !revision.chars().allMatch(c -> c == '0')
        && repository.fileAt(revision, MISNAMED, YamlDocument.MAX_CHARS * 4L).exists();
  }

  private static Policy defaults(ChangeSet changeSet, From from) {
    Policy defaults = Policy.defaults();
    String where = switch (from) {
      case BASE -> "at base " + Texts.shortSha(changeSet.baseSha());
      case HEAD -> "at head " + Texts.shortSha(changeSet.headSha());
      case WORKTREE -> "in the work tree";
    };
    return new Policy(defaults.failOn(), defaults.matrix(), defaults.rules(), defaults.ignore(), defaults.blocks(),
        Policy.DEFAULT_SOURCE + " (no " + FILE + " " + where + ")", defaults.digest());
  }

  private void reportEdit(GitRepository repository, ChangeSet changeSet, FileChange file, boolean usedBase, Policy policy,
      List<String> notes, List<Finding> findings) {
    boolean deleted = file.type() == ChangeType.DELETED || !FILE.equals(file.path());
    String verb = deleted ? "deletes" : file.type() == ChangeType.ADDED ? "adds" : "edits";
    String message = usedBase
        ? "this change " + verb + " " + FILE + ", but a change cannot loosen its own audit: this audit used "
            + policy.source() + "; the edit takes effect after it merges"
        : "this change " + verb + " " + FILE + "; this audit used " + policy.source();
    notes.add("policy changed: " + message);
    findings.add(Finding.builder(CHANGED.id(), "policy").severity(Severity.INFO).at(FILE, null).message(message).build());
    if (deleted) {
      return;
    }
    RevisionFile head = repository.fileAt(changeSet.headSha(), FILE, YamlDocument.MAX_CHARS * 4L);
    try {
      if (head.problem() != null) {
        throw new PolicyException("invalid policy " + FILE + " at head: the file " + head.problem());
      }
      if (head.text() != null) {
        parser.parse(new PolicyText(FILE, "at head " + Texts.shortSha(changeSet.headSha()), head.text()));
      }
    } catch (PolicyException e) {
      findings.add(Finding.builder(INVALID.id(), "policy")
          .severity(Severity.BLOCK)
          .at(FILE, e.line() > 0 ? e.line() : null)
          .message("the policy this change leaves behind would stop every later audit with exit 2: " + e.getMessage())
          .build());
    }
  }

  private static String decode(byte[] bytes, String where) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PolicyException("invalid policy " + where + ": not UTF-8 text");
    }
  }

}
