package dev.claimaudit.checks;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.TestCounter;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimSubject;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.claims.Site;
import dev.claimaudit.claims.Statements;
import dev.claimaudit.claims.Words;
import dev.claimaudit.cores.Cores;
import dev.claimaudit.git.AddedLine;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.FileChange;
import dev.claimaudit.git.FileDiff;
import dev.claimaudit.git.ChangeType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Everything a check may read: the change, its claims, the pull request, and the evidence that
 * several checks share. That evidence comes from one pass over the added lines, on first use:
 * the placeholder scan, the words of the added lines and the test cases they declare.
 */
public final class AuditContext {
  /**
   * Most characters of added lines the pass keeps for looking up claimed names (2 MB and more of
   * memory): kafka's three releases keep 1.2 million, its 14,000 commits would keep ten times as
   * many, mostly lines that hold a word as common as "test".
   */
  private static final long MAX_KEPT_CHARS = 2_000_000;

  private final ChangeSet changeSet;
  private final Statements statements;
  private volatile Statements resolved;
  private final PullRequest pullRequest;
  private final Catalog catalog;
  private final PathSets paths;
  private final PathFilter unscanned;
  private final CheckSettings settings;
  private final FileScan.Opener scans;
  private volatile Scan scan;
  private volatile Map<String, String> unscannedFiles;

  public AuditContext(
      ChangeSet changeSet, Statements statements, PullRequest pullRequest, Catalog catalog, PathFilter ignored, CheckSettings settings,
      FileScan.Opener scans) {
    this(changeSet, statements, pullRequest, catalog, PathSets.ignoring(ignored), settings, scans);
  }

  public AuditContext(
      ChangeSet changeSet, Statements statements, PullRequest pullRequest, Catalog catalog, PathSets paths, CheckSettings settings,
      FileScan.Opener scans) {
    this.changeSet = Objects.requireNonNull(changeSet);
    this.statements = Objects.requireNonNull(statements);
    this.pullRequest = Objects.requireNonNull(pullRequest);
    this.catalog = Objects.requireNonNull(catalog);
    this.paths = Objects.requireNonNull(paths);
    this.unscanned = paths.unscanned();
    this.settings = Objects.requireNonNull(settings);
    this.scans = Objects.requireNonNull(scans);
  }

  public ChangeSet changeSet() {
    return changeSet;
  }

  public List<Claim> claims() {
    return statements.claims();
  }

  /**
   * The claims with the admissions of unfinished work, read against this change (a claim that
   * names nothing the change holds is about all of it): they judge each placeholder together.
   */
  public Statements statements() {
    Statements done = resolved;
    if (done == null) {
      List<Site> sites = placeholders().stream().map(Finding::site).filter(Objects::nonNull).toList();
      done = statements.within(changeSet.files().stream().map(FileChange::path).toList(), sites, scan().claimWordsAdded());
      resolved = done;
    }
    return done;
  }

