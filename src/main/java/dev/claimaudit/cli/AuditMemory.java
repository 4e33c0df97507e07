package dev.claimaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.FileChange;
import dev.claimaudit.git.GitInputException;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.kb.KbException;
import dev.claimaudit.kb.KnowledgeBase;
import dev.claimaudit.kb.Learning;
import dev.claimaudit.policy.Policy;
import dev.claimaudit.policy.SeverityAssigner;
import dev.claimaudit.state.StateException;
import dev.claimaudit.state.VerdictRecords;
import dev.claimaudit.text.Texts;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.text.Secrets;
import dev.claimaudit.verdict.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an audit remembers from one run to the next: the verdict records of {@code --state-dir}
 * and the knowledge base. Both are opened before the checks run. The knowledge base grades the
 * change, so one that cannot be read stops the audit with exit 2 before any work is done; what
 * cannot be written to either after the verdict costs the verdict nothing but a note.
 */
final class AuditMemory {
  private final VerdictRecords records;
  private final boolean force;
  private final JsonNode options;
  private final Learning learning;
  private final Clock clock;
  /** The knowledge base lies behind a link the change controls, so it is neither read nor written; {@code null} otherwise. */
  private final KnowledgeBase.Linked linked;
  private Learning.Recall recall;

  private AuditMemory(VerdictRecords records, boolean force, JsonNode options, Learning learning, Clock clock, KnowledgeBase.Linked linked) {
    this.records = records;
    this.force = force;
    this.options = options;
    this.learning = learning;
    this.clock = clock;
    this.linked = linked;
  }

  /** @param catalog every rule, the disabled ones too, for the keywords a signature keeps */
  static AuditMemory open(AuditRequest request, Policy policy, Catalog catalog, GitRepository repository, Clock clock) {
    VerdictRecords records = request.stateDir() == null ? null : VerdictRecords.open(request.stateDir(), request.env());
    Learning learning = null;
    KnowledgeBase.Linked linked = null;
    if (policy.kb().configured()) {
      Path relativeTo = repository.workTree().orElse(repository.gitDir());
      try {
        learning = new Learning(KnowledgeBase.open(policy.kb().location(), repository, relativeTo, true), policy.kb(), catalog,
            Secrets.fromEnvironment(request.env()));
      } catch (KnowledgeBase.Linked e) {
        linked = e;
      }
    }
    return new AuditMemory(records, request.force(), options(request, policy), learning, clock, linked);
  }

  /** The options that change a verdict beyond its inputs: a recorded verdict is reused only under the same ones. */
  private static JsonNode options(AuditRequest request, Policy policy) {
    ObjectNode options = JsonNodeFactory.instance.objectNode();
    options.put("dynamic", request.dynamic());
    if (request.llm() == null) {
      options.putNull("llm");
    } else {
      options.put("llm", request.llm());
    }
    options.put("kb", policy.kb().location());
    return options;
  }

  /** The recorded verdict of an audit with these inputs, marked as cached, unless {@code --force}. */
  Optional<Verdict> recorded(Integer pr, Inputs inputs, List<String> notes) {
    if (records == null || force) {
      return Optional.empty();
    }
    return records.lookup(pr, inputs, options, notes).map(verdict -> verdict.asCached(
        "cached verdict: " + records.file(pr, inputs.head()) + " has the same head and inputs; --force audits again"));
  }

  /**
   * Adds to {@code findings} what the knowledge base knows about them (recurring findings, notes on
   * the files the change touches), graded by the policy's rule settings; returns the kb check's run.
   */
  CheckRun recall(Integer pr, List<Finding> findings, ChangeSet changeSet, Optional<Path> workTree, SeverityAssigner assigner,
      List<String> notes) {
    if (linked != null) {
      findings.addAll(assigner.assign(List.of(Learning.editedFinding(linked.path(), linked.getMessage())), List.of(), List.of()));
      return new CheckRun("kb", CheckRun.Status.RAN, 0, linked.getMessage());
    }
    if (learning == null) {
      return new CheckRun("kb", CheckRun.Status.SKIPPED, 0, "no knowledge base: give --kb DIR or set kb.path in the policy");
    }
    long start = System.nanoTime();
    recall = learning.recall(pr, findings, changedPaths(changeSet), workTree);
    findings.addAll(assigner.assign(recall.findings(), List.of(), List.of()));
    notes.addAll(recall.notes());
    return new CheckRun("kb", CheckRun.Status.RAN, (System.nanoTime() - start) / 1_000_000, recall.summary());
  }

  /** After the verdict: remembers its block and warn findings. The verdict stands whatever happens here; {@code notes} says what did. */
  void remember(Integer pr, String head, List<Finding> findings, List<String> notes) {
    if (linked != null) {
      notes.add("kb: lessons not recorded: the knowledge base is behind a symbolic link the change controls");
      return;
    }
    if (learning == null) {
      return;
    }
    if (pr == null) {
      notes.add("kb: lessons not recorded: no pull request number (give --pr N, or --event with a pull_request payload)");
      return;
    }
    try {
      int written = learning.record(pr, head, findings, Instant.now(clock), recall == null ? Set.of() : recall.known());
      notes.add("kb: recorded " + Texts.plural(written, "lesson") + " for #" + pr);
    } catch (KbException | GitInputException e) {
      notes.add("kb: lessons not recorded: " + e.getMessage());
    }
  }

  /** Keeps the verdict in {@code --state-dir}, when given; returns it, with a note when the record could not be kept. */
  Verdict save(Integer pr, Verdict verdict) {
    if (records == null) {
      return verdict;
    }
    try {
      records.save(pr, verdict, options);
      return verdict;
    } catch (StateException e) {
      return verdict.withNote("verdict record not kept: " + e.getMessage());
    }
  }

  private static Set<String> changedPaths(ChangeSet changeSet) {
    Set<String> paths = new HashSet<>();
    for (FileChange file : changeSet.files()) {
      paths.add(file.path());
      if (file.oldPath() != null) {
        paths.add(file.oldPath());
      }
    }
    return paths;
  }
}
