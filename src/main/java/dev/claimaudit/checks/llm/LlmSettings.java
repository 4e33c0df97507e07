package dev.claimaudit.checks.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.checks.SettingsException;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.text.Durations;
import dev.claimaudit.text.Texts;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The policy's {@code llm} block, validated. The API key is never part of it: {@code api-key-env}
 * names the environment variable that holds the key.
 *
 * @param enabled {@code llm.enabled}, or {@code null} when the policy does not say
 * @param endpoint the full {@code …/chat/completions} address, or {@code null} when not configured
 * @param model the model name sent with every request, or {@code null} when not configured
 * @param apiKeyEnv the environment variable holding the API key, or {@code null} for no key
 * @param timeout the most the check waits for the model, retries included
 * @param inputBudget the most characters of prompt sent to the model
 * @param maxFindings the most gaps reported
 * @param required a model that cannot be asked blocks the verdict
 * @param severity the severity of a gap the model names
 * @param responseFormat how the answer's JSON shape is requested
 */
public record LlmSettings(
    Boolean enabled,
    URI endpoint,
    String model,
    String apiKeyEnv,
    Duration timeout,
    int inputBudget,
    int maxFindings,
    boolean required,
    Severity severity,
    ResponseFormat responseFormat) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  public static final int DEFAULT_INPUT_BUDGET = 48_000;
  public static final int DEFAULT_MAX_FINDINGS = 20;

  private static final int MIN_INPUT_BUDGET = 4_000;
  private static final int MAX_INPUT_BUDGET = 2_000_000;
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final List<String> KEYS = List.of(
      "enabled", "endpoint", "model", "api-key-env", "timeout", "timeout-seconds", "input-budget", "max-findings", "required", "severity",
      "response-format");
  private static final List<String> SECRET_KEYS = List.of("api-key", "apikey", "api_key", "key", "token", "secret", "password");

  /** How the JSON shape of the answer is asked for. */
  public enum ResponseFormat {
    /** A JSON schema, then JSON mode, then plain text, as the server accepts them. */
    AUTO,
    /** {@code response_format: {type: json_schema}} only. */
    JSON_SCHEMA,
    /** {@code response_format: {type: json_object}} only. */
    JSON_OBJECT,
    /** No {@code response_format}: the first JSON object in the answer's text is read. */
    TEXT;

    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** What this run of the check does. */
  public enum Mode {
    /** Switched off: the check is skipped. */
    OFF,
    /** No model is asked; the untrusted text is only screened for injected instructions. */
    SCREEN,
    /** The model is asked, and the text it is shown is screened too. */
    ASK
  }

  public static LlmSettings defaults() {
    return new LlmSettings(null, null, null, null, DEFAULT_TIMEOUT, DEFAULT_INPUT_BUDGET, DEFAULT_MAX_FINDINGS, false, Severity.WARN,
        ResponseFormat.AUTO);
  }

  /** Validates the {@code llm} block; a missing block gives the defaults. */
  public static LlmSettings parse(JsonNode block) {
    if (block == null || block.isMissingNode() || block.isNull()) {
      return defaults();
    }
    if (!block.isObject()) {
      throw new SettingsException("llm: expected a mapping of settings, got " + describe(block));
    }
    for (Iterator<String> names = block.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (SECRET_KEYS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new SettingsException("llm." + name + ": a key is never read from the policy; put it in an environment variable and name "
            + "that variable in llm.api-key-env");
      }
      if (!KEYS.contains(name)) {
        throw new SettingsException("llm." + name + ": unknown key; known keys: " + String.join(", ", KEYS));
      }
    }
    Boolean enabled = block.has("enabled") ? bool(block, "enabled") : null;
    String apiKeyEnv = text(block, "api-key-env");
    if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv).matches()) {
      throw new SettingsException("llm.api-key-env: expected the name of an environment variable (letters, digits, _), got "
          + quote(apiKeyEnv));
    }
    URI endpoint = endpoint(text(block, "endpoint"), apiKeyEnv != null);
    String model = text(block, "model");
    if (model != null && (model.isBlank() || model.length() > 200 || model.chars().anyMatch(Character::isISOControl))) {
      throw new SettingsException("llm.model: expected a model name of 1 to 200 printable characters");
    }
    Duration timeout = timeout(block);
    int inputBudget = (int) integer(block, "input-budget", MIN_INPUT_BUDGET, MAX_INPUT_BUDGET, DEFAULT_INPUT_BUDGET);
    int maxFindings = (int) integer(block, "max-findings", 1, 500, DEFAULT_MAX_FINDINGS);
    boolean required = block.has("required") && bool(block, "required");
    if (required && Boolean.FALSE.equals(enabled)) {
      throw new SettingsException("llm.required: is true while llm.enabled is false; set one of them");
    }
    Severity severity = choice(block, "severity", Severity.WARN, Map.of("info", Severity.INFO, "warn", Severity.WARN, "block",
        Severity.BLOCK));
    ResponseFormat format = choice(block, "response-format", ResponseFormat.AUTO, Map.of(
        "auto", ResponseFormat.AUTO, "json-schema", ResponseFormat.JSON_SCHEMA, "json-object", ResponseFormat.JSON_OBJECT,
        "text", ResponseFormat.TEXT));
    return new LlmSettings(enabled, endpoint, model, apiKeyEnv, timeout, inputBudget, maxFindings, required, severity, format);
  }

  /**
   * What the check does for the command-line switch {@code flag} ({@code --llm} true, {@code --no-llm} false, neither null).
   * {@code --no-llm} always wins; {@code --llm} asks the model even when the policy says {@code enabled: false}.
   *
   * @throws SettingsException when the model is to be asked but no endpoint or model is configured
   */
  public Mode mode(Boolean flag) {
    if (Boolean.FALSE.equals(flag)) {
      return Mode.OFF;
    }
    boolean ask = Boolean.TRUE.equals(flag) || Boolean.TRUE.equals(enabled) || required;
    if (!ask) {
      return Boolean.FALSE.equals(enabled) ? Mode.OFF : Mode.SCREEN;
    }
    if (endpoint == null || model == null) {
      String why = Boolean.TRUE.equals(flag) ? "--llm" : required ? "llm.required" : "llm.enabled";
      String missing = endpoint == null && model == null ? "llm.endpoint and llm.model" : endpoint == null ? "llm.endpoint" : "llm.model";
      throw new SettingsException(why + " asks a model, but the policy does not set " + missing);
    }
    return Mode.ASK;
  }

  /** The endpoint as it may be shown in a report: scheme, host, port and path, never a query. */
  public String endpointForDisplay() {
    if (endpoint == null) {
      return "(none)";
    }
    return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
        + endpoint.getRawPath();
  }

  private static URI endpoint(String text, boolean sendsKey) {
    if (text == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new SettingsException("llm.endpoint: not a URL: " + quote(text));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()) {
      throw new SettingsException("llm.endpoint: expected an http:// or https:// URL with a host, got " + quote(text));
    }
    if (uri.getRawUserInfo() != null) {
      throw new SettingsException("llm.endpoint: must not hold credentials; name an environment variable in llm.api-key-env");
    }
    if (uri.getRawFragment() != null) {
      throw new SettingsException("llm.endpoint: must not have a #fragment");
    }
    if (sendsKey && scheme.equals("http") && !loopback(uri.getHost())) {
      throw new SettingsException("llm.endpoint: the API key would travel unencrypted to " + uri.getHost()
          + "; use https:// (plain http:// is accepted only for a loopback address)");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      path = "/v1/chat/completions";
    } else if (!path.endsWith("/chat/completions")) {
      path = path + "/chat/completions";
    }
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    try {
      return new URI(scheme + "://" + uri.getRawAuthority() + path + query);
    } catch (URISyntaxException e) {
      throw new SettingsException("llm.endpoint: not a URL: " + quote(text));
    }
  }

  static boolean loopback(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return bare.equalsIgnoreCase("localhost") || bare.startsWith("127.") || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
  }

  private static String text(JsonNode block, String key) {
    JsonNode node = block.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new SettingsException("llm." + key + ": expected a string, got " + describe(node));
    }
    return node.asText();
  }

  private static boolean bool(JsonNode block, String key) {
    JsonNode node = block.get(key);
    if (node == null || !node.isBoolean()) {
      throw new SettingsException("llm." + key + ": expected true or false, got " + describe(node));
    }
    return node.booleanValue();
  }

  /**
   * {@code timeout}, written as every time-out of the policy is (seconds, or {@code 90s}, {@code 5m});
   * {@code timeout-seconds}, a whole number of seconds, is its older name.
   */
  private static Duration timeout(JsonNode block) {
    if (block.has("timeout") && block.has("timeout-seconds")) {
      throw new SettingsException("llm.timeout-seconds: is the older name of llm.timeout; give one of them");
    }
    if (block.has("timeout-seconds")) {
      return Duration.ofSeconds(integer(block, "timeout-seconds", 1, 3600, DEFAULT_TIMEOUT.toSeconds()));
    }
    JsonNode node = block.get("timeout");
    if (node == null || node.isNull()) {
      return DEFAULT_TIMEOUT;
    }
    Optional<Duration> parsed = node.isIntegralNumber() && node.canConvertToLong() ? Optional.of(Duration.ofSeconds(node.longValue()))
        : node.isTextual() ? Durations.parse(node.textValue()) : Optional.empty();
    if (parsed.isEmpty() || parsed.get().compareTo(Duration.ofSeconds(1)) < 0 || parsed.get().compareTo(Duration.ofHours(1)) > 0) {
      throw new SettingsException("llm.timeout: must be a duration from 1s to 1h (a number of seconds, or like 90s, 5m), got " + describe(node));
    }
    return parsed.get();
  }

  private static long integer(JsonNode block, String key, long min, long max, long fallback) {
    JsonNode node = block.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || node.longValue() < min || node.longValue() > max) {
      throw new SettingsException("llm." + key + ": expected a whole number from " + min + " to " + max + ", got " + describe(node));
    }
    return node.longValue();
  }

  private static <T> T choice(JsonNode block, String key, T fallback, Map<String, T> choices) {
    String text = text(block, key);
    if (text == null) {
      return fallback;
    }
    T value = choices.get(text.strip().toLowerCase(Locale.ROOT));
    if (value == null) {
      throw new SettingsException("llm." + key + ": expected one of " + String.join(", ", choices.keySet().stream().sorted().toList())
          + ", got " + quote(text));
    }
    return value;
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return quote(node.asText());
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return Texts.truncate(node.toString(), 61);
  }

  private static String quote(String text) {
    return "\"" + UntrustedText.oneLine(text, 80) + "\"";
  }
}