  public PullRequest pullRequest() {
    return pullRequest;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Paths the placeholder scan skips: the policy's ignored and generated paths. */
  public PathFilter ignored() {
    return unscanned;
  }

  public PathSets paths() {
    return paths;
  }

  /** Whether {@code path} is a test file, by convention or by the policy. */
  public boolean isTest(String path) {
    return paths.isTest(path);
  }

  public CheckSettings settings() {
    return settings;
  }

  /** Placeholder findings in the added lines of every scanned file, in report order. */
  public List<Finding> placeholders() {
    return scan().findings();
  }

  /** The words of the added lines, recorded when a claim names a symbol or lists items to find there. */
  public AddedWords addedWords() {
    return scan().words();
  }

  /**
   * The lines the change adds to {@code file} that may hold {@code name}, a name a claim looks for
   * in the added lines: those the pass kept because they hold a word of such a name, when the file
   * was the first to add one (where looking for a name starts); empty when the pass kept none of the
   * file's lines, or {@code name} has no such word, and the file must be diffed again to be read.
   */
  public Optional<List<String>> addedTextsHolding(FileChange file, String name) {
    Scan scan = scan();
    List<String> kept = scan.firstAdders().get(file.path());
    if (kept == null || AddedWords.wordsOf(name).stream().noneMatch(scan.namedWords()::contains)) {
      return Optional.empty();
    }
    return Optional.of(kept);
  }

  /** Test cases declared in the lines the change adds to {@code file}; empty when its framework is unknown. */
  public Optional<Integer> testCount(FileChange file) {
    Integer counted = scan().testCounts().get(file.path());
    if (counted != null) {
      return Optional.of(counted);
    }
    if (TestCounter.declaration(file.path()).isEmpty()) {
      return Optional.empty();
    }
    return TestCounter.count(file.path(), texts(changeSet.addedLines(file)));
  }

  /**
   * Whether {@code file} declares test cases in the lines the change adds, or, when it is not a
   * test file by its path, anywhere at head (a source file with inline tests, such as Rust's
   * {@code #[test]} functions); known when a claim speaks of tests, else false.
   */
  public boolean declaresTests(FileChange file) {
    return scan().declaringTests().contains(file.path());
  }

  /**
   * The changed files whose content could not be read as code, by path, with the reason: larger
   * than the diff's size limit, binary, a submodule or a link, a notebook that is not valid JSON.
   * A claim that rests on one of them cannot be verified by the scan. Deleted files and the paths
   * the policy ignores are not listed.
   */
  public Map<String, String> unscanned() {
    Map<String, String> known = unscannedFiles;
    if (known == null) {
      Map<String, String> reasons = new TreeMap<>(scan().unscanned());
      for (FileChange file : changeSet.files()) {
        if (file.type() != ChangeType.DELETED && file.skip().isPresent() && !unscanned.matches(file.path())) {
          reasons.put(file.path(), file.skip().get());
        }
      }
      known = Collections.unmodifiableMap(reasons);
      unscannedFiles = known;
    }
    return known;
  }

  /** The added lines of {@code file} that hold an inline suppression marker, in order. */
  public List<AddedLine> linesWithSuppressions(FileChange file) {
    return scan().markedLines().getOrDefault(file.path(), List.of());
  }

  private Scan scan() {
    Scan done = scan;
    if (done == null) {
      synchronized (this) {
        done = scan;
        if (done == null) {
          done = new Scanning().run();
          scan = done;
        }
      }
    }
    return done;
  }

  /**
   * What the pass over the added lines found; test counts only when a claim speaks of tests.
   *
   * @param namedWords the words of the names claims look for in the added lines
   * @param firstAdders for each file that was the first to add one of the named words (where looking
   *     for a name starts), the texts of its added lines that hold one of them
   */
  private record Scan(List<Finding> findings, AddedWords words, Map<String, Integer> testCounts, Set<String> declaringTests,
      Map<String, List<AddedLine>> markedLines, Set<String> claimWordsAdded, Map<String, String> unscanned,
      Set<String> namedWords, Map<String, List<String>> firstAdders) {}

  /**
   * The pass itself: every core takes the next file, diffs it, and scans it, so that one file at
   * a time per core is in memory however large the range.
   */
  private final class Scanning {
    private final List<FileChange> files = changeSet.files();
    private final FileScan fileScan = scans.open(catalog, paths);
    private final boolean wantWords = claims().stream().anyMatch(claim -> namesWords(claim.subject()));
    private final boolean wantTests = claims().stream().anyMatch(claim -> claim.subject() instanceof ClaimSubject.Tests);
    private final AddedWords words;
    /** The words of specific claims still to be met in an added line: a claim whose words the code holds is about that code. */
    private final Set<String> pendingWords = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingIdentifiers = ConcurrentHashMap.newKeySet();
    private final Set<String> claimWordsAdded = ConcurrentHashMap.newKeySet();

    /** The first two letters of each pending word, so that most words of a line are passed over without being stemmed. */
    private final boolean[] openings = new boolean[27 * 27];
    private final boolean[] identifierOpenings = new boolean[27 * 27];

    Scanning() {
      Statements.Wanted wanted = statements.wantedInAddedLines(files.stream().map(FileChange::path).toList());
      pendingWords.addAll(wanted.words());
      pendingIdentifiers.addAll(wanted.identifiers());
      for (String word : pendingWords) {
        openings[opening(word.charAt(0), word.charAt(1))] = true;
      }
      for (String identifier : pendingIdentifiers) {
        identifierOpenings[opening(identifier.charAt(0), identifier.charAt(1))] = true;
      }
      // The claims' words are met in the vocabulary of the added lines once the pass is over:
      // each distinct word is split and stemmed once, however often the lines repeat it.
      namedWords = wordsOfNamesLookedFor();
      words = new AddedWords(wantWords || !pendingWords.isEmpty() || !pendingIdentifiers.isEmpty(), namedWords);
    }

    /**
     * Keeps the lines of {@code file} that hold a named word, while all kept lines hold at most
     * {@link #MAX_KEPT_CHARS} characters: past that, a name is looked for by diffing its file again.
     */
    private void keep(FileChange file, List<AddedLine> lines) {
      List<String> holding = lines.stream().map(AddedLine::text).filter(this::holdsNamedWord).toList();
      long size = holding.stream().mapToLong(String::length).sum();
      if (keptChars.addAndGet(size) <= MAX_KEPT_CHARS) {
        firstAdders.put(file.path(), holding);
      } else {
        keptChars.addAndGet(-size);
      }
    }

    /**
     * Whether {@code line} holds a named word as a whole word: where a name is found, its words are
     * whole words of the line (the name's own separators, or the boundaries its pattern asks for).
     */
    private boolean holdsNamedWord(String line) {
      return AddedWords.wordsOf(line).stream().anyMatch(namedWords::contains);
    }

    /** The words of the names claims look for in the added lines. */
    private Set<String> wordsOfNamesLookedFor() {
      Set<String> words = new HashSet<>();
      for (Claim claim : claims()) {
        namesLookedFor(claim.subject()).forEach(name -> words.addAll(AddedWords.wordsOf(name)));
      }
      return words;
    }

    private static int opening(char first, char second) {
      return letterIndex(first) * 27 + letterIndex(second);
    }

    private static int letterIndex(char c) {
      return c >= 'a' && c <= 'z' ? c - 'a' : 26;
    }
    private final Map<String, Integer> testCounts = new ConcurrentHashMap<>();
    private final Set<String> declaringTests = ConcurrentHashMap.newKeySet();
    private final Map<String, List<AddedLine>> markedLines = new ConcurrentHashMap<>();
    private final Map<String, String> unscannedFiles = new ConcurrentHashMap<>();
    private final Set<String> namedWords;
    private final Map<String, List<String>> firstAdders = new ConcurrentHashMap<>();
    private final AtomicLong keptChars = new AtomicLong();
    private final AtomicInteger next = new AtomicInteger();

    Scan run() {
      List<Worker> workers = new ArrayList<>();
      for (int i = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size())); i > 0; i--) {
        workers.add(new Worker(words.newTable()));
      }
      Cores.forEach(workers.size(), i -> workers.get(i).run());
      List<Finding> found = new ArrayList<>();
      workers.forEach(worker -> found.addAll(worker.found));
      found.sort(Finding.ORDER);
      List<Finding> findings = fileScan.settle(found);
      if (!pendingWords.isEmpty() || !pendingIdentifiers.isEmpty()) {
        words.forEachWord(this::meetClaimWords);
      }
      return new Scan(List.copyOf(findings), words, Map.copyOf(testCounts), Set.copyOf(declaringTests), Map.copyOf(markedLines),
          Set.copyOf(claimWordsAdded), Map.copyOf(unscannedFiles), namedWords, Map.copyOf(firstAdders));
    }

