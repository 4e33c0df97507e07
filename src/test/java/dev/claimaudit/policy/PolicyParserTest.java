package dev.claimaudit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.checks.Severity;
import dev.claimaudit.rules.CatalogLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyParserTest {
  private static final PolicyParser PARSER = new PolicyParser(new CatalogLoader().builtIn(), Set.of("claim-file-contradicted", "kb-recurring"));

  private static Policy parse(String yaml) {
    return PARSER.parse(new PolicyText(".claim-audit.yml", "at base 1a2b3c4", yaml));
  }

  @Test
  void aFullPolicyIsReadWithTheOriginOfEveryValue() {
    Policy policy = parse("""
        version: 1
        fail-on: warn
        rules:
          todo-marker: info
          py-pass-only-test: off
          rs-todo-macro:
            severity: warn
          claim-file-contradicted:
            enabled: false
        matrix:
          hard-stub:
            hedged: block
        paths:
          default-ignore: false
          ignore: ["docs/", "**/fixtures/**"]
          tests: [qa/**]
          generated: ["*.pb.go"]
        kb:
          path: /var/cache/claim-audit
          escalation: {info: 3, warn: 4, block: never}
        dynamic:
          timeout: 30
        llm:
          model: small
        """);

    assertThat(policy.failOn()).isEqualTo(FailOn.WARN);
    assertThat(policy.rules().get("todo-marker")).isEqualTo(new RuleSetting(true, Severity.INFO));
    assertThat(policy.rules().get("py-pass-only-test")).isEqualTo(new RuleSetting(false, null));
    assertThat(policy.rules().get("rs-todo-macro")).isEqualTo(new RuleSetting(true, Severity.WARN));
    assertThat(policy.rules().get("claim-file-contradicted")).isEqualTo(new RuleSetting(false, null));
    assertThat(policy.matrix().severity(RuleClass.HARD_STUB, SeverityMatrix.Column.HEDGED)).isEqualTo(Severity.BLOCK);
    assertThat(policy.matrix().severity(RuleClass.HARD_STUB, SeverityMatrix.Column.NORMAL)).isEqualTo(Severity.BLOCK);
    assertThat(policy.ignore()).containsExactly("docs/**", "**/fixtures/**", "fixtures/**");
    assertThat(policy.tests()).containsExactly("qa/**");
    assertThat(policy.generated()).containsExactly("*.pb.go");
    assertThat(policy.kb()).isEqualTo(new KbSettings("/var/cache/claim-audit", 3, 4, KbSettings.NEVER));
    assertThat(policy.blocks()).containsOnlyKeys("dynamic", "llm", "kb");
    assertThat(policy.blocks().get("dynamic").path("timeout").asInt()).isEqualTo(30);
    assertThat(policy.origin("fail-on")).isEqualTo(".claim-audit.yml:2 at base 1a2b3c4");
    assertThat(policy.origin("rules.rs-todo-macro.severity")).isEqualTo(".claim-audit.yml:7 at base 1a2b3c4");
    assertThat(policy.origin("matrix.hard-stub.hedged")).isEqualTo(".claim-audit.yml:12 at base 1a2b3c4");
    assertThat(policy.origin("kb.escalation.block")).isEqualTo(".claim-audit.yml:20 at base 1a2b3c4");
    assertThat(policy.origin("matrix.hard-stub.strong")).isEqualTo("default");
    assertThat(policy.digest()).hasSize(64);
  }

  @Test
  void anEmptyOrCommentOnlyFileIsTheDefaults() {
    assertThat(parse("").failOn()).isEqualTo(FailOn.BLOCK);
    assertThat(parse("# nothing yet\n").ignore()).isEqualTo(Policy.defaults().ignore());
  }

  @Test
  void aByteOrderMarkAndWindowsLineEndingsAreFine() {
    Policy policy = parse("\uFEFFfail-on: warn\r\nrules:\r\n  todo-marker: info\r\n");
    assertThat(policy.failOn()).isEqualTo(FailOn.WARN);
    assertThat(policy.origin("rules.todo-marker")).isEqualTo(".claim-audit.yml:3 at base 1a2b3c4");
  }

  @Test
  void yamlBooleansWorkAsRuleShorthand() {
    Policy policy = parse("rules:\n  todo-marker: no\n  py-pass-only-test: yes\n");
    assertThat(policy.rules().get("todo-marker").enabled()).isFalse();
    assertThat(policy.rules().get("py-pass-only-test")).isEqualTo(new RuleSetting(true, null));
  }

  static Stream<Arguments> badPolicies() {
    String rule = """
        custom-rules:
          - id: acme-halt
            languages: [java]
            class: hard-stub
            in: code
            pattern: %s
            keywords: [%s]
            title: Acme.halt()
            rationale: the team's stub marker
            match: [%s]
            noMatch: [%s]
        """;
    return Stream.of(
        Arguments.of("fail-on: sometimes\n", 1, "fail-on: must be block, warn or never, got \"sometimes\""),
        Arguments.of("fail-on: [block]\n", 1, "fail-on: must be block, warn or never, got a list"),
        Arguments.of("# policy\nfailon: block\n", 2, "failon: unknown key (did you mean `fail-on`?)"),
        Arguments.of("rules:\n  no-such-rule: warn\n", 2, "rules.no-such-rule: unknown rule `no-such-rule`"),
        Arguments.of("rules:\n  todo-markr: warn\n", 2, "(did you mean `todo-marker`?)"),
        Arguments.of("rules:\n  todo-marker:\n    severity: loud\n", 3, "rules.todo-marker.severity: must be info, warn or block, got \"loud\""),
        Arguments.of("rules:\n  todo-marker:\n    enabled: maybe\n", 3, "rules.todo-marker.enabled: must be true or false, got \"maybe\""),
        Arguments.of("rules:\n  todo-marker:\n    level: warn\n", 3, "rules.todo-marker.level: unknown key"),
        Arguments.of("rules:\n  todo-marker:\n", 2, "rules.todo-marker: must be info, warn, block or off, got nothing"),
        Arguments.of("rules: [todo-marker]\n", 1, "rules: must be a mapping"),
        Arguments.of("matrix:\n  hard-stub:\n    strng: warn\n", 3, "matrix.hard-stub.strng: unknown key (did you mean `strong`?)"),
        Arguments.of("matrix:\n  soft-markers:\n    strong: warn\n", 2, "matrix.soft-markers: unknown key (did you mean `soft-marker`?)"),
        Arguments.of("matrix:\n  hard-stub: block\n", 2, "matrix.hard-stub: must be a mapping with keys strong, normal, hedged, unclaimed"),
        Arguments.of("matrix:\n  hard-stub:\n    strong: stop\n", 3, "matrix.hard-stub.strong: must be info, warn or block"),
        Arguments.of("paths:\n  ignore: \"docs/**\"\n", 2, "paths.ignore: must be a list of globs"),
        Arguments.of("paths:\n  ignore:\n    - docs/**\n    - \"src/[a-\"\n", 4, "paths.ignore[1]: bad glob \"src/[a-\""),
        Arguments.of("paths:\n  ignore: [\"\"]\n", 2, "paths.ignore[0]: must be a non-empty glob string"),
        Arguments.of("paths:\n  tests: [1]\n", 2, "paths.tests[0]: must be a non-empty glob string, got 1"),
        Arguments.of("paths:\n  generated: [\"a\\\\b\"]\n", 2, "paths.generated[0]: not a usable glob"),
        Arguments.of("paths:\n  default-ignore: \"no\"\n", 2, "paths.default-ignore: must be true or false, got \"no\""),
        Arguments.of("paths:\n  vendor: [x]\n", 2, "paths.vendor: unknown key"),
        Arguments.of(rule.formatted("'\\bAcme\\.halt\\s*\\('", "halt", "'Acme.halt();'", "'Acme.go();'").replace("\\b", "(\\b"),
            6, "custom-rules[0].pattern: rule `acme-halt`: pattern does not compile"),
        Arguments.of(rule.formatted("'\\bAcme\\.halt\\s*\\('", "halt", "'Acme.stop();'", "'Acme.go();'"),
            10, "custom-rules[0].match: rule `acme-halt`: match: example \"Acme.stop();\" contains none of the keywords"),
        Arguments.of(rule.formatted("'\\bAcme\\.halt\\s*\\('", "halt", "'// Acme.halt();'", "'Acme.go();'"),
            10, "custom-rules[0].match: rule `acme-halt`: match: the rule does not find \"// Acme.halt();\""),
        Arguments.of(rule.formatted("'\\bAcme\\.halt\\s*\\('", "halt", "'Acme.halt();'", "'Acme.halt(1);'"),
            11, "custom-rules[0].noMatch: rule `acme-halt`: noMatch: the rule finds \"Acme.halt(1);\""),
        Arguments.of(rule.formatted("'\\bhalt\\s+(x+x+)+y'", "halt", "'halt xxy'", "'halt y'"),
            6, "custom-rules[0].pattern: rule `acme-halt`: pattern backtracks too much"),
        Arguments.of(rule.formatted("'x'", "halt", "'halt x'", "'y'").replace("acme-halt", "rs-todo-macro"),
            2, "custom-rules[0].id: rule `rs-todo-macro`: id is used by another rule"),
        Arguments.of(rule.formatted("'x'", "halt", "'halt x'", "'y'").replace("class: hard-stub", "class: hard-stub\n    colour: red"),
            5, "custom-rules[0].colour: rule `acme-halt`: unknown field `colour`"),
        Arguments.of(rule.formatted("'x'", "halt", "'halt x'", "'y'").replace("class: hard-stub", "class: stubby"),
            4, "custom-rules[0].class: rule `acme-halt`: class: must be hard-stub, test-evasion or soft-marker"),
        Arguments.of(rule.formatted("'x'", "halt", "'halt x'", "'y'").replace("languages: [java]", "languages: [cobol]"),
            3, "custom-rules[0].languages: rule `acme-halt`: languages: unknown language `cobol`"),
        Arguments.of("custom-rules:\n  - just a string\n", 2, "custom-rules[0]: rule #1: expected an object"),
        Arguments.of("custom-rules: {id: x}\n", 1, "custom-rules: must be a list of rules"),
        Arguments.of("kb:\n  path: 5\n", 2, "kb.path: must be a non-empty string, got 5"),
        Arguments.of("kb:\n  ref: heads/main\n", 2, "kb.ref: must be a ref name under refs/"),
        Arguments.of("kb:\n  path: git:refs/x\n", 2, "kb.path: a ref goes in kb.ref"),
        Arguments.of("kb:\n  path: a\n  ref: refs/claim-audit/kb\n", 3, "kb.ref: give kb.path (a directory) or kb.ref (a git ref), not both"),
        Arguments.of("kb:\n  escalation:\n    block: 1\n", 3, "kb.escalation.block: must be a number of pull requests from 2 to 100000, or never; got 1"),
        Arguments.of("kb:\n  escalation:\n    warn: 2.5\n", 3, "kb.escalation.warn: must be a number of pull requests"),
        Arguments.of("kb:\n  escalation:\n    info: 4\n    warn: 3\n", 2, "kb.escalation: thresholds must not decrease"),
        Arguments.of("kb:\n  escalation:\n    recurring: 2\n", 3, "kb.escalation.recurring: unknown key"),
        Arguments.of("kb: /tmp/kb\n", 1, "kb: must be a mapping with keys"),
        Arguments.of("dynamic: true\n", 1, "dynamic: must be a mapping of settings"),
        Arguments.of("llm: [a]\n", 1, "llm: must be a mapping of settings"),
        Arguments.of("version: 2\n", 1, "version: must be 1"),
        Arguments.of("fail-on: block\nrules: [unclosed\n", 3, "not valid YAML"),
        Arguments.of("fail-on: block\nfail-on: warn\n", 2, "fail-on: duplicate key (first given on line 1)"),
        Arguments.of("rules: &shared\n  todo-marker: warn\n", 1, "YAML anchors and aliases"),
        Arguments.of("rules:\n  todo-marker: *other\n", 2, "YAML anchors and aliases"),
        Arguments.of("fail-on: block\n---\nfail-on: warn\n", 3, "more than one YAML document"),
        Arguments.of("- fail-on\n", 1, "the policy must be a mapping"),
        Arguments.of("just words\n", 1, "the policy must be a mapping"),
        Arguments.of("rules:\n\ttodo-marker: warn\n", 2, "not valid YAML"),
        Arguments.of("dynamic:\n" + "  a:\n".repeat(1) + nested(30), 0, "nested"),
        Arguments.of("x: " + "y".repeat(YamlDocument.MAX_CHARS) + "\n", 1, "larger than 256 KiB"));
  }

  private static String nested(int depth) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      yaml.append("  ".repeat(i + 2)).append("k:\n");
    }
    return yaml.toString();
  }

  @ParameterizedTest(name = "[{index}] line {1}: {2}")
  @MethodSource("badPolicies")
  void everyBadPolicyIsOneLineNamingTheFileTheLineAndTheKey(String yaml, int line, String expected) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(PolicyException.class)
        .satisfies(error -> {
          String message = error.getMessage();
          assertThat(message).doesNotContain("\n").contains(expected).startsWith("invalid policy .claim-audit.yml:");
          if (line > 0) {
            assertThat(message).startsWith("invalid policy .claim-audit.yml:" + line + " at base 1a2b3c4: ");
            assertThat(((PolicyException) error).line()).isEqualTo(line);
          }
        });
  }

  @Test
  void aCustomRuleThatPassesItsExamplesIsAddedWithItsOrigin() {
    Policy policy = parse("""
        custom-rules:
          - id: acme-halt
            languages: [java, kotlin]
            class: hard-stub
            in: code
            pattern: '\\bAcme\\.halt\\s*\\('
            keywords: [halt]
            title: Acme.halt()
            rationale: the team's stub marker
            match: ['Acme.halt();', '[kotlin] Acme.halt()']
            noMatch: ['// Acme.halt();', 'Acme.go();']
        rules:
          acme-halt: warn
        """);
    assertThat(policy.customRules()).extracting(rule -> rule.id()).containsExactly("acme-halt");
    assertThat(policy.rules().get("acme-halt").severity()).isEqualTo(Severity.WARN);
    assertThat(policy.origin("custom-rules.acme-halt")).isEqualTo(".claim-audit.yml:2 at base 1a2b3c4");
  }
}
