package dev.claimaudit.rules;

import dev.claimaudit.lang.Language;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimaudit.rules.Rule.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule files are validated into records, with errors that name the file, the rule and the field. */
class CatalogLoaderTest {
  private final CatalogLoader loader = new CatalogLoader();

  /** A valid rule with {@code extra} fields added or replaced (JSON members, without braces). */
  private static String rule(String extra) {
    String base = "\"id\": \"demo-rule\", \"languages\": [\"python\", \"ruby\"], \"class\": \"hard-stub\", \"in\": \"code\","
        + " \"pattern\": \"\\\\bstub\\\\(\", \"keywords\": [\"stub(\"], \"title\": \"stub()\", \"rationale\": \"A stub.\","
        + " \"match\": [\"stub()\"]";
    return "{\"rules\": [{" + base + (extra.isEmpty() ? "" : ", " + extra) + "}]}";
  }

  private List<Rule> parse(String json) {
    return loader.parse("user.json", json, new HashSet<>());
  }

  @Test
  void aValidRuleWithContextFieldsBecomesARecord() {
    Rule rule = parse(rule("\"scope\": \"tests\", \"ifPrevious\": \"^def \", \"unlessInside\": \"@abstract\","
        + " \"noMatch\": [\"[ruby] # stub()\"]")).get(0);

    assertThat(rule.id()).isEqualTo("demo-rule");
    assertThat(rule.languages()).containsExactly(Language.PYTHON, Language.RUBY);
    assertThat(rule.primaryLanguage()).isEqualTo(Language.PYTHON);
    assertThat(rule.ruleClass()).isEqualTo(RuleClass.HARD_STUB);
    assertThat(rule.scope()).isEqualTo(Scope.TESTS);
    assertThat(rule.ifPrevious()).hasValueSatisfying(pattern -> assertThat(pattern.pattern()).isEqualTo("^def "));
    assertThat(rule.unlessInside()).hasValueSatisfying(pattern -> assertThat(pattern.pattern()).isEqualTo("@abstract"));
    assertThat(rule.match()).containsExactly(new Rule.Example(Language.PYTHON, "stub()"));
    assertThat(rule.noMatch()).containsExactly(new Rule.Example(Language.RUBY, "# stub()"));
  }

  @Test
  void withoutContextFieldsTheRuleHasNone() {
    Rule rule = parse(rule("")).get(0);

    assertThat(rule.scope()).isEqualTo(Scope.ANY);
    assertThat(rule.ifPrevious()).isEmpty();
    assertThat(rule.unlessInside()).isEmpty();
    assertThat(rule.noMatch()).isEmpty();
  }

  @Test
  void aPatternThatDoesNotCompileNamesTheRuleAndTheField() {
    assertThatThrownBy(() -> parse(rule("\"unlessInside\": \"(unclosed\"")))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("user.json: rule `demo-rule`: unlessInside does not compile: ");
    assertThatThrownBy(() -> parse(rule("\"ifPrevious\": \"[\"")))
        .hasMessageStartingWith("user.json: rule `demo-rule`: ifPrevious does not compile: ");
  }

  @Test
  void anUnknownFieldIsAnError() {
    assertThatThrownBy(() -> parse(rule("\"unless-previous\": \"x\"")))
        .hasMessage("user.json: rule `demo-rule`: unknown field `unless-previous`");
  }

  @Test
  void anUnknownScopeIsAnError() {
    assertThatThrownBy(() -> parse(rule("\"scope\": \"docs\"")))
        .hasMessage("user.json: rule `demo-rule`: scope: must be any, tests or sources");
  }

  @Test
  void anExampleTaggedWithAnotherLanguageIsAnError() {
    assertThatThrownBy(() -> parse(rule("\"noMatch\": [\"[java] stub();\"]")))
        .hasMessage("user.json: rule `demo-rule`: noMatch #1: tag [java] is not one of the rule's languages");
    assertThatThrownBy(() -> parse(rule("\"noMatch\": [\"ok\", \"[cobol] STUB\"]")))
        .hasMessage("user.json: rule `demo-rule`: noMatch #2: unknown language tag [cobol]");
  }

  @Test
  void aRuleWithoutMatchExamplesIsAnError() {
    String json = rule("").replace("\"match\": [\"stub()\"]", "\"match\": []");
    assertThatThrownBy(() -> parse(json)).hasMessage("user.json: rule `demo-rule`: match: must give at least one example");
  }

  @Test
  void anIdTakenByTheCatalogIsAnError() {
    Set<String> taken = new HashSet<>(Set.of("demo-rule"));
    assertThatThrownBy(() -> loader.parse("user.json", rule(""), taken))
        .hasMessage("user.json: rule `demo-rule`: id is used by another rule");
  }

  @Test
  void invalidJsonNamesTheFile() {
    assertThatThrownBy(() -> parse("{\"rules\": [")).hasMessageStartingWith("user.json: not valid JSON: ");
  }
}
