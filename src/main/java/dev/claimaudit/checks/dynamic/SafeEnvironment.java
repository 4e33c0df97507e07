package dev.claimaudit.checks.dynamic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment the tests run in: the audit's own, less everything that could be a secret.
 * The tests are the change's code, so they must not see the credentials of the job that audits it.
 */
final class SafeEnvironment {
  /** Name fragments of variables that hold credentials, matched case-insensitively. */
  private static final List<String> SECRET_FRAGMENTS = List.of(
      "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "KEY", "CREDENTIAL", "AUTH", "PRIVATE", "JWT", "COOKIE",
      "SESSION", "DSN", "SIGNING", "ASKPASS");
  private static final Set<String> SECRET_NAMES = Set.of("DATABASE_URL", "REDIS_URL", "AMQP_URL", "MONGODB_URI", "NETRC");
  /** A URL with a password in it, whatever the variable is called. */
  private static final Pattern URL_WITH_PASSWORD = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://[^/@\\s:]+:[^/@\\s]+@");

  private SafeEnvironment() {}

  /** The scrubbed environment, and the names taken out of it. */
  record Scrubbed(Map<String, String> env, List<String> removed) {}

  static Scrubbed scrub(Map<String, String> env, List<String> passEnv) {
    Map<String, String> kept = new TreeMap<>();
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
      String name = entry.getKey();
      if (!passEnv.contains(name) && secret(name, entry.getValue())) {
        removed.add(name);
      } else {
        kept.put(name, entry.getValue());
      }
    }
    kept.put("CI", "true");
    kept.put("FORCE_COLOR", "0");
    kept.put("NO_COLOR", "1");
    kept.put("PYTHONDONTWRITEBYTECODE", "1");
    return new Scrubbed(Map.copyOf(kept), List.copyOf(removed));
  }

  static boolean secret(String name, String value) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (SECRET_NAMES.contains(upper)) {
      return true;
    }
    for (String fragment : SECRET_FRAGMENTS) {
      if (upper.contains(fragment)) {
        return true;
      }
    }
    return value != null && URL_WITH_PASSWORD.matcher(value).find();
  }
}
