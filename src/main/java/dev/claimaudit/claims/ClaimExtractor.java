package dev.claimaudit.claims;

import dev.claimaudit.claims.ClaimSubject.AbsenceTarget;
import dev.claimaudit.claims.ClaimSubject.FileAction;
import dev.claimaudit.cores.Cores;
import dev.claimaudit.text.KeywordIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the claims a change makes out of its commit messages and pull request text.
 *
 * <p>Only statements about what this change did are claims. Quoted text, code, trailers, unticked
 * template items, future work ("follow-up: …", "carry-over to Phase 5") and negated wording ("not
 * yet implemented") are not. A source whose title or wording discloses unfinished work (WIP,
 * draft, skeleton, stub) makes only hedged claims.
 */
public final class ClaimExtractor {
  /**
   * Words a sentence must mention, lower case, for a kind of claim to be looked for in it: most
   * sentences mention none, and one pass over a sentence tells for every kind at once.
   */
  private enum Mention {
    TESTS("test", "spec", "case", "check", "assert", "pass", "green"),
    ABSENCE("todo", "fixme", "xxx", "hack", "stub", "placeholder", "skipped", "disabled", "ignored"),
    ADDING("add", "introduc", "defin", "export", "expos", "creat", "implement", "new"),
    CLOSING("fix", "close", "resolve"),
    STRONG_STATUS("done", "complete", "finish", "ship", "production", "ready", "fully", "verified", "feature", "100", "landed", "fertig",
        "erledigt", "abgeschlossen", "vollst", "termin", "fini", "achev", "complet", "list", "hech", "conclu", "finaliz", "finit", "klaar",
        "voltooid", "afgerond", "gotowe", "zrobione", "tamam"),
    PASSIVE_STATUS("implemented", "working", "supported", "wired up", "in place", "functional", "handled"),
    /** Every form of "all tests pass" holds one of these. */
    PASSING("pass", "green", "succeed");

    private final List<String> words;

    Mention(String... words) {
      this.words = List.of(words);
    }
  }

  private static final KeywordIndex MENTIONS = KeywordIndex.of(Stream.of(Mention.values()).map(mention -> mention.words).toList());

