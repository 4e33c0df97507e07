package dev.claimaudit.kb;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.FindingType;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.policy.KbSettings;
import dev.claimaudit.policy.PolicyLoader;
import dev.claimaudit.text.Secrets;
import dev.claimaudit.text.Texts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the audit learns and recalls. Before the verdict, {@link #recall} escalates the findings
 * whose signature earlier pull requests already had and shows the review notes of the files the
 * change touches; after the verdict, {@link #record} remembers this audit's block and warn findings.
 */
public final class Learning {
  public static final String RECURRING = "kb-recurring";
  public static final String FILE_NOTE = "kb-file-note";
  public static final String EDITED = "kb-edited";
  /** The findings this stage reports, which a policy may configure like any rule. */
  public static final List<FindingType> FINDING_TYPES = List.of(
      new FindingType(RECURRING, "recurring mistake",
          "The same finding (by a signature that ignores paths and names) was made in earlier pull requests: in 2 it adds an info, "
              + "in 3 to 4 a warning, in 5 or more it blocks.",
          "`rs-todo-macro` recurs: the same finding was made in 3 pull requests (#12, #15, this one); a mistake that keeps coming back "
              + "is escalated (audit kb show 3f2a9c01d4b7e855)"),
      new FindingType(FILE_NOTE, "review note on a file",
          "A reviewer left a note on a file this change touches (audit kb note); it is shown so the lesson is not lost.",
          "review note on this file (by alice, 3 attempts): Off-by-one twice; check the end index"),
      new FindingType(EDITED, "change edits its own audit's memory",
          "The knowledge base lies in the work tree and the change edits it, or replaces it by a symbolic link: a change must not"
              + " rewrite or choose the memory of its own audit.",
          "this change edits the audit's knowledge base (.claim-audit/kb/); keep the knowledge base outside the repository (see ci/KB.md)"));
  /** Findings about the audit's own inputs, not mistakes in the code: never learned or escalated. */
  private static final Set<String> NOT_LEARNED = Set.of(RECURRING, FILE_NOTE, EDITED, PolicyLoader.CHANGED.id());
  private static final int NOTES_PER_FILE = 3;
  private static final int PRS_LISTED = 8;

  private final KnowledgeBase kb;
  private final KbSettings settings;
  private final Catalog catalog;
  private final Secrets secrets;

  /** @param secrets masks the credentials of a finding's line before it is learned: a lesson outlives the audit that wrote it */
  public Learning(KnowledgeBase kb, KbSettings settings, Catalog catalog, Secrets secrets) {
    this.kb = kb;
    this.settings = settings;
    this.catalog = catalog;
    this.secrets = secrets;
  }

  /**
   * What the knowledge base says about this change.
   *
   * @param findings {@code kb-recurring}, {@code kb-file-note} and {@code kb-edited} findings
   * @param summary one line for the report's checks table
   * @param known keys of the lessons this pull request already has, so a re-audit does not write them twice
   */
  public record Recall(List<Finding> findings, List<String> notes, String summary, Set<String> known) {}

  /**
   * @param pr this pull request's number, or {@code null} when unknown (it then counts as one more)
   * @param changedPaths the paths the change adds, modifies, renames or deletes
   * @param workTree the repository's work tree, to tell whether the change edits the knowledge base itself
   */
  public Recall recall(Integer pr, List<Finding> findings, Set<String> changedPaths, Optional<Path> workTree) {
    Map<String, Finding> first = new LinkedHashMap<>();
    Map<String, Integer> occurrences = new HashMap<>();
    for (Finding finding : findings.stream().sorted(Finding.ORDER).toList()) {
      if (finding.suppressed() || NOT_LEARNED.contains(finding.rule())) {
        continue;
      }
      String signature = signature(finding);
      first.putIfAbsent(signature, finding);
      occurrences.merge(signature, 1, Integer::sum);
    }
    Map<String, Set<Integer>> earlier = new HashMap<>();
    Set<String> known = new HashSet<>();
    KnowledgeBase.Skips skips = new KnowledgeBase.Skips();
    int[] lessons = {0};
    kb.lessons(lesson -> {
      lessons[0]++;
      if (pr != null && lesson.pr() == pr) {
        known.add(key(lesson.pr(), lesson.head(), lesson.signature(), lesson.path(), lesson.line()));
        return;
      }
      if (first.containsKey(lesson.signature())) {
        earlier.computeIfAbsent(lesson.signature(), key -> new TreeSet<>()).add(lesson.pr());
      }
    }, skips);
    List<Finding> out = new ArrayList<>();
    int recurring = 0;
    for (Map.Entry<String, Finding> entry : first.entrySet()) {
      Set<Integer> prs = earlier.getOrDefault(entry.getKey(), Set.of());
      int count = prs.size() + 1;
      Severity severity = escalation(count);
      if (severity == null) {
        continue;
      }
      recurring++;
      out.add(recurring(entry.getKey(), entry.getValue(), prs, count, severity, occurrences.get(entry.getKey())));
    }
    List<FileNote> notes = kb.notes(skips);
    int shown = 0;
    for (String path : new TreeSet<>(changedPaths)) {
      List<FileNote> forPath = notes.stream().filter(note -> note.path().equals(path)).toList();
      List<FileNote> newest = newestFirst(forPath);
      for (int i = 0; i < Math.min(NOTES_PER_FILE, newest.size()); i++) {
        String more = i == NOTES_PER_FILE - 1 && newest.size() > NOTES_PER_FILE
            ? " (" + (newest.size() - NOTES_PER_FILE) + " older notes on this file: audit kb notes " + path + ")" : "";
        out.add(note(newest.get(i), more));
        shown++;
      }
    }
    edited(changedPaths, workTree).ifPresent(out::add);
    List<String> reportNotes = new ArrayList<>();
    if (skips.count() > 0) {
      reportNotes.add("kb: " + skips.describe());
    }
    String summary = lessons[0] + " lessons and " + notes.size() + " file notes in " + kb.describe() + "; "
        + Texts.plural(recurring, "recurring finding") + ", " + Texts.plural(shown, "note") + " shown"
        + (skips.count() > 0 ? "; " + Texts.plural(skips.count(), "malformed line") + " skipped" : "");
    return new Recall(out, reportNotes, summary, known);
  }

  /**
   * Appends one lesson per block or warn finding that is not suppressed and not already known for
   * this pull request and head; returns how many were written.
   */
  public int record(int pr, String head, List<Finding> findings, Instant now, Set<String> known) {
    List<Lesson> lessons = new ArrayList<>();
    Set<String> written = new HashSet<>(known);
    for (Finding finding : findings.stream().sorted(Finding.ORDER).toList()) {
      if (finding.suppressed() || NOT_LEARNED.contains(finding.rule()) || finding.severity() == Severity.INFO) {
        continue;
      }
      String normalised = normalised(finding);
      String signature = Signature.of(finding.rule(), normalised);
      if (!written.add(key(pr, head, signature, finding.path(), finding.line()))) {
        continue;
      }
      lessons.add(new Lesson(now, pr, head, finding.rule(), finding.severity().id(), signature, finding.path(), finding.line(),
          normalised));
    }
    kb.record(lessons);
    return lessons.size();
  }

  public String signature(Finding finding) {
    return Signature.of(finding.rule(), normalised(finding));
  }

  /**
   * The finding's line as a lesson keeps it, with its credentials masked first: a word that holds a
   * rule's keyword is kept as written, and a token can hold one as well as any word.
   */
  private String normalised(Finding finding) {
    return Signature.normalise(secrets.redact(finding.snippet()), keywords(finding.rule()));
  }

  private List<String> keywords(String rule) {
    return catalog.rule(rule).map(Rule::keywords).orElse(List.of());
  }

  private Severity escalation(int count) {
    if (count >= settings.block()) {
      return Severity.BLOCK;
    }
    if (count >= settings.warn()) {
      return Severity.WARN;
    }
    return count >= settings.info() ? Severity.INFO : null;
  }

  private static Finding recurring(String signature, Finding finding, Set<Integer> prs, int count, Severity severity, int here) {
    List<String> listed = prs.stream().limit(PRS_LISTED).map(number -> "#" + number).collect(Collectors.toCollection(ArrayList::new));
    if (prs.size() > PRS_LISTED) {
      listed.add("…");
    }
    listed.add("this one");
    String message = "`" + finding.rule() + "` recurs: the same finding was made in " + count + " pull requests ("
        + String.join(", ", listed) + ")" + (here > 1 ? ", " + here + " times in this change" : "")
        + "; a mistake that keeps coming back is escalated (audit kb show " + signature + ")";
    return Finding.builder(RECURRING, "kb")
        .severity(severity)
        .at(finding.path(), finding.line())
        .message(message)
        .snippet(finding.snippet())
        .build();
  }

  private static Finding note(FileNote note, String more) {
    StringBuilder by = new StringBuilder();
    if (note.by() != null && !note.by().isBlank()) {
      by.append("by ").append(note.by());
    }
    if (note.attempts() != null) {
      by.append(by.length() == 0 ? "" : ", ").append(Texts.plural(note.attempts(), "attempt"));
    }
    String message = "review note on this file" + (by.length() == 0 ? "" : " (" + by + ")") + ": " + note.note() + more;
    return Finding.builder(FILE_NOTE, "kb").severity(Severity.INFO).at(note.path(), null).message(message).build();
  }

  /** Notes with a time, newest first, then those without, last written first. */
  private static List<FileNote> newestFirst(List<FileNote> notes) {
    List<FileNote> reversed = new ArrayList<>(notes);
    java.util.Collections.reverse(reversed);
    reversed.sort(Comparator.comparing(FileNote::time, Comparator.nullsLast(Comparator.reverseOrder())));
    return reversed;
  }

  /**
   * A block when the knowledge base lies in the work tree and the change edits it: a file in it, or
   * the folder itself (replaced by a link or a file).
   */
  private Optional<Finding> edited(Set<String> changedPaths, Optional<Path> workTree) {
    if (!(kb.store() instanceof DirectoryStore directory) || workTree.isEmpty()) {
      return Optional.empty();
    }
    Path dir = directory.dir().toAbsolutePath().normalize();
    Path root = workTree.get().toAbsolutePath().normalize();
    if (!dir.startsWith(root)) {
      dir = real(directory.dir());
      root = real(workTree.get());
    }
    if (!dir.startsWith(root) || dir.equals(root)) {
      return Optional.empty();
    }
    String folder = root.relativize(dir).toString().replace('\\', '/');
    return changedPaths.stream().filter(path -> path.equals(folder) || path.startsWith(folder + "/")).sorted().findFirst()
        .map(path -> editedFinding(path, "this change edits the audit's knowledge base (" + folder + "/)"));
  }

  /** The {@code kb-edited} block for a change that edits, or links away, the knowledge base it is audited with. */
  public static Finding editedFinding(String path, String what) {
    return Finding.builder(EDITED, "kb")
        .severity(Severity.BLOCK)
        .at(path, null)
        .message(what + "; a change must not edit the memory of its own audit: keep the knowledge base outside the repository (see ci/KB.md)")
        .build();
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  private static String key(int pr, String head, String signature, String path, Integer line) {
    return pr + "|" + head + "|" + signature + "|" + path + "|" + line;
  }
}
