package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.Hostile.auditWith;
import static dev.claimaudit.hostile.Hostile.badInput;
import static dev.claimaudit.hostile.Hostile.json;
import static dev.claimaudit.hostile.Hostile.verdict;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogException;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.checks.placeholder.PlaceholderScanner;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration the audit reads: the CI event payload, the policy file, the rule files a policy can
 * add, and the command line. Malformed, huge, deep, self-referring, unknown or mistyped input is
 * one line and exit 2, or is ignored where the contract says so; a pattern that backtracks forever
 * is refused or stopped.
 */
class ConfigCasesTest {
  @TempDir Path dir;
  private Path repo;
  private String base;
  private String head;

  @BeforeEach
  void repository() {
    repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      base = test.write("README.md", "demo\n").commitId("Initial commit");
      head = test.branch("feature").write("src/parse.py", STUB).commitId("Implement the parser, done");
    }
  }

  private CliRun withEvent(String payload) throws Exception {
    Path event = dir.resolve("event.json");
    Files.writeString(event, payload, StandardCharsets.UTF_8);
    return audit("--repo", repo.toString(), "--event", event.toString(), "--format", "json");
  }

  private String event(String pullRequestMembers) {
    return "{\"pull_request\": {\"number\": 7, \"title\": \"Parser\", \"body\": \"\", \"base\": {\"sha\": \"" + base
        + "\"}, \"head\": {\"sha\": \"" + head + "\"}" + pullRequestMembers + "}}";
  }

  @Test
  void aWellFormedEventGivesTheRange() throws Exception {
    CliRun run = verdict(withEvent(event("")), 1);

    assertThat(json(run).path("range").path("commits").asInt()).isEqualTo(1);
  }

  @Test
  void malformedEventJsonIsOneLine() throws Exception {
    badInput(withEvent("{\"pull_request\": {\"title\": \"x\",, }"), "is not valid JSON");
  }

  @Test
  void truncatedEventJsonIsOneLine() throws Exception {
    badInput(withEvent(event("").substring(0, 40)), "is not valid JSON");
  }

  @Test
  void anEventThatIsAnArrayIsOneLine() throws Exception {
    badInput(withEvent("[1, 2, 3]"), "is not a JSON object");
  }

  @Test
  void anEventWithoutAPullRequestIsOneLine() throws Exception {
    badInput(withEvent("{\"push\": {}}"), "has no pull_request object");
  }

  @Test
  void anEmptyEventFileIsOneLine() throws Exception {
    badInput(withEvent(""), "event payload");
  }

  @Test
  void anEventNestedTenThousandDeepIsOneLine() throws Exception {
    badInput(withEvent("{\"pull_request\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"), "is not valid JSON");
  }

  @Test
  void anEventOverSixteenMegabytesIsRefusedUnread() throws Exception {
    Path event = dir.resolve("huge.json");
    try (RandomAccessFile file = new RandomAccessFile(event.toFile(), "rw")) {
      file.setLength(17L * 1024 * 1024);
    }

    badInput(audit("--repo", repo.toString(), "--event", event.toString()), "larger than 16 MiB");
  }

  @Test
  void anEventPathThatIsADirectoryIsOneLine() {
    badInput(audit("--repo", repo.toString(), "--event", dir.toString()), "cannot read event payload");
  }

  @Test
  void anEventPathFromTheEnvironmentThatDoesNotExistIsOneLine() {
    badInput(auditWith(Map.of("GITHUB_EVENT_PATH", dir.resolve("gone.json").toString()), "", "--repo", repo.toString()),
        "does not exist");
  }

  @Test
  void wrongTypesInTheEventAreOneLine() throws Exception {
    String payload = "{\"pull_request\": {\"number\": \"seven\", \"title\": {\"x\": 1}, \"body\": [\"Implemented, done\"],"
        + " \"draft\": \"yes\", \"base\": {\"sha\": 12}, \"head\": \"not an object\"}}";

    badInput(audit("--repo", repo.toString(), "--range", "main..feature", "--event", writeEvent(payload), "--format", "json"),
        "pull_request.number must be a positive whole number");
  }

  @Test
  void shasThatAreNotHexAreNotUsedAsRevisions() throws Exception {
    String payload = "{\"pull_request\": {\"number\": 7, \"base\": {\"sha\": \"main;rm -rf /\"}, \"head\": {\"sha\": \"--output=/tmp/x\"}}}";

    badInput(audit("--repo", repo.toString(), "--event", writeEvent(payload)), "is not a full commit id");
  }

  @Test
  void eventShasOfCommitsTheCloneLacksAreOneLine() throws Exception {
    String payload = "{\"pull_request\": {\"number\": 7, \"base\": {\"sha\": \"" + "a".repeat(40) + "\"}, \"head\": {\"sha\": \"" + head + "\"}}}";

    badInput(audit("--repo", repo.toString(), "--event", writeEvent(payload)), "lacks object " + "a".repeat(40));
  }

  @Test
  void unknownEventKeysAreIgnored() throws Exception {
    verdict(withEvent(event(", \"x-unknown\": {\"deep\": [1, 2, {\"k\": null}]}, \"labels\": 5")), 1);
  }

  @Test
  void aTenMegabyteTitleIsReadAndShownCut() throws Exception {
    String payload = event(", \"title\": \"Implemented the parser " + "x".repeat(10 * 1024 * 1024) + "\"");

    CliRun run = verdict(audit("--repo", repo.toString(), "--event", writeEvent(payload)), 1);

    assertThat(run.out().length()).isLessThan(20_000);
  }

  private String writeEvent(String payload) throws Exception {
    Path event = dir.resolve("event-" + payload.hashCode() + ".json");
    Files.writeString(event, payload, StandardCharsets.UTF_8);
    return event.toString();
  }

  @Test
  void anUnknownOutputFormatIsOneLine() {
    badInput(audit("--repo", repo.toString(), "--range", "main..feature", "--format", "yaml\u001b[31m"), "unknown format");
  }

  @Test
  void aReportSpecWithoutAFileIsOneLine() {
    badInput(audit("--repo", repo.toString(), "--range", "main..feature", "--report", "json="), "--report takes FORMAT=FILE");
  }

  @Test
  void anUnknownFailOnLevelIsOneLine() {
    badInput(audit("--repo", repo.toString(), "--range", "main..feature", "--fail-on", "sometimes"), "--fail-on");
  }

  @Test
  void anEmptyRangeOptionIsOneLine() {
    badInput(audit("--repo", repo.toString(), "--range", "  "), "empty range");
  }

  // Rule files: the format a policy uses to add rules.

  private static final String VALID_RULE = "\"id\": \"user-stub\", \"languages\": [\"python\"], \"class\": \"hard-stub\", \"in\": \"code\","
      + " \"pattern\": \"\\\\bstub\\\\(\", \"keywords\": [\"stub(\"], \"title\": \"stub()\", \"rationale\": \"A stub.\", \"match\": [\"stub()\"]";

  private static List<Rule> parseRules(String json) {
    return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new CatalogLoader().parse("user.json", json, new HashSet<>()));
  }

  private static void refused(String json, String fragment) {
    assertThatThrownBy(() -> parseRules(json))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining(fragment)
        .satisfies(error -> assertThat(error.getMessage().lines().count()).isEqualTo(1));
  }

  @Test
  void aMalformedRuleFileIsOneMessage() {
    refused("{\"rules\": [{\"id\": ", "not valid JSON");
  }

  @Test
  void aRuleFileNestedTenThousandDeepIsOneMessage() {
    refused("{\"rules\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}", "not valid JSON");
  }

  @Test
  void aRuleWithAnUnknownKeyIsRefusedByName() {
    refused("{\"rules\": [{" + VALID_RULE + ", \"severity\": \"low\"}]}", "severity");
  }

  @Test
  void aRuleWithAWrongTypeIsRefusedByField() {
    refused("{\"rules\": [{" + VALID_RULE.replace("[\"python\"]", "\"python\"") + "}]}", "languages");
  }

  @Test
  void aRuleWithAnInvalidPatternIsRefusedByField() {
    refused("{\"rules\": [{" + VALID_RULE.replace("\\\\bstub\\\\(", "(unclosed") + "}]}", "pattern");
  }

  @Test
  void aCatastrophicallyBacktrackingRuleIsStoppedOnEveryLine() {
    List<Rule> rules = parseRules("{\"rules\": [{\"id\": \"user-redos\", \"languages\": [\"python\"], \"class\": \"hard-stub\","
        + " \"in\": \"code\", \"pattern\": \"^(a+)+$\", \"keywords\": [\"a\"], \"title\": \"redos\", \"rationale\": \"Backtracks.\","
        + " \"match\": [\"aaa\"]}]}");
    PlaceholderScanner scanner = new PlaceholderScanner(new Catalog(rules, "user"), PathFilter.defaults());
    String hostile = ("a".repeat(40) + "!\n").repeat(2_000) + "a".repeat(200_000) + "!\n";

    var findings = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> scanner.scanText("src/redos.py", hostile));

    assertThat(findings).isEmpty();
    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> scanner.scanText("src/ok.py", "aaaa\n"))).hasSize(1);
  }

  // Policy files: the YAML a repository keeps, and the one a change leaves behind for later audits.

  private CliRun withPolicy(String yaml) throws Exception {
    Path policy = dir.resolve("policy-" + Integer.toHexString(yaml.hashCode()) + ".yml");
    Files.writeString(policy, yaml, StandardCharsets.UTF_8);
    return audit("--repo", repo.toString(), "--range", "main..feature", "--policy", policy.toString(), "--format", "json");
  }

  /** Nine levels of nine aliases each: 387 million strings if expanded. */
  private static String billionLaughs() {
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    String previous = "a";
    for (String name : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
      yaml.append(name).append(": &").append(name).append(" [").append(String.join(", ", Collections.nCopies(9, "*" + previous)))
          .append("]\n");
      previous = name;
    }
    return yaml.toString();
  }

  private static final String BACKTRACKING_RULE = """
      custom-rules:
        - id: acme-halt
          languages: [python]
          class: hard-stub
          in: code
          pattern: '\\bhalt\\s+(x+x+)+y'
          keywords: [halt]
          title: halt
          rationale: Backtracks on a run of x.
          match: ['halt xxy']
          noMatch: ['halt y']
      """;

  @Test
  void aMalformedPolicyIsOneLineNamingItsLine() throws Exception {
    badInput(withPolicy("fail-on: block\nrules: [unclosed\n"), ":3: not valid YAML");
  }

  @Test
  void aBillionLaughsPolicyIsRefusedWithoutExpandingIt() throws Exception {
    badInput(withPolicy(billionLaughs()), "YAML anchors and aliases");
  }

  @Test
  void aPolicyThatRefersToItselfIsOneLine() throws Exception {
    badInput(withPolicy("rules: &rules\n  todo-marker: warn\n  again: *rules\n"), "YAML anchors and aliases");
  }

  @Test
  void aPolicyNestedTenThousandDeepIsOneLine() throws Exception {
    badInput(withPolicy("dynamic: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"), "nested more than");
  }

  @Test
  void aPolicyOverTheSizeLimitIsRefused() throws Exception {
    badInput(withPolicy("# " + "x".repeat(300 * 1024) + "\nfail-on: block\n"), "larger than 256 KiB");
  }

  @Test
  void anUnknownPolicyKeyIsRefusedByName() throws Exception {
    badInput(withPolicy("version: 1\ncolour: red\n"), ":2: colour: unknown key");
  }

  @Test
  void wrongTypesInThePolicyAreRefusedByKey() throws Exception {
    badInput(withPolicy("fail-on: [block]\n"), "fail-on: must be block, warn or never");
    badInput(withPolicy("rules: 5\n"), "rules: must be a mapping");
    badInput(withPolicy("kb:\n  escalation:\n    block: five\n"), "kb.escalation.block: must be a number");
    badInput(withPolicy("paths:\n  ignore: {docs: true}\n"), "paths.ignore: must be a list of globs");
  }

  @Test
  void aBacktrackingCustomRuleAtTheBaseIsRefusedBeforeAnyScan() {
    Path based = dir.resolve("based");
    try (TestRepo test = TestRepo.init(based)) {
      test.write(".claim-audit.yml", BACKTRACKING_RULE).write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/halt.py", "halt " + "x".repeat(5_000) + "\n" + STUB).commit("Implement halting, done");
    }

    badInput(audit("--repo", based.toString(), "--range", "main..feature"), "custom-rules[0].pattern: rule `acme-halt`: pattern backtracks too much");
  }

  @Test
  void aBillionLaughsPolicyLeftBehindByTheChangeBlocksIt() {
    Path bombed = dir.resolve("bombed");
    try (TestRepo test = TestRepo.init(bombed)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write(".claim-audit.yml", billionLaughs()).write("src/lib.py", "def parse():\n    return 1\n")
          .commit("Tune the policy and implement the parser, done");
    }

    CliRun run = verdict(audit("--repo", bombed.toString(), "--range", "main..feature", "--format", "json"), 1);

    assertThat(Hostile.findings(run)).contains(".claim-audit.yml:1:policy-invalid");
    assertThat(json(run).path("findings").toString()).contains("YAML anchors and aliases");
  }
}
