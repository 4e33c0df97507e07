package dev.claimaudit.checks.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.claimaudit.checks.SettingsException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DynamicSettingsTest {
  private static DynamicSettings parse(String json) throws Exception {
    return DynamicSettings.parse(new ObjectMapper().readTree(json), false);
  }

  @Test
  void offByDefaultAndOnWithTheFlagOrThePolicy() throws Exception {
    assertThat(DynamicSettings.parse(MissingNode.getInstance(), false).enabled()).isFalse();
    assertThat(DynamicSettings.parse(MissingNode.getInstance(), true).enabled()).isTrue();
    assertThat(parse("{\"enabled\": true}").enabled()).isTrue();
    assertThat(parse("{\"enabled\": false}").timeout()).isEqualTo(Duration.ofMinutes(10));
  }

  @ParameterizedTest
  @CsvSource({"90, PT1M30S", "'\"45s\"', PT45S", "'\"10m\"', PT10M", "'\"1h\"', PT1H", "'\"2 minutes\"', PT2M"})
  void timeoutsInSecondsOrWithAUnit(String value, Duration expected) throws Exception {
    assertThat(parse("{\"timeout\": " + value + "}").timeout()).isEqualTo(expected);
  }

  @Test
  void sizesInBytesOrWithAUnit() throws Exception {
    assertThat(parse("{\"maxOutput\": \"512KiB\"}").maxOutput()).isEqualTo(512 * 1024);
    assertThat(parse("{\"maxOutput\": 65536}").maxOutput()).isEqualTo(65536);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"colour\": true}|policy: dynamic.colour is not a setting",
      "{\"enabled\": \"yes\"}|policy: dynamic.enabled must be true or false",
      "{\"timeout\": 0}|policy: dynamic.timeout must be a duration from 1s to 24h",
      "{\"timeout\": \"forever\"}|policy: dynamic.timeout must be a duration",
      "{\"timeout\": \"25h\"}|policy: dynamic.timeout must be a duration",
      "{\"maxOutput\": 10}|policy: dynamic.maxOutput must be a size from 4KiB to 64MiB",
      "{\"command\": \"\"}|policy: dynamic.command must be a non-empty command line",
      "{\"command\": \"make test T={tests}\"}|policy: dynamic.command has an unknown placeholder {tests}",
      "{\"report\": \"build/*.xml\"}|policy: dynamic.report is only read together with dynamic.command",
      "{\"command\": \"make test\", \"report\": \"../elsewhere/*.xml\"}|policy: dynamic.report must be a glob inside the work tree",
      "{\"passEnv\": [\"OK_NAME\", \"not a name\"]}|policy: dynamic.passEnv must list variable names",
      "[1, 2]|policy: dynamic must be a mapping of settings"})
  void badValuesNameTheKey(String json, String message) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(SettingsException.class).hasMessageStartingWith(message);
  }

  @Test
  void aCommandKeepsItsPlaceholdersForTheRun() throws Exception {
    DynamicSettings settings = parse("{\"command\": \"make test FILES={files} REPORT={report}\", \"report\": \"build/*.xml\", \"passEnv\": [\"FEATURE_KEY\"]}");

    assertThat(settings.command()).isEqualTo("make test FILES={files} REPORT={report}");
    assertThat(settings.report()).isEqualTo("build/*.xml");
    assertThat(settings.passEnv()).containsExactly("FEATURE_KEY");
  }
}
