package dev.claimaudit.checks.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.checks.SettingsException;
import dev.claimaudit.text.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dynamic} block of the policy, validated.
 *
 * <pre>
 * dynamic:
 *   enabled: true            # same as --dynamic
 *   timeout: 10m             # wall clock for all test runs: seconds, or 90s / 10m / 1h
 *   maxOutput: 1MiB          # output kept per run for the report: bytes, or KiB / MiB
 *   command: "make test FILES='{files}'"   # replaces the detected runners
 *   report: "build/reports/*.xml"          # JUnit XML the command writes, if not {report}
 *   passEnv: [FEATURE_KEY]   # variables kept although their names look secret
 * </pre>
 *
 * @param command a shell command template, or {@code null} to detect the runners
 * @param report a glob of JUnit XML reports the command writes, relative to the work tree, or {@code null}
 */
public record DynamicSettings(
    boolean enabled, Duration timeout, int maxOutput, String command, String report, List<String> passEnv) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  public static final int DEFAULT_MAX_OUTPUT = 1024 * 1024;
  private static final Set<String> KEYS = Set.of("enabled", "timeout", "maxOutput", "command", "report", "passEnv");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)?");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(b|kib|kb|k|mib|mb|m)?");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final Set<String> PLACEHOLDERS = Set.of("files", "classes", "packages", "report");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  public DynamicSettings {
    passEnv = List.copyOf(passEnv);
  }

  public static DynamicSettings defaults() {
    return new DynamicSettings(false, DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT, null, null, List.of());
  }

  /** Reads the policy block; {@code flag} is {@code --dynamic}, which turns the check on whatever the block says. */
  public static DynamicSettings parse(JsonNode block, boolean flag) {
    if (block == null || block.isMissingNode() || block.isNull()) {
      return new DynamicSettings(flag, DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT, null, null, List.of());
    }
    if (!block.isObject()) {
      throw bad("dynamic", "must be a mapping of settings");
    }
    for (Iterator<String> names = block.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw bad("dynamic." + name, "is not a setting; use one of " + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
    boolean enabled = flag || bool(block.get("enabled"));
    Duration timeout = block.has("timeout") ? duration(block.get("timeout")) : DEFAULT_TIMEOUT;
    int maxOutput = block.has("maxOutput") ? size(block.get("maxOutput")) : DEFAULT_MAX_OUTPUT;
    String command = block.has("command") ? command(block.get("command")) : null;
    String report = block.has("report") ? report(block.get("report"), command) : null;
    List<String> passEnv = block.has("passEnv") ? names(block.get("passEnv")) : List.of();
    return new DynamicSettings(enabled, timeout, maxOutput, command, report, passEnv);
  }

  private static boolean bool(JsonNode node) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw bad("dynamic.enabled", "must be true or false, got " + describe(node));
    }
    return node.booleanValue();
  }

  private static Duration duration(JsonNode node) {
    Duration parsed = null;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      parsed = Duration.ofSeconds(node.longValue());
    } else if (node.isTextual()) {
      Matcher matcher = DURATION.matcher(node.textValue().strip().toLowerCase(Locale.ROOT));
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        parsed = unit.startsWith("h") ? Duration.ofHours(amount) : unit.startsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
      }
    }
    if (parsed == null || parsed.compareTo(Duration.ofSeconds(1)) < 0 || parsed.compareTo(Duration.ofHours(24)) > 0) {
      throw bad("dynamic.timeout", "must be a duration from 1s to 24h (a number of seconds, or like 90s, 10m, 1h), got " + describe(node));
    }
    return parsed;
  }

  private static int size(JsonNode node) {
    long bytes = -1;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      bytes = node.longValue();
    } else if (node.isTextual()) {
      Matcher matcher = SIZE.matcher(node.textValue().strip().toLowerCase(Locale.ROOT));
      if (matcher.matches()) {
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        long factor = unit.startsWith("m") ? 1024L * 1024 : unit.startsWith("k") ? 1024 : 1;
        bytes = Long.parseLong(matcher.group(1)) * factor;
      }
    }
    if (bytes < 4096 || bytes > 64L * 1024 * 1024) {
      throw bad("dynamic.maxOutput", "must be a size from 4KiB to 64MiB (bytes, or like 512KiB, 4MiB), got " + describe(node));
    }
    return (int) bytes;
  }

  private static String command(JsonNode node) {
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw bad("dynamic.command", "must be a non-empty command line, got " + describe(node));
    }
    String command = node.textValue().strip();
    if (command.length() > 4000 || command.indexOf('\0') >= 0 || command.indexOf('\n') >= 0) {
      throw bad("dynamic.command", "must be one line of at most 4000 characters");
    }
    Matcher placeholder = PLACEHOLDER.matcher(command);
    while (placeholder.find()) {
      if (!PLACEHOLDERS.contains(placeholder.group(1))) {
        throw bad("dynamic.command", "has an unknown placeholder {" + placeholder.group(1) + "}; use {files}, {classes}, {packages} or {report}");
      }
    }
    return command;
  }

  private static String report(JsonNode node, String command) {
    if (command == null) {
      throw bad("dynamic.report", "is only read together with dynamic.command");
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw bad("dynamic.report", "must be a glob of report files, got " + describe(node));
    }
    String glob = node.textValue().strip();
    if (glob.startsWith("/") || glob.contains("..") || glob.contains("\\")) {
      throw bad("dynamic.report", "must be a glob inside the work tree, like build/test-results/**/*.xml");
    }
    return glob;
  }

  private static List<String> names(JsonNode node) {
    if (!node.isArray()) {
      throw bad("dynamic.passEnv", "must be a list of variable names, got " + describe(node));
    }
    List<String> names = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual() || !ENV_NAME.matcher(item.textValue()).matches()) {
        throw bad("dynamic.passEnv", "must list variable names like FEATURE_KEY, got " + describe(item));
      }
      names.add(item.textValue());
    }
    return names;
  }

  private static String describe(JsonNode node) {
    String text = node.isTextual() ? "'" + node.textValue() + "'" : node.toString();
    return Texts.truncate(text, 60);
  }

  private static SettingsException bad(String key, String problem) {
    return new SettingsException("policy: " + key + " " + problem);
  }
}
