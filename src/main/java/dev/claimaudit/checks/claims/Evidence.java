package dev.claimaudit.checks.claims;

import dev.claimaudit.cores.Cores;
import dev.claimaudit.lang.Sources;
import dev.claimaudit.claims.Disclosure;
import dev.claimaudit.claims.Judgement;
import dev.claimaudit.claims.Scope;
import dev.claimaudit.claims.Site;
import dev.claimaudit.claims.Statements;
import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.CodeReason;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.lang.TestCounter;
import dev.claimaudit.checks.claims.PathResolver.Resolution;
import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Lexer;
import dev.claimaudit.lang.Region;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimStatus;
import dev.claimaudit.claims.ClaimSubject;
import dev.claimaudit.claims.ClaimSubject.AbsenceTarget;
import dev.claimaudit.claims.ClaimSubject.FileAction;
import dev.claimaudit.claims.Strength;
import dev.claimaudit.git.AddedLine;
import dev.claimaudit.git.ChangeType;
import dev.claimaudit.git.FileChange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The evidence rules, one per kind of claim subject; one instance serves several threads checking claims at once. */
final class Evidence {
  private static final Set<RuleClass> BREAKS_STATUS = EnumSet.of(RuleClass.HARD_STUB, RuleClass.TEST_EVASION);
  private static final Pattern PARAMETERISED = Pattern.compile(
      "parametrize|@ParameterizedTest|@(Csv|Value|Method|Enum|Arguments)Source|\\.each\\s*[(`]|\\bt\\.Run\\s*\\(|\\[(TestCase|InlineData|MemberData)\\b"
          + "|#\\[(rstest|test_case)|\\bsubTest\\s*\\(|@DataProvider|@Theory|\\bwhere:|for\\s+_\\s*,\\s*\\w+\\s*:?=\\s*range");

  private final AuditContext context;
  private final PathResolver resolver;
  private final List<Finding> placeholders;
  /** The texts of each file's added lines, read once: every claim naming a symbol may search them. */
  private final Map<String, List<String>> addedTexts = new ConcurrentHashMap<>();
  private final Map<String, List<Finding>> breakingByClaim;
  /** The changed files that may hold code and could not be scanned, with the reason; made on first use. */
  private Map<String, String> unreadCode;
  /** The claims as read against the change, by id; made on first use. */
  private Map<String, Claim> resolvedById;
  /** The changed test files, the same for every claim that names no test file; found on first use. */
  private List<FileChange> changedTestFiles;

  Evidence(AuditContext context) {
    this.context = context;
    this.resolver = new PathResolver(context.changeSet());
    this.placeholders = context.placeholders().stream().filter(finding -> !finding.suppressed()).toList();
    // The placeholders are judged once, on every core, before claims are checked on several threads.
    this.breakingByClaim = breakingByClaim(placeholders, context);
  }

  ClaimResult check(Claim claim) {
    ClaimSubject subject = claim.subject();
    if (claim.ofChange() && context.changeSet().files().isEmpty()) {
      return ClaimResult.of(claim, ClaimStatus.CONTRADICTED, "the range changes no file, so nothing it claims to have done is in it");
    }
    if (subject instanceof ClaimSubject.Enumeration enumeration) {
      return enumeration(claim, enumeration);
    } else if (subject instanceof ClaimSubject.File file) {
      return file(claim, file);
    } else if (subject instanceof ClaimSubject.FileCount count) {
      return fileCount(claim, count);
    } else if (subject instanceof ClaimSubject.Symbol symbol) {
      return symbol(claim, symbol);
    } else if (subject instanceof ClaimSubject.Tests tests) {
      return tests(claim, tests);
    } else if (subject instanceof ClaimSubject.Absence absence) {
      return absence(claim, absence.target());
    }
    return status(claim);
  }

