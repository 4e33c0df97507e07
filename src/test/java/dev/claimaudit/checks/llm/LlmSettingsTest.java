package dev.claimaudit.checks.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.claimaudit.checks.SettingsException;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.checks.llm.LlmSettings.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlmSettingsTest {
  private static final ObjectMapper YAML = new YAMLMapper();

  private static LlmSettings parse(String yaml) throws Exception {
    return LlmSettings.parse(YAML.readTree(yaml));
  }

  @Test
  void aFullBlockAsAPolicyFileWritesIt() throws Exception {
    LlmSettings settings = parse("""
        enabled: true
        endpoint: https://models.example.com/openai/v1?api-version=2024-10-21
        model: gpt-oss:120b
        api-key-env: MODEL_API_KEY
        timeout-seconds: 90
        input-budget: 100000
        max-findings: 5
        required: true
        severity: info
        response-format: json-object
        """);

    assertThat(settings.endpoint()).hasToString("https://models.example.com/openai/v1/chat/completions?api-version=2024-10-21");
    assertThat(settings.endpointForDisplay()).isEqualTo("https://models.example.com/openai/v1/chat/completions");
    assertThat(settings.model()).isEqualTo("gpt-oss:120b");
    assertThat(settings.apiKeyEnv()).isEqualTo("MODEL_API_KEY");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.inputBudget()).isEqualTo(100_000);
    assertThat(settings.maxFindings()).isEqualTo(5);
    assertThat(settings.required()).isTrue();
    assertThat(settings.severity()).isEqualTo(Severity.INFO);
    assertThat(settings.responseFormat()).isEqualTo(LlmSettings.ResponseFormat.JSON_OBJECT);
  }

  @ParameterizedTest
  @CsvSource({
      "http://localhost:11434, http://localhost:11434/v1/chat/completions",
      "http://localhost:11434/, http://localhost:11434/v1/chat/completions",
      "http://localhost:11434/v1, http://localhost:11434/v1/chat/completions",
      "http://127.0.0.1:8080/v1/, http://127.0.0.1:8080/v1/chat/completions",
      "https://api.example.com/v1/chat/completions, https://api.example.com/v1/chat/completions"})
  void anEndpointIsABaseUrlOrTheFullCompletionsAddress(String written, String used) throws Exception {
    assertThat(parse("endpoint: " + written).endpoint()).hasToString(used);
  }

  @Test
  void aMissingBlockIsTheDefaultsAndOnlyScreens() {
    LlmSettings settings = LlmSettings.parse(MissingNode.getInstance());

    assertThat(settings).isEqualTo(LlmSettings.defaults());
    assertThat(settings.mode(null)).isEqualTo(Mode.SCREEN);
    assertThat(settings.mode(false)).isEqualTo(Mode.OFF);
  }

  @Test
  void theCommandLineSwitchesDecideWithinThePolicy() throws Exception {
    LlmSettings configured = parse("endpoint: http://localhost:11434\nmodel: qwen2.5-coder");
    assertThat(configured.mode(null)).isEqualTo(Mode.SCREEN);
    assertThat(configured.mode(true)).isEqualTo(Mode.ASK);
    assertThat(configured.mode(false)).isEqualTo(Mode.OFF);

    LlmSettings enabled = parse("enabled: true\nendpoint: http://localhost:11434\nmodel: qwen2.5-coder\nrequired: true");
    assertThat(enabled.mode(null)).isEqualTo(Mode.ASK);
    assertThat(enabled.mode(false)).isEqualTo(Mode.OFF);

    LlmSettings disabled = parse("enabled: false\nendpoint: http://localhost:11434\nmodel: qwen2.5-coder");
    assertThat(disabled.mode(null)).isEqualTo(Mode.OFF);
    assertThat(disabled.mode(true)).isEqualTo(Mode.ASK);
  }

  @Test
  void askingAModelThatIsNotConfiguredIsABadPolicy() throws Exception {
    assertThatThrownBy(() -> LlmSettings.defaults().mode(true)).isInstanceOf(SettingsException.class)
        .hasMessage("--llm asks a model, but the policy does not set llm.endpoint and llm.model");
    assertThatThrownBy(() -> parse("enabled: true\nendpoint: http://localhost:11434").mode(null)).isInstanceOf(SettingsException.class)
        .hasMessage("llm.enabled asks a model, but the policy does not set llm.model");
    assertThatThrownBy(() -> parse("required: true\nmodel: m").mode(null)).isInstanceOf(SettingsException.class)
        .hasMessage("llm.required asks a model, but the policy does not set llm.endpoint");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "api-key: sk-123 | llm.api-key: a key is never read from the policy",
      "token: abc | llm.token: a key is never read from the policy",
      "endpoit: http://x | llm.endpoit: unknown key; known keys: enabled, endpoint, model",
      "enabled: yes please | llm.enabled: expected true or false, got \"yes please\"",
      "endpoint: ftp://host/v1 | llm.endpoint: expected an http:// or https:// URL with a host, got \"ftp://host/v1\"",
      "endpoint: 'https://user:pw@host/v1' | llm.endpoint: must not hold credentials",
      "endpoint: not a url at all | llm.endpoint: not a URL",
      "timeout-seconds: 0 | llm.timeout-seconds: expected a whole number from 1 to 3600, got 0",
      "timeout-seconds: '30' | llm.timeout-seconds: expected a whole number from 1 to 3600, got \"30\"",
      "input-budget: 10 | llm.input-budget: expected a whole number from 4000 to 2000000, got 10",
      "max-findings: 2.5 | llm.max-findings: expected a whole number from 1 to 500, got 2.5",
      "severity: fatal | llm.severity: expected one of block, info, warn, got \"fatal\"",
      "response-format: xml | llm.response-format: expected one of auto, json-object, json-schema, text, got \"xml\"",
      "api-key-env: 'MY KEY' | llm.api-key-env: expected the name of an environment variable",
      "model: [a, b] | llm.model: expected a string, got a list",
      "required: true\\nenabled: false | llm.required: is true while llm.enabled is false"})
  void anInvalidBlockNamesTheKeyAndTheProblem(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n"))).isInstanceOf(SettingsException.class).hasMessageStartingWith(message);
  }

  @Test
  void aKeyIsSentInTheClearOnlyToALoopbackAddress() throws Exception {
    assertThatThrownBy(() -> parse("endpoint: http://gpu-box.lan:8000/v1\napi-key-env: KEY")).isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("llm.endpoint: the API key would travel unencrypted to gpu-box.lan");
    assertThat(parse("endpoint: http://gpu-box.lan:8000/v1").endpoint()).hasToString("http://gpu-box.lan:8000/v1/chat/completions");
    assertThat(parse("endpoint: http://127.0.0.1:8000/v1\napi-key-env: KEY").apiKeyEnv()).isEqualTo("KEY");
    assertThat(parse("endpoint: http://[::1]:8000/v1\napi-key-env: KEY").apiKeyEnv()).isEqualTo("KEY");
  }

  @Test
  void aBlockThatIsNotAMappingIsRejected() throws Exception {
    JsonNode list = YAML.readTree("[1, 2]");
    assertThatThrownBy(() -> LlmSettings.parse(list)).isInstanceOf(SettingsException.class)
        .hasMessage("llm: expected a mapping of settings, got a list");
  }
}
