package dev.claimaudit.text;

import dev.claimaudit.verdict.Verdict;
import dev.claimaudit.checks.CheckRun;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.Suppression;
import dev.claimaudit.claims.Claim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text that a verdict carries out of the process: the lines a finding
 * quotes, claim texts, evidence and notes. A diff line that holds a token next to a placeholder
 * must not publish the token in a report or a CI log. Masked are well-known token shapes,
 * secret-looking assignments, passwords in URLs, and the values of the environment's secret
 * variables wherever they appear.
 */
public final class Secrets {
  static final String MASK = "[redacted]";

  /** Values shorter than this are not masked by value: too many innocent words would go. */
  private static final int MIN_ENV_SECRET = 8;

  private static final Pattern SECRET_ENV_NAME = Pattern.compile("(?i).*(token|secret|password|passwd|credential|api_?key|private_?key|access_?key).*");

  /**
   * A secret's pattern and text that every match holds, checked first: most texts hold no secret,
   * and a substring search costs far less than a regular expression.
   */
  private record Shape(List<String> anyOf, boolean ignoreCase, Pattern pattern) {
    boolean mayMatch(String text, String lower) {
      String haystack = ignoreCase ? lower : text;
      for (String literal : anyOf) {
        if (haystack.contains(literal)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Whole matches are secrets. Quantifiers are bounded or possessive so a long line stays linear. */
  private static final List<Shape> TOKENS = List.of(
      new Shape(List.of("-----BEGIN "), false, Pattern.compile("-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----")),
      new Shape(List.of("AKIA", "ASIA"), false, Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
      new Shape(List.of("gh"), false, Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,255}+")),
      new Shape(List.of("github_pat_"), false, Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,255}+")),
      new Shape(List.of("glpat-"), false, Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,255}+")),
      new Shape(List.of("xox"), false, Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,255}+")),
      new Shape(List.of("sk-"), false, Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,255}+")),
      new Shape(List.of("AIza"), false, Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}")),
      new Shape(List.of("eyJ"), false, Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,2000}+\\.[A-Za-z0-9_-]{10,2000}+\\.[A-Za-z0-9_-]{10,2000}+")));

  /** Group 1 is the secret: the value of a secret-named key, or a URL's password. */
  private static final List<Shape> VALUES = List.of(
      new Shape(List.of("password", "passwd", "pwd", "secret", "token", "api", "access", "private", "auth"), true, Pattern.compile(
          "(?i)(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret|auth)"
              + "[\"']?\\s{0,5}[:=]{1,2}\\s{0,5}[\"']?([^\\s\"'`,;]{8,500}+)")),
      new Shape(List.of("://"), false, Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,20}://[^/\\s:@]{1,200}+:([^@\\s/]{1,200}+)@")));

  private final List<String> envSecrets;

  private Secrets(List<String> envSecrets) {
    this.envSecrets = envSecrets;
  }

  /** Masks token shapes and secret assignments, and the values of {@code env}'s secret-named variables. */
  public static Secrets fromEnvironment(Map<String, String> env) {
    List<String> values = new ArrayList<>();
    env.forEach((name, value) -> {
      if (value != null && value.length() >= MIN_ENV_SECRET && SECRET_ENV_NAME.matcher(name).matches()) {
        values.add(value);
      }
    });
    values.sort(Comparator.comparingInt(String::length).reversed());
    return new Secrets(List.copyOf(values));
  }

  /** {@code text} with every secret it holds replaced by {@value #MASK}; {@code null} stays {@code null}. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    // A mask can make a longer value out of what was too short to be one ("pwd://=:x@"), so masking
    // repeats until nothing changes. It ends: every pass that changes the text masks text that was
    // not a mask, of which there is less each time.
    String out = text;
    String masked = maskOnce(out);
    while (!masked.equals(out)) {
      out = masked;
      masked = maskOnce(out);
    }
    return out;
  }

  private String maskOnce(String text) {
    String out = text;
    for (String value : envSecrets) {
      out = out.replace(value, MASK);
    }
    String lower = out.toLowerCase(Locale.ROOT);
    for (Shape token : TOKENS) {
      if (token.mayMatch(out, lower)) {
        out = token.pattern().matcher(out).replaceAll(MASK);
      }
    }
    for (Shape value : VALUES) {
      if (value.mayMatch(out, lower)) {
        out = maskGroup(value.pattern(), out);
      }
    }
    return out;
  }

  private static String maskGroup(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (matcher.find()) {
      if (matcher.group(1).startsWith(MASK)) {
        continue;
      }
      out.append(text, at, matcher.start(1)).append(MASK);
      at = matcher.end(1);
    }
    return at == 0 ? text : out.append(text, at, text.length()).toString();
  }

  /** The verdict with every text that quotes the change or its messages masked; outcome and counts unchanged. */
  public Verdict redact(Verdict verdict) {
    // Many claims share the same contradicting findings: each is masked once.
    Map<Finding, Finding> masked = new IdentityHashMap<>();
    Function<Finding, Finding> redactFinding = finding -> masked.computeIfAbsent(finding, this::redact);
    return new Verdict(
        verdict.outcome(),
        verdict.range(),
        verdict.claims().stream().map(result -> redact(result, redactFinding)).toList(),
        verdict.findings().stream().map(redactFinding).toList(),
        verdict.checks().stream().map(run -> new CheckRun(run.name(), run.status(), run.millis(), redact(run.note()))).toList(),
        verdict.inputs(),
        verdict.notes().stream().map(this::redact).toList(),
        verdict.cached(),
        verdict.addedIn());
  }

  private ClaimResult redact(ClaimResult result, Function<Finding, Finding> redactFinding) {
    Claim claim = result.claim();
    Claim masked = claim.withText(redact(claim.text()));
    return new ClaimResult(masked, result.status(), redact(result.evidence()), result.path(),
        result.contradictedBy().stream().map(redactFinding).toList());
  }

  private Finding redact(Finding finding) {
    Suppression suppression = finding.suppression() == null ? null
        : new Suppression(finding.suppression().rule(), redact(finding.suppression().reason()), finding.suppression().until(),
            finding.suppression().line());
    return finding.toBuilder()
        .message(redact(finding.message()))
        .snippet(redact(finding.snippet()))
        .symbol(redact(finding.symbol()))
        .suppression(suppression)
        .build();
  }
}