  private ClaimResult status(Claim claim) {
    List<Finding> breaking = breaking(claim, BREAKS_STATUS);
    if (breaking.isEmpty()) {
      boolean elsewhere = placeholders.stream().anyMatch(finding -> BREAKS_STATUS.contains(finding.ruleClass()));
      return backedUnlessUnscanned(claim, elsewhere
          ? "the placeholders in the added lines are outside what it claims, or owned up to"
          : "no hard stub or test evasion in the lines the change adds");
    }
    return new ClaimResult(claim, ClaimStatus.CONTRADICTED,
        count(breaking.size(), "placeholder") + " in what it claims; first: " + where(breaking.get(0)), breaking.get(0).path(), breaking);
  }

  /**
   * The placeholders of {@code classes} that break {@code claim}: in its scope, not owned up to
   * by a later or more specific word, and with no reason given in the code.
   */
  private List<Finding> breaking(Claim claim, Set<RuleClass> classes) {
    return breaking(claim, classes, EnumSet.of(CodeReason.NONE));
  }

  /**
   * {@link #breaking(Claim, Set)}, counting the placeholders whose code gives one of {@code reasons}:
   * a test disabled as flaky (admitted) still did not run, so "all tests pass" is not so.
   */
  private List<Finding> breaking(Claim claim, Set<RuleClass> classes, Set<CodeReason> reasons) {
    if (claim.strength() == Strength.HEDGED) {
      return List.of();
    }
    return breakingByClaim.getOrDefault(claim.id(), List.of()).stream()
        .filter(finding -> classes.contains(finding.ruleClass()))
        .filter(finding -> reasons.contains(finding.reason()))
        .toList();
  }

  /**
   * For each claim id, the placeholders with no external reason in the code that the statements
   * judge against it, the placeholders judged on every core (a release range judges hundreds of
   * them against tens of thousands of claims).
   */
  private static Map<String, List<Finding>> breakingByClaim(List<Finding> placeholders, AuditContext context) {
    List<Finding> judged = placeholders.stream()
        .filter(finding -> finding.ruleClass() != null && finding.reason() != CodeReason.EXTERNAL)
        .toList();
    Statements statements = context.statements();
    List<Judgement> judgements = Cores.map(judged.size(), i -> statements.judge(judged.get(i).site()));
    Map<String, List<Finding>> byClaim = new HashMap<>();
    for (int i = 0; i < judged.size(); i++) {
      for (Claim against : judgements.get(i).against()) {
        byClaim.computeIfAbsent(against.id(), id -> new ArrayList<>()).add(judged.get(i));
      }
    }
    return byClaim;
  }

  private ClaimResult enumeration(Claim claim, ClaimSubject.Enumeration enumeration) {
    if (enumeration.items().size() != enumeration.count()) {
      return ClaimResult.of(claim, ClaimStatus.CONTRADICTED,
          "says " + enumeration.count() + " " + enumeration.label() + " but lists " + enumeration.items().size());
    }
    List<String> missing = new ArrayList<>();
    for (String item : enumeration.items()) {
      if (!item.matches("[\\w.:-]+") || !inAddedLines(item, Pattern.compile("\\b" + Pattern.quote(item) + "\\b"))) {
        missing.add(item);
      }
    }
    if (missing.isEmpty()) {
      return ClaimResult.of(claim, ClaimStatus.BACKED, "lists " + enumeration.count() + " items, each of them in the added lines");
    }
    return ClaimResult.of(claim, ClaimStatus.UNVERIFIED,
        "lists " + enumeration.count() + " items; not found in the added lines: " + String.join(", ", missing.subList(0, Math.min(5, missing.size()))));
  }

  /** Another file of the change with the same name as {@code path}, still there at head: where a moved file went. */
  private Optional<FileChange> changedNamesake(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return context.changeSet().files().stream()
        .filter(other -> other.type() != ChangeType.DELETED && !other.path().equals(path))
        .filter(other -> other.path().substring(other.path().lastIndexOf('/') + 1).equals(name))
        .findFirst();
  }

