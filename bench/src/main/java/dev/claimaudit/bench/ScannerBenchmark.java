package dev.claimaudit.bench;

import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.lang.TestFiles;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.text.KeywordIndex;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Lexer;
import dev.claimaudit.checks.placeholder.PlaceholderScanner;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.git.AddedLine;
import dev.claimaudit.git.FileDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The placeholder scanner on one core, in added lines per second: every line of a generated
 * corpus of one language counts as added (see {@link Corpus}).
 *
 * <ul>
 *   <li>{@code scan}: the scanner as the audit runs it, keyword prefilter and pattern check first;
 *   <li>{@code prefilterOff}: the same rules with no prefilter: the file lexed, every applicable
 *       rule's pattern run on every line, the region of each match checked;
 *   <li>{@code keywordsByIndex}: the literal prefilter alone, one pass of the keyword automaton per line;
 *   <li>{@code keywordsByContains}: the literal prefilter as it was before the automaton: each line
 *       lowered, then {@code contains} for every keyword of every rule.
 * </ul>
 *
 * The forked JVM runs with the flags {@code bin/audit} uses (C1 only, serial GC).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScannerBenchmark {
  @Param({"java", "python", "typescript", "go", "rust"})
  public String language;

  private PlaceholderScanner scanner;
  private Catalog catalog;
  private List<Corpus.File> files;
  private List<FileDiff> diffs;
  private List<List<Rule>> rulesPerFile;
  private List<KeywordIndex> indexPerFile;

  @Setup(Level.Trial)
  public void setUp() {
    catalog = new CatalogLoader().builtIn();
    scanner = new PlaceholderScanner(catalog, PathFilter.defaults());
    files = Corpus.generate(Language.parse(language), 42L);
    diffs = new ArrayList<>();
    for (Corpus.File file : files) {
      diffs.add(FileDiff.of(file.lines(), file.text()));
    }
    rulesPerFile = new ArrayList<>();
    indexPerFile = new ArrayList<>();
    for (Corpus.File file : files) {
      Language lang = Language.of(file.path()).orElseThrow();
      boolean test = TestFiles.isTest(file.path());
      List<Rule> rules = catalog.rulesFor(lang).stream().filter(rule -> rule.appliesTo(lang, test)).toList();
      rulesPerFile.add(rules);
      indexPerFile.add(KeywordIndex.of(rules.stream().map(Rule::keywords).toList()));
    }
    int lines = files.stream().mapToInt(file -> file.lines().size()).sum();
    if (lines != Corpus.LINES) {
      throw new IllegalStateException("corpus has " + lines + " lines, expected " + Corpus.LINES);
    }
  }

  @Benchmark
  @OperationsPerInvocation(Corpus.LINES)
  public void scan(Blackhole blackhole) {
    for (int i = 0; i < files.size(); i++) {
      blackhole.consume(scanner.scan(files.get(i).path(), diffs.get(i)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(Corpus.LINES)
  public int keywordsByIndex() {
    int candidates = 0;
    for (int i = 0; i < files.size(); i++) {
      KeywordIndex index = indexPerFile.get(i);
      for (AddedLine line : files.get(i).lines()) {
        if (index.anyIn(line.text())) {
          candidates++;
        }
      }
    }
    return candidates;
  }

  @Benchmark
  @OperationsPerInvocation(Corpus.LINES)
  public int keywordsByContains() {
    int candidates = 0;
    for (int i = 0; i < files.size(); i++) {
      List<Rule> rules = rulesPerFile.get(i);
      for (AddedLine line : files.get(i).lines()) {
        if (anyKeyword(line.text().toLowerCase(Locale.ROOT), rules)) {
          candidates++;
        }
      }
    }
    return candidates;
  }

  private static boolean anyKeyword(String lower, List<Rule> rules) {
    for (Rule rule : rules) {
      for (String keyword : rule.keywords()) {
        if (lower.contains(keyword)) {
          return true;
        }
      }
    }
    return false;
  }

  @Benchmark
  @OperationsPerInvocation(Corpus.LINES)
  public void prefilterOff(Blackhole blackhole) {
    for (int i = 0; i < files.size(); i++) {
      Corpus.File file = files.get(i);
      Language lang = Language.of(file.path()).orElseThrow();
      List<Rule> rules = rulesPerFile.get(i);
      LexedText lexed = Lexer.lex(lang, file.text());
      List<Finding> found = new ArrayList<>();
      for (AddedLine line : file.lines()) {
        for (Rule rule : rules) {
          Matcher matcher = rule.pattern().matcher(line.text());
          if (matcher.find() && lexed.regionAt(line.number(), matcher.start()) == rule.region()) {
            found.add(null);
            break;
          }
        }
      }
      blackhole.consume(found);
    }
  }
}