  private static final Pattern CONVENTIONAL_PREFIX =
      Pattern.compile("^(?i)(feat|fix|perf|refactor|chore|docs|test|tests|build|ci|style|revert)(\\([^)]{0,40}\\))?!?:\\s*");
  /** Quoted words are a mention of what someone else said or might say, not this change's claim. */
  private static final Pattern QUOTED = Pattern.compile("(?<![\\w])'[^'\\n]{1,160}'(?![\\w])|\"[^\"\\n]{1,300}\"|“[^”\\n]{1,300}”");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+(?=[A-Z`*\\d\\[(])|\\s+[—–]\\s+|;\\s+");

  private static final Pattern STRONG_STATUS = Pattern.compile(
      "(?iU)\\b(done|complete|completed|finished|shipped|ships|production[- ]ready|ready (?:to|for) (?:merge|prod|production|release)"
          + "|fully (?:implemented|working|functional|tested|done)|verified|feature[- ]complete|100\\s*%\\s*(?:done|complete)|landed"
          // The same in the languages commit messages are most often written in.
          + "|fertig|erledigt|abgeschlossen|vollständig implementiert|terminée?s?|finie?s?|achevée?s?|complétée?s?|terminad[oa]s?|completad[oa]s?"
          + "|list[oa]s? para producción|hech[oa]|concluíd[oa]s?|finalizad[oa]s?|completat[oa]|finit[oa]|klaar|voltooid|afgerond"
          + "|готово|сделано|завершено|выполнено|gotowe|zrobione|tamamlandı)\\b"
          + "|(已完成|已实现|已經完成|完成了|搞定|実装済み|完了しました|完了|완료)");
  private static final Pattern ISSUE_CLOSING = Pattern.compile(
      "(?i)\\b(fix(?:es|ed)?|close[sd]?|resolve[sd]?)\\s*:?\\s+(#\\d+|[A-Z][A-Z0-9]+-\\d+|[\\w.-]+/[\\w.-]+#\\d+|https?://\\S+/(?:issues|pull)/\\d+)");
  private static final Pattern LEADING_VERB = Pattern.compile(
      "(?i)^(implement(?:s|ed)?|adds?|added|support(?:s|ed)?|introduces?|introduced|enables?|enabled|creates?|created|builds?|"
          + "wires? up|wired up|provides?|makes?|allows?|handles?|finish(?:es|ed)?|completes?|rewrites?|ports?|extends?|teaches)\\b");
  private static final Pattern PASSIVE_STATUS = Pattern.compile(
      "(?i)\\b(?:is|are|was|were|now)\\s+(implemented|working|supported|wired up|in place|functional|handled)\\b");

  private static final Pattern PASS_COUNT = Pattern.compile(
      "(?i)\\b(\\d[\\d,]*)\\s+(?:[\\w-]+\\s+){0,3}?(?:tests?|specs?|cases?|checks?|assertions?)\\s+(?:all\\s+)?(?:pass(?:ed|ing|es)?|green|succeed(?:ed)?|ok)\\b"
          + "(?:.{0,24}?\\b(\\d[\\d,]*)\\s+fail(?:s|ed|ing|ures?)?\\b)?");
  private static final Pattern PASS_FAIL = Pattern.compile(
      "(?i)\\b(\\d[\\d,]*)\\s+pass(?:ed|ing|es)?\\b\\s*[·,/|;-]?\\s*(\\d[\\d,]*)\\s+fail(?:s|ed|ing|ures?)?\\b");
  private static final Pattern ALL_PASS = Pattern.compile(
      "(?i)\\b(?:all\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:tests?|specs?|checks?)\\s+(?:now\\s+|still\\s+)?(?:pass(?:es|ed|ing)?|green|succeed)"
          + "|(?:tests?|test suite|ci|build)\\s+(?:is\\s+|are\\s+)?(?:all\\s+)?(?:passing|green|passes)"
          + "|(?:tests?)\\s+pass\\b)");
  private static final Pattern ADDS_N_TESTS = Pattern.compile(
      "(?i)(?:\\b(?:adds?|added|adding|writes?|wrote|new)\\s+|^\\W*)(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
          + "\\s+(?:new\\s+)?(?:[\\w-]+\\s+){0,2}?(?:tests?|test cases?|specs?)\\b(?:\\s+(?:in|to|for|into)\\s+(\\S+))?");
  private static final Pattern N_TESTS_IN_LIST = Pattern.compile("(?i)\\b(\\d+)\\s+(?:new\\s+)?(?:[\\w-]+\\s+){0,2}?(?:tests?|test cases?|specs?)\\b");
  /** "test" as a noun ("a test for", "tests", "regression test."), not as a modifier ("test server", "test PyPI option"). */
  private static final String TEST_NOUN =
      "(?:tests\\b|test(?=\\s+(?:for|that|to|of|case|cases|covering|verifying|checking|ensuring|which|where|when|and|with|in|on)\\b|\\s*[.,;:)!]|\\s*$))";
  private static final Pattern ADDS_TESTS = Pattern.compile(
      "(?i)(?:\\b(?:adds?|added|adding|writes?|wrote|new)\\s+(?:\\w+\\s+){0,2}?(?:unit |integration |regression )?" + TEST_NOUN
          + "|\\bwith (?:new |unit |integration |regression )?tests\\b"
          + "|^tests?\\s+(?:added|included|written)\\b|\\bcovered by (?:new )?tests\\b)");

  private static final Pattern ABSENCE = Pattern.compile(
      "(?i)\\b(?:(?:no|zero|without)\\s+(?:more\\s+|remaining\\s+|leftover\\s+|outstanding\\s+)?"
          + "(todos?|fixmes?|xxx|hacks?|stubs?|placeholders?|skipped tests?|disabled tests?|ignored tests?)\\b"
          + "|(todo|stub|placeholder)[- ]free\\b"
          + "|(?:all|every|the last)\\s+(todos?|fixmes?|stubs?|placeholders?)\\s+(?:are\\s+|have been\\s+)?(?:removed|resolved|gone|replaced|implemented)"
          + "|removes?\\s+(?:all|every|the last)\\s+(?:remaining\\s+)?(todos?|fixmes?|stubs?|placeholders?))");

  private static final Pattern ADD_VERB = Pattern.compile(
      "(?i)\\b(adds?|added|adding|introduces?|introduced|defines?|defined|exports?|exported|exposes?|creates?|created|implements?|implemented|new)\\b");
  private static final Pattern SYMBOL_KIND = Pattern.compile(
      "(?i)(constant|const|function|func|fn|helper|method|class|type|field|flag|option|enum|interface|struct|trait|hook|endpoint|"
          + "command|subcommand|macro|module|variable|property|record|alias|setting)s?");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]{1,120})`");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*(?:(?:\\.|::|#)[A-Za-z_$][\\w$]*)*(?:\\(\\))?");
  private static final Pattern CODEY = Pattern.compile("\\w+\\(\\)|[A-Za-z]\\w*_\\w+|[a-z]+[A-Z]\\w*|[A-Z][a-z0-9]+[A-Z]\\w*|\\w+(?:::|#)\\w+");

  private static final Pattern FILE_HEADING_ADDED = Pattern.compile("(?i)\\b(new|added|adds|created|creates|introduced)\\b");
  private static final Pattern FILE_HEADING_UPDATED = Pattern.compile("(?i)\\b(updated?s?|modified|modifies|changed|changes|edited|touched|schema)\\b");
  private static final Pattern FILE_HEADING = Pattern.compile("(?i)\\b(files?|new|added|updated|modified|changed|changes|created)\\b");
  private static final Pattern INLINE_FILE_LIST = Pattern.compile(
      "(?i)^(new files?|new|added files?|added|created|updated files?|updated|modified|changed files?|changed|files)\\s*:\\s*(.+)$");
  private static final Pattern FILE_COUNT = Pattern.compile(
      "(?i)\\b(\\d+)\\s+new(?:\\s+files?)?(?:\\s*(?:\\+|and|,|plus)\\s*(\\d+)\\s+(?:[\\w-]+\\s+)?(?:updates?|updated|modified|changed|changes?))?");
  private static final Pattern ADDS_FILE = Pattern.compile(
      "(?i)^(?:adds?|added|creates?|created|introduces?|introduced)\\s+(?:the\\s+|a\\s+|new\\s+)*(?:files?\\s+)?`?([\\w./@+\\-]+)`?(?:\\s|$|[,.;:])");
  /** "Update AsyncToolCallback.java", "removed docs/old.md": a change verb opening the sentence, then a path. */
  private static final Pattern VERB_FILE = Pattern.compile(
      "(?i)^(updated?|updates|updating|edit(?:s|ed)?|modif(?:y|ies|ied)|chang(?:e|es|ed)|touch(?:es|ed)?|fix(?:es|ed)?|"
          + "remov(?:e|es|ed)|delet(?:e|es|ed)|drop(?:s|ped)?)\\s+(?:the\\s+)?(?:file\\s+)?`?([\\w./@+\\-]+)`?(?:\\s|$|[,.;:])");
  /** "response_format parameter added to openai-options.ts": something said to be put into a named file. */
  private static final Pattern PUT_IN_FILE = Pattern.compile(
      "(?i)^(.{1,80}?)\\s+(?:was\\s+|were\\s+|is\\s+|are\\s+|has been\\s+|have been\\s+)?"
          + "(?:added|implemented|defined|exported|introduced|registered|wired up)\\s+(?:to|in|into|within)\\s+`?([\\w./@+\\-]+)`?\\s*[.;:]?\\s*$");
  private static final Pattern FUTURE_HEADING = Pattern.compile(
      "(?i)\\b(carry[- ]?overs?|follow[- ]?ups?|todo|next steps?|future|known (issues|gaps|limitations)|out of scope|not included|"
          + "remaining|open questions?|limitations|caveats|later|planned|roadmap|before merg\\w*)\\b");
  private static final Pattern ENUMERATION = Pattern.compile("^(.{1,60}?)\\s*\\((\\d{1,3})\\)\\s*:\\s*(.*)$");

  /** Reads every claim, numbering them {@code c1, c2, …} in source order. */
  public List<Claim> extract(List<ClaimSource> sources) {
    return read(sources).claims();
  }

  /**
   * Reads every claim and every admission of unfinished work. Commits count in the order given
   * (oldest first), the pull request after all of them, its title before its body: the moment
   * of each statement decides which word is the later one.
   */
  public Statements read(List<ClaimSource> sources) {
    boolean pullRequestHedged = sources.stream()
        .filter(ClaimSource::fromPullRequest)
        .anyMatch(source -> source.draft() || sourceHedged(source));
    int[] ranks = ranks(sources);
    // Sources are read independently, on every core: a release range has thousands of messages.
    List<Reading> bySource = Cores.map(sources.size(), i -> {
      ClaimSource source = sources.get(i);
      boolean hedged = source.fromPullRequest() ? pullRequestHedged : sourceHedged(source);
      return read(source, hedged, ranks[i]);
    });
    List<Claim> claims = new ArrayList<>();
    List<Admission> admissions = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Reading reading : bySource) {
      for (Claim claim : reading.claims) {
        String key = claim.kind() + "|" + claim.subject() + "|" + claim.strength();
        if (claim.kind() == ClaimKind.STATUS || seen.add(key)) {
          claims.add(claim.withId("c" + (claims.size() + 1)));
        }
      }
      admissions.addAll(reading.admissions);
    }
    if (pullRequestHedged) {
      Moment moment = new Moment(sources.size(), 0);
      for (Disclosure kind : Disclosure.values()) {
        admissions.add(new Admission(kind, "the pull request is marked as unfinished", "pr-body", 0, Scope.EVERYTHING, moment));
      }
    }
    return new Statements(claims, admissions);
  }

