package dev.claimaudit.checks.dynamic;

import dev.claimaudit.text.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment the tests run in: the audit's own, less everything that could be a secret.
 * The tests are the change's code, so they must not see the credentials of the job that audits it.
 * A variable goes when its name looks secret, or when its value is a secret by its form (the
 * shapes the reports mask, {@link Secrets}), whatever it is called.
 */
final class SafeEnvironment {
  /** Name fragments of variables that hold credentials, matched case-insensitively anywhere in the name. */
  private static final List<String> SECRET_FRAGMENTS = List.of(
      "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "KEY", "CREDENTIAL", "AUTH", "PRIVATE", "JWT", "COOKIE",
      "SESSION", "DSN", "SIGNING", "ASKPASS");
  /** A URL with a password in it, whatever the variable is called. */
  private static final Pattern URL_WITH_PASSWORD = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://[^/@\\s:]+:[^/@\\s]+@");
  /** git's configuration by environment: {@code GIT_CONFIG_COUNT} and its numbered key and value pairs. */
  private static final String CONFIG_COUNT = "GIT_CONFIG_COUNT";
  private static final Pattern CONFIG_PAIR = Pattern.compile("GIT_CONFIG_(KEY|VALUE)_(\\d{1,9})");
  /** Configuration keys whose values are credentials: an extra HTTP header, a credential helper's settings, a password. */
  private static final Pattern SECRET_CONFIG_KEY = Pattern.compile(
      "(?i)http\\..*extraheader|credential\\..*|.*\\.(?:password|token|secret|passwd)|.*\\.proxyauthmethod");

  private SafeEnvironment() {}

  /** The scrubbed environment, and the names taken out of it. */
  record Scrubbed(Map<String, String> env, List<String> removed) {}

  static Scrubbed scrub(Map<String, String> env, List<String> passEnv) {
    Map<String, String> kept = new TreeMap<>();
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
      String name = entry.getKey();
      if (name.equals(CONFIG_COUNT) || CONFIG_PAIR.matcher(name).matches()) {
        continue;
      }
      if (!passEnv.contains(name) && secret(name, entry.getValue())) {
        removed.add(name);
      } else {
        kept.put(name, entry.getValue());
      }
    }
    gitConfig(env, passEnv, kept, removed);
    kept.put("CI", "true");
    kept.put("FORCE_COLOR", "0");
    kept.put("NO_COLOR", "1");
    kept.put("PYTHONDONTWRITEBYTECODE", "1");
    return new Scrubbed(Map.copyOf(kept), List.copyOf(removed.stream().sorted().toList()));
  }

  static boolean secret(String name, String value) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (String fragment : SECRET_FRAGMENTS) {
      if (upper.contains(fragment)) {
        return true;
      }
    }
    return Secrets.secretName(name) || value != null && (URL_WITH_PASSWORD.matcher(value).find() || Secrets.secretValue(value));
  }

  /**
   * Keeps the pairs of git's environment configuration that carry no credential, renumbered, with
   * a count that matches them: git refuses to run when {@code GIT_CONFIG_COUNT} names a key that
   * is not there, so a count and its pairs are kept or dropped together. A count that is not a
   * number, or names a pair that is missing, drops the whole set.
   */
  private static void gitConfig(Map<String, String> env, List<String> passEnv, Map<String, String> kept, List<String> removed) {
    List<String> family = new ArrayList<>();
    for (String name : env.keySet()) {
      if (name.equals(CONFIG_COUNT) || CONFIG_PAIR.matcher(name).matches()) {
        family.add(name);
      }
    }
    if (family.isEmpty()) {
      return;
    }
    int count;
    try {
      count = Integer.parseInt(env.getOrDefault(CONFIG_COUNT, "").strip());
    } catch (NumberFormatException e) {
      count = -1;
    }
    List<String[]> pairs = new ArrayList<>();
    boolean complete = count >= 0;
    for (int i = 0; complete && i < count; i++) {
      String key = env.get("GIT_CONFIG_KEY_" + i);
      String value = env.get("GIT_CONFIG_VALUE_" + i);
      if (key == null || value == null) {
        complete = false;
      } else {
        pairs.add(new String[] {key, value, Integer.toString(i)});
      }
    }
    if (!complete) {
      removed.addAll(family);
      return;
    }
    Set<String> used = new java.util.HashSet<>(Set.of(CONFIG_COUNT));
    int next = 0;
    for (String[] pair : pairs) {
      String keyName = "GIT_CONFIG_KEY_" + pair[2];
      String valueName = "GIT_CONFIG_VALUE_" + pair[2];
      used.add(keyName);
      used.add(valueName);
      boolean passed = passEnv.contains(keyName) || passEnv.contains(valueName);
      if (!passed && (SECRET_CONFIG_KEY.matcher(pair[0]).matches() || secret(pair[0].replace('.', '_'), pair[1]))) {
        removed.add(keyName);
        removed.add(valueName);
        continue;
      }
      kept.put("GIT_CONFIG_KEY_" + next, pair[0]);
      kept.put("GIT_CONFIG_VALUE_" + next, pair[1]);
      next++;
    }
    if (next > 0) {
      kept.put(CONFIG_COUNT, Integer.toString(next));
    }
    for (String name : family) {
      Matcher pair = CONFIG_PAIR.matcher(name);
      boolean beyondCount = pair.matches() && !used.contains(name);
      if (beyondCount || name.equals(CONFIG_COUNT) && next == 0) {
        removed.add(name);
      }
    }
  }
}