  private ClaimResult file(Claim claim, ClaimSubject.File file) {
    if (file.action() == FileAction.REMOVED) {
      return removed(claim, file.path());
    }
    Resolution resolution = resolver.resolve(file.path());
    if (resolution instanceof Resolution.Found found) {
      return fileFound(claim, file, found.path());
    }
    if (resolution instanceof Resolution.Ambiguous ambiguous) {
      return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, "`" + file.path() + "` could be any of " + String.join(", ", ambiguous.candidates()));
    }
    if (resolution instanceof Resolution.Missing missing && missing.written().contains("/") && namesAFile(missing.written())) {
      return contradicted(claim, missing.written(), missing.written() + " does not exist at head and was not added in the range");
    }
    if (resolution instanceof Resolution.Missing missing) {
      return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, "no file named " + missing.written() + " in the repository");
    }
    return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, "`" + file.path() + "` is not a path inside the repository");
  }

  /** A file said to be removed: deleted in the range, or still there. */
  private ClaimResult removed(Claim claim, String written) {
    String normal = written.replace('\\', '/').replaceFirst("^\\./", "");
    for (FileChange change : context.changeSet().files()) {
      String path = change.path();
      if (change.type() == ChangeType.DELETED && (path.equals(normal) || path.endsWith("/" + normal))) {
        return backed(claim, path, path + " is deleted in the range");
      }
    }
    if (resolver.resolve(written) instanceof Resolution.Found found) {
      return contradicted(claim, found.path(), found.path() + " is said to be removed but still exists at head");
    }
    return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, "no file named " + written + " was deleted in the range or exists at head");
  }

  /**
   * Whether a written path that is nowhere in the repository is still plainly a file: its last
   * part has an extension. "mistral/devstral-small" (a model id) and "null/empty" (two words) are
   * not, and stay unverified.
   */
  private static boolean namesAFile(String written) {
    String last = written.substring(written.lastIndexOf('/') + 1);
    return last.matches("[^.]+\\.[A-Za-z][A-Za-z0-9]{0,11}");
  }

  private ClaimResult fileFound(Claim claim, ClaimSubject.File file, String path) {
    Optional<FileChange> change = resolver.change(path);
    ChangeType type = change.map(FileChange::type).orElse(null);
    if (type == ChangeType.DELETED) {
      Optional<FileChange> namesake = file.path().contains("/") ? Optional.empty() : changedNamesake(path);
      if (namesake.isPresent()) {
        return backed(claim, namesake.get().path(), path + " is deleted, and " + namesake.get().path() + " of the same name is "
            + namesake.get().type().label() + " in the range: the file moved");
      }
      return contradicted(claim, path, path + " is deleted in the range");
    }
    if (type == null) {
      return contradicted(claim, path, path + " exists at head but the range does not change it");
    }
    boolean added = type == ChangeType.ADDED || type == ChangeType.COPIED;
    return switch (file.action()) {
      case ADDED -> added || type == ChangeType.RENAMED
          ? backed(claim, path, path + " is " + type.label() + " in the range")
          : contradicted(claim, path, path + " is listed as new but already existed; the range only modifies it");
      case UPDATED, CHANGED, REMOVED -> backed(claim, path, path + " is " + type.label() + " in the range");
    };
  }

  private ClaimResult fileCount(Claim claim, ClaimSubject.FileCount count) {
    long added = context.changeSet().files().stream().filter(file -> file.type() == ChangeType.ADDED || file.type() == ChangeType.COPIED).count();
    long updated = context.changeSet().files().stream().filter(file -> file.type() == ChangeType.MODIFIED || file.type() == ChangeType.RENAMED).count();
    String measured = added + " added and " + updated + " modified files in the range";
    if (added < count.added() || (count.updated() >= 0 && updated < count.updated())) {
      return ClaimResult.of(claim, ClaimStatus.CONTRADICTED, "claims " + count.added() + " new"
          + (count.updated() >= 0 ? " and " + count.updated() + " updated" : "") + " files; the diff has " + measured);
    }
    return ClaimResult.of(claim, ClaimStatus.BACKED, measured);
  }

  private ClaimResult symbol(Claim claim, ClaimSubject.Symbol symbol) {
    Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(symbol.name()) + "(?![\\w$])");
    if (symbol.file() == null) {
      if (inAddedLines(symbol.name(), word)) {
        return ClaimResult.of(claim, ClaimStatus.BACKED, symbol.name() + " appears in the added lines");
      }
      return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, symbol.name() + " does not appear in the added lines, and no file was named");
    }
    Resolution resolution = resolver.resolve(symbol.file());
    if (!(resolution instanceof Resolution.Found found)) {
      return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, "cannot resolve `" + symbol.file() + "` to one file in the repository");
    }
    String path = found.path();
    Optional<String> content = context.changeSet().readAtHead(path);
    if (content.isEmpty()) {
      return contradicted(claim, path, path + " does not exist at head, so " + symbol.name() + " is not in it");
    }
    Region region = firstRegion(path, content.get(), word);
    if (region == Region.CODE || region == Region.STRING && Language.of(path).isEmpty()) {
      return backed(claim, path, symbol.name() + " is defined or used in the code of " + path);
    }
    if (region == Region.COMMENT) {
      return contradicted(claim, path, symbol.name() + " appears in " + path + " only in a comment");
    }
    if (region == Region.STRING) {
      return contradicted(claim, path, symbol.name() + " appears in " + path + " only inside a string");
    }
    return contradicted(claim, path, symbol.name() + " is not in " + path + " at head");
  }

  /** The best region in which {@code word} occurs in the file: code, else comment/string, else {@code null}. */
  private static Region firstRegion(String path, String content, Pattern word) {
    Optional<Language> language = Language.of(path);
    Matcher matcher = word.matcher(content);
    if (language.isEmpty()) {
      return matcher.find() ? Region.CODE : null;
    }
    LexedText lexed = Lexer.lex(language.get(), content);
    Region best = null;
    for (int line = 1; line <= lexed.lineCount(); line++) {
      Matcher inLine = word.matcher(lexed.line(line));
      while (inLine.find()) {
        Region region = lexed.regionAt(line, inLine.start());
        if (region == Region.CODE) {
          return Region.CODE;
        }
        best = best == null ? region : best;
      }
    }
    return best;
  }

  private ClaimResult tests(Claim claim, ClaimSubject.Tests tests) {
    boolean aboutARun = tests.added() < 0 && (tests.passed() >= 0 || tests.allPass());
    Set<CodeReason> reasons = aboutARun ? EnumSet.of(CodeReason.NONE, CodeReason.ADMITTED) : EnumSet.of(CodeReason.NONE);
    List<Finding> evasions = breaking(claim, EnumSet.of(RuleClass.TEST_EVASION), reasons).stream()
        .filter(finding -> tests.file() == null || matchesClaimedFile(finding.path(), tests.file()))
        .toList();
    if (tests.repair() && evasions.isEmpty()) {
      return ClaimResult.of(claim, ClaimStatus.UNVERIFIED,
          "no test in the change is skipped or weakened; whether the tests now pass is settled by running them (--dynamic)");
    }
    TestCount count = aboutARun ? null : count(tests.file());
    if (!evasions.isEmpty()) {
      String counted = count == null || !count.known() ? "" : count.cases() + " test cases added in " + count.where() + ", but ";
      return new ClaimResult(claim, ClaimStatus.CONTRADICTED,
          counted + "the change adds a test that cannot fail or does not run: " + where(evasions.get(0)), evasions.get(0).path(), evasions);
    }
    if (aboutARun) {
      return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, "a test run is not visible to a static audit; run with --dynamic to settle it");
    }
    if (count.unresolved() != null) {
      Unresolved unresolved = count.unresolved();
      return new ClaimResult(claim, unresolved.status(), unresolved.evidence(), unresolved.path(), List.of());
    }
    if (count.files().isEmpty()) {
      return contradicted(claim, null, "the change adds no test: no test file is added or modified");
    }
    if (!count.known()) {
      return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, "no known test framework in " + count.where());
    }
    if (count.cases() == 0) {
      // Custom test macros and helpers are common; a test file that changes without a recognised declaration is not proof of absence.
      return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, "no test declaration recognised in the added lines of " + count.where());
    }
    if (tests.added() >= 0 && count.cases() < tests.added()) {
      return fewerTestsThanClaimed(claim, tests, count);
    }
    return backed(claim, count.path(), count.cases() + " test cases added in " + count.where());
  }

  /**
   * Fewer declarations than claimed contradict the claim unless the tests are parameterised (one
   * declaration, many cases) or the claim counts the whole file rather than the added lines.
   */
  private ClaimResult fewerTestsThanClaimed(Claim claim, ClaimSubject.Tests tests, TestCount count) {
    String measured = "claims " + tests.added() + " tests; " + count.where() + " add " + count.cases();
    boolean parameterised = count.files().stream().anyMatch(file -> lines(file).stream().anyMatch(line -> PARAMETERISED.matcher(line).find()));
    if (parameterised) {
      return ClaimResult.of(claim, ClaimStatus.UNVERIFIED, measured + " declarations, some of them parameterised");
    }
    if (count.path() != null) {
      int wholeFile = context.changeSet().readAtHead(count.path())
          .flatMap(content -> TestCounter.countInFile(count.path(), content)).orElse(0);
      if (wholeFile >= tests.added()) {
        return backed(claim, count.path(), count.path() + " declares " + wholeFile + " test cases at head");
      }
    }
    return contradicted(claim, count.path(), measured);
  }

  /** Test cases declared in the added lines of the claimed test file, or of every changed test file. */
  private record TestCount(List<FileChange> files, int cases, boolean known, String where, String path, Unresolved unresolved) {}

  /** A claimed test file that is missing from the change (contradicted) or from the repository (unverified). */
  private record Unresolved(ClaimStatus status, String evidence, String path) {}

  private TestCount count(String claimedFile) {
    List<FileChange> files = testFiles(claimedFile);
    if (claimedFile != null && files.isEmpty()) {
      Resolution resolution = resolver.resolve(claimedFile);
      String evidence = resolution instanceof Resolution.Found found
          ? found.path() + " is not changed in the range, so it adds no tests"
          : "cannot resolve `" + claimedFile + "` to one file in the repository";
      return new TestCount(files, 0, false, claimedFile, null, resolution instanceof Resolution.Found found
          ? new Unresolved(ClaimStatus.CONTRADICTED, evidence, found.path())
          : new Unresolved(ClaimStatus.UNVERIFIED, evidence, null));
    }
    int cases = 0;
    boolean known = false;
    for (FileChange file : files) {
      Optional<Integer> declared = context.testCount(file);
      if (declared.isPresent()) {
        known = true;
        cases += declared.get();
      }
    }
    String where = claimedFile == null ? "the changed test files" : files.get(0).path();
    return new TestCount(files, cases, known, where, claimedFile == null ? null : files.get(0).path(), null);
  }

  private List<FileChange> testFiles(String claimed) {
    return claimed == null ? changedTestFiles() : findTestFiles(claimed);
  }

  private synchronized List<FileChange> changedTestFiles() {
    if (changedTestFiles == null) {
      changedTestFiles = List.copyOf(findTestFiles(null));
    }
    return changedTestFiles;
  }

  private List<FileChange> findTestFiles(String claimed) {
    List<FileChange> files = new ArrayList<>();
    for (FileChange file : context.changeSet().files()) {
      if (!file.scanned()) {
        continue;
      }
      if (claimed == null ? context.isTest(file.path()) || context.declaresTests(file) : matchesClaimedFile(file.path(), claimed)) {
        files.add(file);
      }
    }
    return files;
  }

  private boolean matchesClaimedFile(String path, String claimed) {
    return resolver.resolve(claimed) instanceof Resolution.Found found && found.path().equals(path);
  }

  private ClaimResult absence(Claim claim, AbsenceTarget target) {
    Set<RuleClass> classes = switch (target) {
      case MARKERS -> EnumSet.of(RuleClass.SOFT_MARKER, RuleClass.HARD_STUB);
      case STUBS -> EnumSet.of(RuleClass.HARD_STUB);
      case PLACEHOLDERS -> EnumSet.allOf(RuleClass.class);
      case SKIPPED_TESTS -> EnumSet.of(RuleClass.TEST_EVASION);
    };
    List<Finding> present = placeholders.stream().filter(finding -> classes.contains(finding.ruleClass())).toList();
    String what = target.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (present.isEmpty()) {
      return backedUnlessUnscanned(claim, "no " + what + " in the lines the change adds");
    }
    return new ClaimResult(claim, ClaimStatus.CONTRADICTED,
        count(present.size(), what.endsWith("s") ? what.substring(0, what.length() - 1) : what) + " in the added lines; first: " + where(present.get(0)),
        present.get(0).path(), present);
  }

  /**
   * Whether {@code pattern}, {@code name} bounded as a whole word, matches an added line; a line
   * that does not hold {@code name} is passed over without the pattern.
   */
  private boolean inAddedLines(String name, Pattern pattern) {
    int first = context.addedWords().firstFileFor(name);
    if (first < 0) {
      return false;
    }
    List<FileChange> files = context.changeSet().files();
    for (int i = first; i < files.size(); i++) {
      if (!files.get(i).scanned()) {
        continue;
      }
      FileChange file = files.get(i);
      for (String line : context.addedTextsHolding(file, name).orElseGet(() -> lines(file))) {
        if (line.contains(name) && pattern.matcher(line).find()) {
          return true;
        }
      }
    }
    return false;
  }

  private List<String> lines(FileChange file) {
    return addedTexts.computeIfAbsent(file.path(), path -> context.changeSet().addedLines(file).stream().map(AddedLine::text).toList());
  }

  /**
   * Backed by what the scan read, unless a changed file the claim is about may hold code and could
   * not be read (past the size limit, undecodable, a notebook that is not JSON): then nothing
   * backs it there, and the claim is unverified, naming the files.
   */
  private ClaimResult backedUnlessUnscanned(Claim claim, String evidence) {
    Map<String, String> unreadCode = unreadCode();
    if (unreadCode.isEmpty()) {
      return ClaimResult.of(claim, ClaimStatus.BACKED, evidence);
    }
    Scope scope = asReadAgainstTheChange(claim).scope();
    Map<String, String> unread = new TreeMap<>();
    unreadCode.forEach((path, reason) -> {
      if (scope.covers(new Site(path, List.of(), Disclosure.HARD_STUB, false))) {
        unread.put(path, reason);
      }
    });
    if (unread.isEmpty()) {
      return ClaimResult.of(claim, ClaimStatus.BACKED, evidence);
    }
    Map.Entry<String, String> first = unread.entrySet().iterator().next();
    return new ClaimResult(claim, ClaimStatus.UNVERIFIED, evidence + ", but " + count(unread.size(), "changed file") + " it is about could not be scanned; first: "
        + first.getKey() + " (" + first.getValue() + ")", first.getKey(), List.of());
  }

  private synchronized Map<String, String> unreadCode() {
    if (unreadCode == null) {
      unreadCode = new TreeMap<>(context.unscanned());
      unreadCode.keySet().removeIf(path -> !Sources.mayHoldCode(path));
    }
    return unreadCode;
  }

  /** The claim as the statements read it against the change: one that names nothing the change holds is about all of it. */
  private Claim asReadAgainstTheChange(Claim claim) {
    return resolvedById().getOrDefault(claim.id(), claim);
  }

  private synchronized Map<String, Claim> resolvedById() {
    if (resolvedById == null) {
      resolvedById = new HashMap<>();
      for (Claim resolved : context.statements().claims()) {
        resolvedById.put(resolved.id(), resolved);
      }
    }
    return resolvedById;
  }

  private static ClaimResult backed(Claim claim, String path, String evidence) {
    return new ClaimResult(claim, ClaimStatus.BACKED, evidence, path, List.of());
  }

  private static ClaimResult contradicted(Claim claim, String path, String evidence) {
    return new ClaimResult(claim, ClaimStatus.CONTRADICTED, evidence, path, List.of());
  }

  private static String where(Finding finding) {
    return finding.path() + ":" + finding.line() + " (" + finding.rule() + ")";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