  /** The moment of each source: commits in the order given, then the pull request's title, then its body. */
  private static int[] ranks(List<ClaimSource> sources) {
    int[] ranks = new int[sources.size()];
    int commits = (int) sources.stream().filter(source -> !source.fromPullRequest()).count();
    int commit = 0;
    for (int i = 0; i < sources.size(); i++) {
      ClaimSource source = sources.get(i);
      if (!source.fromPullRequest()) {
        ranks[i] = commit++;
      } else {
        ranks[i] = commits + (source.id().equals("pr-title") ? 0 : 1);
      }
    }
    return ranks;
  }

  private static boolean sourceHedged(ClaimSource source) {
    String text = source.text() == null ? "" : source.text();
    String title = text.strip().lines().findFirst().orElse("");
    return Hedges.hedgesSource(title, text);
  }

  /** The claims and admissions of one source. */
  private static final class Reading {
    final List<Claim> claims = new ArrayList<>();
    final List<Admission> admissions = new ArrayList<>();
  }

  private Reading read(ClaimSource source, boolean hedged, int rank) {
    List<Segment> segments = MarkdownSegmenter.segments(source.text());
    Reading reading = new Reading();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      Moment moment = new Moment(rank, segment.line());
      if (FUTURE_HEADING.matcher(segment.heading()).find()) {
        admitAll(reading, source, segment.text(), segment.line(), Scope.of(segment.text()), moment);
        continue;
      }
      Matcher enumeration = ENUMERATION.matcher(segment.text());
      if (enumeration.matches() && !segment.listItem()) {
        i = enumeration(source, segments, i, enumeration, hedged, reading.claims, moment);
        continue;
      }
      boolean subject = i == 0 && source.id().startsWith("commit:") || source.id().equals("pr-title");
      if (!subject) {
        new SegmentReader(source, segment, hedged, null, reading, moment).read();
        continue;
      }
      SubjectLine line = SubjectLine.of(segment.text());
      if (line.claimsNothing()) {
        continue;
      }
      int before = reading.claims.size();
      new SegmentReader(source, segment, hedged, line, reading, moment).read();
      subjectClaim(source, segment, line, hedged, reading, before, moment);
    }
    return reading;
  }

  /**
   * Every subject is a claim, however terse: when the reader found no claim of what the change
   * did in it, the subject claims its verb and subject ("fix: guard against a null proxy"), or
   * the tests ("fix more tests").
   */
  private static void subjectClaim(ClaimSource source, Segment segment, SubjectLine line, boolean hedged, Reading reading, int before, Moment moment) {
    List<Claim> fromSubject = reading.claims.subList(before, reading.claims.size());
    boolean aboutTests = line.aboutTests();
    boolean hasTest = fromSubject.stream().anyMatch(claim -> claim.kind() == ClaimKind.TEST);
    boolean hasStatus = fromSubject.stream().anyMatch(claim -> claim.kind() == ClaimKind.STATUS);
    String text = segment.text();
    Strength strength = strength(hedged, text, Strength.NORMAL);
    Set<Disclosure> disclosed = Disclosure.in(text);
    if (aboutTests && !hasTest) {
      reading.claims.add(new Claim("", ClaimKind.TEST, strength, text, source.id(), segment.line(),
          ClaimSubject.Tests.repaired(), disclosed, line.scope(), moment));
    } else if (!aboutTests && !hasStatus) {
      String verb = line.text().split("\\s+")[0].toLowerCase(Locale.ROOT);
      reading.claims.add(new Claim("", ClaimKind.STATUS, strength, text, source.id(), segment.line(),
          new ClaimSubject.Status(verb), disclosed, line.scope(), moment));
    }
  }

  /** An admission of every kind of placeholder: future work and hedged wording own up to whatever is unfinished about their subject. */
  private static void admitAll(Reading reading, ClaimSource source, String text, int line, Scope scope, Moment moment) {
    for (Disclosure kind : Disclosure.values()) {
      reading.admissions.add(new Admission(kind, text, source.id(), line, scope, moment));
    }
  }

  private static int enumeration(
      ClaimSource source, List<Segment> segments, int start, Matcher header, boolean hedged, List<Claim> claims, Moment moment) {
    StringBuilder items = new StringBuilder(header.group(3));
    int last = start;
    while (!items.toString().strip().endsWith(".") && last + 1 < segments.size()
        && segments.get(last + 1).line() == segments.get(last).line() + 1 && !segments.get(last + 1).listItem()) {
      last++;
      items.append(' ').append(segments.get(last).text());
    }
    List<String> listed = enumerationItems(items.toString());
    if (listed.size() >= 2) {
      String text = header.group(0) + (last > start ? " …" : "");
      claims.add(new Claim("", ClaimKind.STATUS, strength(hedged, text, Strength.NORMAL), text, source.id(), segments.get(start).line(),
          new ClaimSubject.Enumeration(header.group(1).strip(), Integer.parseInt(header.group(2)), List.copyOf(listed)), Set.of(),
          Scope.of(header.group(1)), moment));
    }
    return last;
  }

  /** Items of "a, b (with c, d), e and f.": split at top-level commas and a final "and"/"or", up to the sentence's end. */
  static List<String> enumerationItems(String text) {
    Matcher end = Pattern.compile("\\.(\\s|$)").matcher(text);
    String list = end.find() ? text.substring(0, end.start()) : text;
    List<String> items = new ArrayList<>();
    int depth = 0;
    boolean code = false;
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '`') {
        code = !code;
      } else if (!code && (c == '(' || c == '[' || c == '{')) {
        depth++;
      } else if (!code && (c == ')' || c == ']' || c == '}')) {
        depth = Math.max(0, depth - 1);
      }
      if (c == ',' && depth == 0 && !code) {
        items.add(item.toString());
        item.setLength(0);
      } else {
        item.append(c);
      }
    }
    items.add(item.toString());
    String last = items.remove(items.size() - 1);
    items.addAll(List.of(last.split("\\s+(?:and|or|&)\\s+")));
    List<String> cleaned = new ArrayList<>();
    for (String raw : items) {
      String trimmed = PathTokens.trim(raw.strip().replaceFirst("(?i)^(and|or)\\s+", ""));
      if (!trimmed.isEmpty()) {
        cleaned.add(trimmed);
      }
    }
    return cleaned;
  }

  static Strength strength(boolean hedged, String text, Strength unhedged) {
    return hedged || Hedges.hedgesLine(text) ? Strength.HEDGED : unhedged;
  }

  /** Reads the claims of one segment, sentence by sentence. */
  private static final class SegmentReader {
    private final ClaimSource source;
    private final Segment segment;
    private final boolean hedged;
    private final boolean subjectLine;
    /** The subject line being read, or {@code null} for any other segment. */
    private final SubjectLine subject;
    private final Reading reading;
    private final List<Claim> claims;
    private final Moment segmentMoment;
    /** The moment of the sentence being read. */
    private Moment moment;
    /** The sentence being read, in lower case. */
    private String lower = "";
    /** The {@link Mention}s of the sentence being read, by ordinal. */
    private BitSet mentioned = new BitSet();
    /** The sentence being read, as written, and without its conventional-commit prefix. */
    private String sentenceText = "";
    private String body = "";
    /** The scope of the sentence being read, once asked for: most sentences make no claim and need none. */
    private Scope scope;
    /** The kinds of placeholder the sentence being read owns up to. */
    private Set<Disclosure> disclosed = Set.of();

    SegmentReader(ClaimSource source, Segment segment, boolean hedged, SubjectLine subject, Reading reading, Moment moment) {
      this.source = source;
      this.segment = segment;
      this.hedged = hedged;
      this.subjectLine = subject != null;
      this.subject = subject;
      this.reading = reading;
      this.claims = reading.claims;
      this.segmentMoment = moment;
      this.moment = moment;
    }

    /**
     * Whether the sentence holds one of the words of {@code mention} in any case: each pattern below
     * names the words a match must hold, and looking for them first spares most sentences the pattern.
     */
    private boolean mentions(Mention mention) {
      return mentioned.get(mention.ordinal());
    }

    void read() {
      if (fileListItem()) {
        return;
      }
      // Neither pattern matches a segment without one of its characters: most subjects quote
      // nothing, and many have no sentence end.
      String whole = segment.text();
      String unquoted = holdsOneOf(whole, "'\"“") ? QUOTED.matcher(whole).replaceAll("\"…\"") : whole;
      String[] sentences = holdsOneOf(unquoted, ".!?;—–") ? SENTENCE_END.split(unquoted) : new String[] {unquoted};
      for (int index = 0; index < sentences.length; index++) {
        String text = sentences[index].strip();
        moment = segmentMoment.sentence(index);
        if (text.isEmpty()) {
          continue;
        }
        sentenceText = text;
        body = CONVENTIONAL_PREFIX.matcher(text).replaceFirst("");
        scope = null;
        if (Hedges.speaksOfFuture(text)) {
          if (Hedges.defersWork(text)) {
            admitAll(reading, source, text, segment.line(), scope(), moment);
          }
          continue;
        }
        admit(text);
        lower = text.toLowerCase(Locale.ROOT);
        mentioned = MENTIONS.groupsIn(lower);
        inlineFiles(body);
        fileCount(body);
        tests(body);
        absence(body);
        symbols(body);
        status(text, body);
      }
    }

    private Scope scope() {
      if (scope == null) {
        // A line written as a commit subject ("feat(parser): ...") is read as one wherever it stands:
        // a pull request body often repeats the subject of its one commit.
        boolean writtenAsSubject = subject != null || body.length() < sentenceText.length();
        scope = writtenAsSubject ? SubjectLine.of(sentenceText).scope() : Scope.of(body);
      }
      return scope;
    }

    private void add(ClaimKind kind, Strength strength, String text, ClaimSubject claimed) {
      Scope claimScope = claimed instanceof ClaimSubject.File file ? scope().and(new Scope(Set.of(), Set.of(), Set.of(file.path()))) : scope();
      claims.add(new Claim("", kind, strength(hedged, text, strength), text, source.id(), segment.line(), claimed,
          kind == ClaimKind.ABSENCE ? Set.of() : disclosed, claimScope, moment));
    }

    /** The admissions of a sentence: the placeholders it owns up to, and everything when its wording is hedged. */
    private void admit(String text) {
      disclosed = Disclosure.in(text);
      if (Hedges.hedgesLine(text)) {
        admitAll(reading, source, text, segment.line(), scope(), moment);
        return;
      }
      for (Disclosure kind : disclosed) {
        reading.admissions.add(new Admission(kind, text, source.id(), segment.line(), scope(), moment));
      }
    }

    /** A list item under a heading such as "New files:": the path it starts with is a file claim. */
    private boolean fileListItem() {
      String heading = segment.heading();
      if (!segment.listItem() || heading.isEmpty() || !FILE_HEADING.matcher(heading).find()) {
        return false;
      }
      List<String> paths = PathTokens.find(segment.text());
      if (paths.isEmpty() || !segment.text().contains(paths.get(0))) {
        return false;
      }
      String first = segment.text().strip();
      if (!PathTokens.trim(first.split("\\s+")[0]).equals(paths.get(0))) {
        return false;
      }
      add(ClaimKind.FILE, Strength.NORMAL, segment.text(), new ClaimSubject.File(paths.get(0), action(heading)));
      String description = first.substring(first.indexOf(paths.get(0)) + paths.get(0).length());
      Matcher count = N_TESTS_IN_LIST.matcher(description);
      if (count.find()) {
        add(ClaimKind.TEST, Strength.NORMAL, segment.text(), new ClaimSubject.Tests(Integer.parseInt(count.group(1)), -1, -1, false, paths.get(0)));
      }
      for (String symbol : SymbolPhrase.named(description)) {
        add(ClaimKind.SYMBOL, Strength.NORMAL, segment.text(), new ClaimSubject.Symbol(symbol, paths.get(0)));
      }
      return true;
    }

    private static FileAction action(String heading) {
      boolean added = FILE_HEADING_ADDED.matcher(heading).find();
      boolean updated = FILE_HEADING_UPDATED.matcher(heading).find();
      if (added && updated) {
        return FileAction.CHANGED;
      }
      return updated ? FileAction.UPDATED : added ? FileAction.ADDED : FileAction.CHANGED;
    }

    private void inlineFiles(String text) {
      Matcher inline = INLINE_FILE_LIST.matcher(text);
      if (inline.matches()) {
        FileAction action = action(inline.group(1));
        for (String path : PathTokens.find(inline.group(2))) {
          add(ClaimKind.FILE, Strength.NORMAL, text, new ClaimSubject.File(path, action));
        }
        return;
      }
      Matcher adds = ADDS_FILE.matcher(text);
      if (adds.find()) {
        String token = PathTokens.trim(adds.group(1));
        if (PathTokens.isPath(token) && token.contains("/")) {
          add(ClaimKind.FILE, Strength.NORMAL, text, new ClaimSubject.File(token, FileAction.ADDED));
        }
        return;
      }
      Matcher verb = VERB_FILE.matcher(text);
      if (verb.find()) {
        String token = PathTokens.trim(verb.group(2));
        if (PathTokens.isPath(token)) {
          boolean removal = verb.group(1).toLowerCase(Locale.ROOT).matches("remov.*|delet.*|drop.*");
          add(ClaimKind.FILE, Strength.NORMAL, text, new ClaimSubject.File(token, removal ? FileAction.REMOVED : FileAction.UPDATED));
        }
        return;
      }
      Matcher put = PUT_IN_FILE.matcher(text);
      if (put.find()) {
        String token = PathTokens.trim(put.group(2));
        if (PathTokens.isPath(token)) {
          add(ClaimKind.FILE, Strength.NORMAL, text, new ClaimSubject.File(token, FileAction.CHANGED));
        }
      }
    }

    private void fileCount(String text) {
      if (!text.toLowerCase(Locale.ROOT).contains("file")) {
        return;
      }
      Matcher count = FILE_COUNT.matcher(text);
      if (count.find()) {
        int updated = count.group(2) == null ? -1 : Integer.parseInt(count.group(2));
        add(ClaimKind.FILE, Strength.NORMAL, text, new ClaimSubject.FileCount(Integer.parseInt(count.group(1)), updated));
      }
    }

    private void tests(String text) {
      if (!mentions(Mention.TESTS)) {
        return;
      }
      // A count of passing tests holds a digit.
      boolean counts = holdsOneOf(text, "0123456789");
      Matcher passFail = PASS_FAIL.matcher(text);
      Matcher passCount = PASS_COUNT.matcher(text);
      if (counts && passFail.find()) {
        add(ClaimKind.TEST, Strength.STRONG, text,
            new ClaimSubject.Tests(-1, number(passFail.group(1)), number(passFail.group(2)), false, null));
      } else if (counts && passCount.find()) {
        int failed = passCount.group(2) == null ? -1 : number(passCount.group(2));
        add(ClaimKind.TEST, Strength.STRONG, text, new ClaimSubject.Tests(-1, number(passCount.group(1)), failed, false, null));
      } else if (mentions(Mention.PASSING) && ALL_PASS.matcher(text).find() && !Hedges.negatedAt(text, indexOf(ALL_PASS, text))) {
        add(ClaimKind.TEST, Strength.STRONG, text, new ClaimSubject.Tests(-1, -1, -1, true, null));
      }
      Matcher addsN = ADDS_N_TESTS.matcher(text);
      if (addsN.find()) {
        String file = addsN.group(2) == null ? null : PathTokens.trim(addsN.group(2));
        if (file != null && !PathTokens.isPath(file)) {
          file = null;
        }
        add(ClaimKind.TEST, Strength.NORMAL, text, new ClaimSubject.Tests(number(addsN.group(1)), -1, -1, false, file));
      } else if (ADDS_TESTS.matcher(text).find() && !Hedges.negatedAt(text, indexOf(ADDS_TESTS, text))) {
        List<String> paths = PathTokens.find(text);
        add(ClaimKind.TEST, Strength.NORMAL, text, new ClaimSubject.Tests(-1, -1, -1, false, paths.isEmpty() ? null : paths.get(0)));
      }
    }

    private void absence(String text) {
      if (!mentions(Mention.ABSENCE)) {
        return;
      }
      Matcher absence = ABSENCE.matcher(text);
      if (!absence.find()) {
        return;
      }
      String word = firstGroup(absence).toLowerCase(Locale.ROOT);
      AbsenceTarget target;
      if (word.startsWith("stub")) {
        target = AbsenceTarget.STUBS;
      } else if (word.startsWith("placeholder")) {
        target = AbsenceTarget.PLACEHOLDERS;
      } else if (word.contains("test")) {
        target = AbsenceTarget.SKIPPED_TESTS;
      } else {
        target = AbsenceTarget.MARKERS;
      }
      add(ClaimKind.ABSENCE, Strength.STRONG, text, new ClaimSubject.Absence(target));
    }

    private void symbols(String text) {
      if (!mentions(Mention.ADDING)) {
        return;
      }
      Matcher verb = ADD_VERB.matcher(text);
      if (!verb.find() || Hedges.negatedAt(text, verb.start())) {
        return;
      }
      SymbolPhrase.parse(text.substring(verb.end())).forEach(symbol -> add(ClaimKind.SYMBOL, Strength.NORMAL, text, symbol));
    }

    private void status(String text, String body) {
      Matcher closing = ISSUE_CLOSING.matcher(text);
      if (mentions(Mention.CLOSING) && closing.find() && !Hedges.negatedAt(text, closing.start())) {
        add(ClaimKind.STATUS, Strength.NORMAL, text, new ClaimSubject.Status(closing.group(0)));
        return;
      }
      Matcher strong = STRONG_STATUS.matcher(text);
      boolean strongWord = mentions(Mention.STRONG_STATUS) || !ascii(lower);
      while (strongWord && strong.find()) {
        if (!Hedges.negatedAt(text, strong.start())) {
          String word = strong.group(1) != null ? strong.group(1) : strong.group(2);
          add(ClaimKind.STATUS, Strength.STRONG, text, new ClaimSubject.Status(word.toLowerCase(Locale.ROOT)));
          return;
        }
      }
      Matcher leading = LEADING_VERB.matcher(body);
      if (leading.find() && (subjectLine || segment.listItem() || body.length() > leading.end() + 2)) {
        add(ClaimKind.STATUS, Strength.NORMAL, text, new ClaimSubject.Status(leading.group(1).toLowerCase(Locale.ROOT)));
        return;
      }
      Matcher passive = PASSIVE_STATUS.matcher(text);
      if (mentions(Mention.PASSIVE_STATUS) && passive.find()
          && !Hedges.negatedAt(text, passive.start(1))) {
        add(ClaimKind.STATUS, Strength.NORMAL, text, new ClaimSubject.Status(passive.group(1).toLowerCase(Locale.ROOT)));
        return;
      }
      if (subjectLine && !text.equals(body) && text.toLowerCase(Locale.ROOT).startsWith("feat")) {
        add(ClaimKind.STATUS, Strength.NORMAL, text, new ClaimSubject.Status("feat"));
      }
    }
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean holdsOneOf(String text, String characters) {
    for (int i = 0; i < characters.length(); i++) {
      if (text.indexOf(characters.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Parses "SFT_NEVER constant in export_sft.ts and an isOptedOut() helper in src/x.ts". */
  static final class SymbolPhrase {
    private static final Pattern ARTICLES = Pattern.compile("(?i)^(?:\\s*(?:a|an|the|new|public|private|static|exported|two|three|some|its|their|own)\\b)+\\s*");
    private static final Pattern JOIN = Pattern.compile("(?i)^\\s*(?:,|and|&|plus|as well as|along with)\\s*");
    private static final Pattern IN_FILE = Pattern.compile("(?i)^\\s*(?:in|to|into|inside|within|under)\\s+`?([\\w./@+\\-]+)`?");

    private SymbolPhrase() {}

    private static final Pattern NAMED_SYMBOL = Pattern.compile(
        "(?i)(`[^`]{1,80}`|[A-Za-z_$][\\w$]*(?:\\(\\))?)\\s+(?:" + SYMBOL_KIND.pattern() + ")\\b"
            + "|\\b(?:" + SYMBOL_KIND.pattern() + ")\\s+(`[^`]{1,80}`|[A-Za-z_$][\\w$]*(?:\\(\\))?)");

    /** Identifiers that a file's description names with their kind: "SFT_NEVER constant", "helper `isOptedOut()`". */
    static List<String> named(String description) {
      List<String> names = new ArrayList<>();
      Matcher matcher = NAMED_SYMBOL.matcher(description);
      while (matcher.find()) {
        String written = matcher.group(1) != null ? matcher.group(1) : matcher.group(matcher.groupCount());
        Candidate candidate = Candidate.at(written);
        if (candidate != null && candidate.codey() && !names.contains(candidate.name())) {
          names.add(candidate.name());
        }
      }
      return names;
    }

    static List<ClaimSubject.Symbol> parse(String rest) {
      List<ClaimSubject.Symbol> symbols = new ArrayList<>();
      String text = rest;
      for (int guard = 0; guard < 8; guard++) {
        text = ARTICLES.matcher(text.stripLeading()).replaceFirst("");
        boolean kindFirst = false;
        Matcher kind = SYMBOL_KIND.matcher(text);
        if (kind.lookingAt() && kind.end() < text.length() && Character.isWhitespace(text.charAt(kind.end()))) {
          text = text.substring(kind.end()).stripLeading();
          kindFirst = true;
        }
        Candidate candidate = Candidate.at(text);
        if (candidate == null) {
          break;
        }
        text = text.substring(candidate.length());
        Matcher kindAfter = SYMBOL_KIND.matcher(text.stripLeading());
        boolean kindNamed = kindFirst;
        if (kindAfter.lookingAt()) {
          text = text.stripLeading().substring(kindAfter.end());
          kindNamed = true;
        }
        String file = null;
        Matcher in = IN_FILE.matcher(text);
        if (in.lookingAt() && PathTokens.isPath(PathTokens.trim(in.group(1)))) {
          file = PathTokens.trim(in.group(1));
          text = text.substring(in.end());
        }
        // "Added a note to docs/providers.md" names a file, not a symbol called "note".
        if (candidate.codey() || kindNamed) {
          symbols.add(new ClaimSubject.Symbol(candidate.name(), file));
        }
        Matcher join = JOIN.matcher(text);
        if (!join.lookingAt()) {
          break;
        }
        text = text.substring(join.end());
      }
      return symbols;
    }

    private record Candidate(String name, int length, boolean codey) {
      static Candidate at(String text) {
        Matcher span = CODE_SPAN.matcher(text);
        if (span.lookingAt()) {
          Matcher identifier = IDENTIFIER.matcher(span.group(1).strip());
          if (!identifier.matches()) {
            return null;
          }
          return new Candidate(simpleName(span.group(1).strip()), span.end(), true);
        }
        Matcher identifier = IDENTIFIER.matcher(text);
        if (!identifier.lookingAt()) {
          return null;
        }
        String word = identifier.group();
        if (PathTokens.isPath(word)) {
          return null;
        }
        return new Candidate(simpleName(word), identifier.end(), CODEY.matcher(word).matches());
      }

      private static String simpleName(String identifier) {
        String name = identifier.endsWith("()") ? identifier.substring(0, identifier.length() - 2) : identifier;
        int separator = Math.max(name.lastIndexOf('.'), Math.max(name.lastIndexOf("::") + 1, name.lastIndexOf('#')));
        return separator > 0 ? name.substring(separator + 1) : name;
      }
    }
  }

  private static int number(String digits) {
    String word = digits.toLowerCase(Locale.ROOT).replace(",", "");
    List<String> words = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");
    int index = words.indexOf(word);
    if (index >= 0) {
      return index;
    }
    try {
      return Integer.parseInt(word);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int indexOf(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.start() : 0;
  }

  private static String firstGroup(Matcher matcher) {
    for (int group = 1; group <= matcher.groupCount(); group++) {
      if (matcher.group(group) != null) {
        return matcher.group(group);
      }
    }
    return matcher.group();
  }
}