    /**
     * Marks the claim words a text holds (a word of the added lines' vocabulary, or a line with
     * characters outside it): a word by the stems of its words ("group" in {@code DependencyGroups}),
     * one hash lookup per word however many claims there are; an identifier, of which claims name
     * few, anywhere in it.
     */
    private void meetClaimWords(String text) {
      if (!pendingIdentifiers.isEmpty()) {
        meetIdentifiers(text);
      }
      if (!pendingWords.isEmpty()) {
        meetWords(text);
      }
    }

    /**
     * Meets the claims' words in an added line the vocabulary cannot stand for: it records words
     * of ASCII letters, digits and underscores, none longer than {@link AddedWords#MAX_WORD}.
     */
    private void meetUnrecorded(String text) {
      if (!pendingWords.isEmpty() || !pendingIdentifiers.isEmpty()) {
        meetClaimWords(text);
      }
    }

    /**
     * Looks each word of the line up among the pending words, by its stem: the line's words are
     * split as {@link Words#split} splits them, without a list or a string for each.
     */
    private void meetWords(String text) {
      StringBuilder part = new StringBuilder(32);
      for (int i = 0; i <= text.length(); i++) {
        char c = i < text.length() ? text.charAt(i) : ' ';
        boolean letter = Character.isLetter(c);
        boolean boundary = !letter || Character.isUpperCase(c) && part.length() > 0
            && (Character.isLowerCase(text.charAt(i - 1)) || i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1)));
        if (boundary && part.length() >= 3 && openings[opening(part.charAt(0), part.charAt(1))]) {
          String stem = Words.stem(part.toString());
          if (pendingWords.remove(stem)) {
            claimWordsAdded.add(stem);
          }
        }
        if (boundary) {
          part.setLength(0);
        }
        if (letter) {
          part.append(Character.toLowerCase(c));
        }
      }
    }

    /**
     * Looks each identifier of the line up among the pending ones, normalised as claims write
     * them, whole and from each of its inner word starts on ({@code collect_format_args} holds
     * {@code format_args}, {@code AzureOpenAiClient} holds {@code OpenAiClient}).
     */
    private void meetIdentifiers(String text) {
      int start = -1;
      for (int i = 0; i <= text.length(); i++) {
        boolean part = i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
        if (part && start < 0) {
          start = i;
        } else if (!part && start >= 0) {
          meetIdentifier(text, start, i);
          start = -1;
        }
      }
    }

    private void meetIdentifier(String text, int start, int end) {
      for (int from = start; from < end; from++) {
        char c = text.charAt(from);
        boolean wordStart = from == start || text.charAt(from - 1) == '_' && c != '_'
            || Character.isUpperCase(c) && Character.isLowerCase(text.charAt(from - 1));
        if (!wordStart || from + 1 >= end
            || !identifierOpenings[opening(Character.toLowerCase(c), Character.toLowerCase(text.charAt(from + 1)))]) {
          continue;
        }
        StringBuilder normal = new StringBuilder(end - from);
        for (int i = from; i < end; i++) {
          char d = text.charAt(i);
          if (d != '_') {
            normal.append(Character.toLowerCase(d));
          }
        }
        String identifier = normal.toString();
        if (pendingIdentifiers.remove(identifier)) {
          claimWordsAdded.add(identifier);
        }
      }
    }

    /** One core's share of the pass: it takes the next file until none is left. */
    private final class Worker {
      private final AddedWords.Table table;
      private final List<Finding> found = new ArrayList<>();

      Worker(AddedWords.Table table) {
        this.table = table;
      }

      void run() {
        try {
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            FileChange file = files.get(i);
            if (file.scanned()) {
              scan(i, file);
            } else if (file.type() == ChangeType.DELETED) {
              fileScan.removed(changeSet.diff(file).removedLines());
            }
          }
        } catch (RuntimeException | Error e) {
          // The other cores stop at their next file; the failure is the pass's.
          next.set(files.size());
          throw e;
        }
      }

      private void scan(int index, FileChange file) {
        FileDiff diff = changeSet.diff(file);
        if (!unscanned.matches(file.path())) {
          diff.skipped().ifPresent(reason -> unscannedFiles.put(file.path(), reason));
        }
        fileScan.removed(diff.removedLines());
        FileScan.Result scanned = fileScan.scan(file, diff);
        found.addAll(scanned.findings());
        scanned.unscannable().ifPresent(reason -> unscannedFiles.put(file.path(), reason));
        // Words are recorded whenever a claim's words are to be met: the table gives the lines it
        // cannot stand for, to be met at once.
        if (words.recorded() && table.add(index, diff.addedLines(), Scanning.this::meetUnrecorded)) {
          keep(file, diff.addedLines());
        }
        if (wantTests) {
          Optional<Integer> added = addedTests(file.path(), diff, scanned.lexedHead());
          added.ifPresent(count -> testCounts.put(file.path(), count));
          if (added.isPresent() && (added.get() > 0 || (!isTest(file.path()) && declaresTestsAtHead(file.path(), diff, scanned.lexedHead())))) {
            declaringTests.add(file.path());
          }
        }
        List<AddedLine> marked = diff.addedLines().stream().filter(line -> line.text().contains(InlineSuppressions.MARKER)).toList();
        if (!marked.isEmpty()) {
          markedLines.put(file.path(), marked);
        }
      }
    }
  }

  /**
   * Test cases declared in the lines the change adds to a file, lexed in the file at head so that
   * a declaration inside a comment or a string does not count; {@code lexedHead} is that file
   * lexed already, when it was.
   */
  private static Optional<Integer> addedTests(String path, FileDiff diff, Optional<LexedText> lexedHead) {
    Optional<Predicate<String>> declares = Language.of(path).flatMap(TestCounter::declaredOnLine);
    if (declares.isEmpty()) {
      return Optional.empty();
    }
    List<Integer> numbers = new ArrayList<>();
    for (AddedLine line : diff.addedLines()) {
      if (declares.get().test(line.text())) {
        numbers.add(line.number());
      }
    }
    if (numbers.isEmpty()) {
      return Optional.of(0);
    }
    if (lexedHead.isPresent()) {
      return TestCounter.count(path, lexedHead.get(), numbers);
    }
    Optional<String> head = diff.headText();
    return head.isPresent()
        ? TestCounter.count(path, head.get(), numbers)
        : TestCounter.count(path, texts(diff.addedLines()));
  }

  private static boolean declaresTestsAtHead(String path, FileDiff diff, Optional<LexedText> lexedHead) {
    Optional<Integer> declared = lexedHead.isPresent()
        ? TestCounter.countInFile(path, lexedHead.get())
        : diff.headText().flatMap(text -> TestCounter.countInFile(path, text));
    return declared.orElse(0) > 0;
  }

  /** The names a claim looks up in the added lines: the items it lists, or the symbol it names in no file. */
  private static List<String> namesLookedFor(ClaimSubject subject) {
    if (subject instanceof ClaimSubject.Enumeration enumeration) {
      return enumeration.items();
    }
    return subject instanceof ClaimSubject.Symbol symbol && symbol.file() == null ? List.of(symbol.name()) : List.of();
  }

  /** Claims whose evidence is a name looked up in the added lines. */
  private static boolean namesWords(ClaimSubject subject) {
    return subject instanceof ClaimSubject.Enumeration
        || (subject instanceof ClaimSubject.Symbol symbol && symbol.file() == null);
  }

  private static List<String> texts(List<AddedLine> lines) {
    return lines.stream().map(AddedLine::text).toList();
  }
}
