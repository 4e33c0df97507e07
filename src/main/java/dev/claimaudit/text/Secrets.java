package dev.claimaudit.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text that a verdict carries out of the process: the lines a finding
 * quotes, claim texts, evidence and notes. A diff line that holds a token next to a placeholder
 * must not publish the token in a report or a CI log. Masked are well-known token shapes,
 * private key blocks and long random-looking runs (a key's body), secret-looking assignments,
 * passwords in URLs, and the values of the environment's secret variables wherever they appear.
 * The same shapes tell which variables the tests of the dynamic check must not see:
 * {@link #secretName} and {@link #secretValue}.
 */
public final class Secrets {
  static final String MASK = "[redacted]";

  /** Values shorter than this are not masked by value: too many innocent words would go. */
  private static final int MIN_ENV_SECRET = 8;

  /** Words of a variable's name that mark it secret: {@code DEPLOY_PAT}, {@code NPM_PASS}, {@code DB_PWD}, {@code SLACK_WEBHOOK_URL}. */
  private static final Set<String> SECRET_WORDS = Set.of("TOKEN", "TOKENS", "SECRET", "SECRETS", "PASSWORD", "PASSWORDS", "PASSWD",
      "PASSPHRASE", "PASS", "PWD", "PAT", "KEY", "KEYS", "APIKEY", "AUTH", "AUTHORIZATION", "BEARER", "CREDENTIAL", "CREDENTIALS",
      "CREDS", "PRIVATE", "JWT", "COOKIE", "COOKIES", "DSN", "SIGNING", "ASKPASS", "WEBHOOK", "WEBHOOKS", "NETRC", "SAS");
  /** Parts of a word that mark it secret even inside a longer one: {@code GITHUBTOKEN}, {@code DBPASSWORD}. */
  private static final List<String> SECRET_PARTS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "CREDENTIAL", "APIKEY",
      "WEBHOOK", "PRIVATEKEY", "ACCESSKEY", "CONNECTIONSTRING");
  /** Names that are secret as a whole. */
  private static final Set<String> SECRET_NAMES = Set.of("DATABASE_URL", "REDIS_URL", "AMQP_URL", "MONGODB_URI", "NETRC");
  /** Names that hold a secret word but never a secret: the shell's working directories. */
  private static final Set<String> NOT_SECRET = Set.of("PWD", "OLDPWD");
  private static final Pattern NAME_WORDS = Pattern.compile("[^A-Z0-9]+");
  /** A value that is a credential by its form, whatever it is called: an HTTP authorization, a netrc entry. */
  private static final Pattern CREDENTIAL_VALUE = Pattern.compile(
      "(?i)\\b(?:proxy-)?authorization\\s{0,5}:|\\bbearer\\s{1,5}[A-Za-z0-9._~+/=-]{8,}|\\bbasic\\s{1,5}[A-Za-z0-9+/=]{8,}"
          + "|\\bmachine\\s{1,20}\\S{1,200}\\s{1,20}(?:login\\s{1,20}\\S{1,200}\\s{1,20})?password\\s{1,20}\\S");
  /** A private key block, masked line by line so that a text keeps its line count. */
  private static final Pattern KEY_BLOCK = Pattern.compile(
      "-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\\s\\S]{0,20000}?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)");
  /** A long run of base64 letters: a key's body line, a secret that has no known prefix. */
  private static final Pattern RANDOM_RUN = Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40,4096}+={0,2}");

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
      new Shape(List.of("k_live_", "k_test_"), false, Pattern.compile("\\b[sr]k_(?:live|test)_[A-Za-z0-9]{10,255}+")),
      new Shape(List.of("npm_"), false, Pattern.compile("\\bnpm_[A-Za-z0-9]{30,255}+")),
      new Shape(List.of("hf_"), false, Pattern.compile("\\bhf_[A-Za-z0-9]{30,255}+")),
      new Shape(List.of("shp"), false, Pattern.compile("\\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32,255}+")),
      new Shape(List.of("dop_v1_"), false, Pattern.compile("\\bdop_v1_[a-f0-9]{40,255}+")),
      new Shape(List.of("SG."), false, Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{16,64}+\\.[A-Za-z0-9_-]{16,128}+")),
      new Shape(List.of("AGE-SECRET-KEY-"), false, Pattern.compile("AGE-SECRET-KEY-1[0-9A-Z]{40,80}+")),
      new Shape(List.of("hooks.slack.com"), true, Pattern.compile("(?i)https?://hooks\\.slack\\.com/[A-Za-z0-9/_-]{8,400}+")),
      new Shape(List.of("/api/webhooks/"), false, Pattern.compile("https?://[A-Za-z0-9.-]{1,100}/api/webhooks/[0-9]{5,30}/[A-Za-z0-9_-]{20,200}+")),
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

  /**
   * Masks token shapes and secret assignments, and the values of {@code env}'s secret variables:
   * those with a secret name, and those whose value is a secret by its form whatever the name.
   */
  public static Secrets fromEnvironment(Map<String, String> env) {
    List<String> values = new ArrayList<>();
    env.forEach((name, value) -> {
      if (value != null && value.length() >= MIN_ENV_SECRET && (secretName(name) || secretValue(value))) {
        values.add(value);
      }
    });
    values.sort(Comparator.comparingInt(String::length).reversed());
    return new Secrets(List.copyOf(values));
  }

  /**
   * Whether a variable of this name holds a credential: one of its words is a secret word
   * ({@code TOKEN}, {@code PAT}, {@code PASS}, {@code PWD}, {@code KEY}, {@code AUTH}, {@code BEARER},
   * {@code WEBHOOK}, {@code NETRC} …), a word holds a longer one ({@code GITHUBTOKEN}), or it names
   * a connection string.
   */
  public static boolean secretName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (SECRET_NAMES.contains(upper)) {
      return true;
    }
    if (NOT_SECRET.contains(upper)) {
      return false;
    }
    if (upper.replaceAll("[^A-Z0-9]", "").contains("CONNECTIONSTRING")) {
      return true;
    }
    for (String word : NAME_WORDS.split(upper)) {
      if (SECRET_WORDS.contains(word)) {
        return true;
      }
      for (String part : SECRET_PARTS) {
        if (word.contains(part)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code value} holds a credential by its form: a token shape, a private key, a long
   * random-looking run, a secret assignment, a URL with a password, an HTTP authorization or a
   * netrc entry; the shapes a report masks.
   */
  public static boolean secretValue(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    return CREDENTIAL_VALUE.matcher(value).find() || !new Secrets(List.of()).maskOnce(value).equals(value);
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
      out = out.replace(value, value.indexOf('\n') < 0 ? MASK : maskedLines(value));
    }
    if (out.contains("-----BEGIN ")) {
      out = maskKeyBlocks(out);
    }
    out = maskRandomRuns(out);
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

  /** Every line of a private key block becomes one mask, so that line numbers stay true. */
  private static String maskKeyBlocks(String text) {
    Matcher matcher = KEY_BLOCK.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (matcher.find()) {
      out.append(text, at, matcher.start()).append(maskedLines(matcher.group()));
      at = matcher.end();
    }
    return at == 0 ? text : out.append(text, at, text.length()).toString();
  }

  /** {@code secret} as one mask per line it spans, blank lines kept. */
  private static String maskedLines(String secret) {
    String[] lines = secret.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(i == 0 ? "" : "\n").append(lines[i].isBlank() ? lines[i] : MASK);
    }
    return out.toString();
  }

  /**
   * Runs of 40 or more base64 letters that look random (upper and lower case and digits mixed,
   * many distinct letters, few slashes), as a key's body line or an unprefixed token does; paths,
   * identifiers and hex digests do not.
   */
  private static String maskRandomRuns(String text) {
    if (text.length() < 40) {
      return text;
    }
    Matcher matcher = RANDOM_RUN.matcher(text);
    StringBuilder out = null;
    int at = 0;
    while (matcher.find()) {
      if (!random(matcher.group())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, at, matcher.start()).append(MASK);
      at = matcher.end();
    }
    return out == null ? text : out.append(text, at, text.length()).toString();
  }

  private static boolean random(String run) {
    int upper = 0;
    int lower = 0;
    int digits = 0;
    int slashes = 0;
    boolean[] seen = new boolean[128];
    int distinct = 0;
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      upper += c >= 'A' && c <= 'Z' ? 1 : 0;
      lower += c >= 'a' && c <= 'z' ? 1 : 0;
      digits += c >= '0' && c <= '9' ? 1 : 0;
      slashes += c == '/' ? 1 : 0;
      if (c < 128 && !seen[c]) {
        seen[c] = true;
        distinct++;
      }
    }
    return upper >= 2 && lower >= 2 && digits >= 2 && slashes * 12 < run.length() && distinct >= 22;
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
}
