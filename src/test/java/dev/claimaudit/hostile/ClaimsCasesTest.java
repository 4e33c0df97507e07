package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.Hostile.auditWith;
import static dev.claimaudit.hostile.Hostile.badInput;
import static dev.claimaudit.hostile.Hostile.findings;
import static dev.claimaudit.hostile.Hostile.json;
import static dev.claimaudit.hostile.Hostile.verdict;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB_RULE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a change says about itself is the most hostile input of all: bodies, paths, control characters. */
class ClaimsCasesTest {
  private static final String CANARY = "CANARY-7f3a9 must never be printed";

  @TempDir Path dir;
  private Path repo;
  private Path canary;

  @BeforeEach
  void repositoryWithAStubAndACanaryBesideIt() throws Exception {
    repo = dir.resolve("repo");
    canary = dir.resolve("secret.txt");
    Files.writeString(canary, CANARY + "\n", StandardCharsets.UTF_8);
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Add the parser module");
    }
  }

  private CliRun withBody(String body, String format) throws Exception {
    Path file = dir.resolve("body.md");
    Files.writeString(file, body, StandardCharsets.UTF_8);
    return audit("--repo", repo.toString(), "--range", "main..feature", "--pr-body-file", file.toString(), "--format", format);
  }

  private static List<JsonNode> claims(CliRun run) {
    List<JsonNode> claims = new ArrayList<>();
    json(run).path("claims").forEach(claims::add);
    return claims;
  }

  @Test
  void aFiveMegabyteBodyIsReadInBoundedTime() throws Exception {
    StringBuilder body = new StringBuilder("Implemented the parser, done.\n\n");
    Random random = new Random(11);
    String[] words = {"Implemented", "parser", "adds", "3", "tests", "in", "`src/x_test.py`", "fixes", "#12", "no", "TODOs", "left",
        "- [x]", "**bold**", "`code`", "../../etc/passwd", "https://example.invalid/x", "|", "#", ">"};
    while (body.length() < 5 * 1024 * 1024) {
      for (int i = 0; i < 12; i++) {
        body.append(words[random.nextInt(words.length)]).append(' ');
      }
      body.append('\n');
    }

    long start = System.nanoTime();
    CliRun run = verdict(withBody(body.toString(), "json"), 1);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(findings(run)).contains("src/parse.py:2:" + STUB_RULE);
    System.out.println("hostile: 5 MB PR body audited in " + millis + " ms with " + claims(run).size() + " claims");
  }

  @Test
  void aBodyOverTheLimitIsRefusedInOneLine() throws Exception {
    badInput(withBody("x".repeat(9 * 1024 * 1024), "json"), "larger than 8 MiB");
  }

  @Test
  void aBodyOverTheLimitOnStandardInputIsRefusedInOneLine() {
    badInput(auditWith(Map.of(), "y".repeat(9 * 1024 * 1024), "--repo", repo.toString(), "--range", "main..feature",
        "--pr-body-file", "-"), "larger than 8 MiB");
  }

  @Test
  void deeplyNestedMarkdownDoesNotExhaustTheStack() throws Exception {
    String body = "> ".repeat(20_000) + "Implemented the parser, done\n"
        + "- ".repeat(20_000) + "[".repeat(50_000) + "done" + "]".repeat(50_000) + "\n"
        + "  ".repeat(50_000) + "* Implemented everything\n"
        + "<!--".repeat(30_000) + "\n" + "```\n".repeat(10_001) + "**".repeat(40_000) + "\n";

    CliRun run = verdict(withBody(body, "json"), 1);

    assertThat(findings(run)).contains("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void anUnclosedFenceHidesTheRestOfTheBodyAndNothingElse() throws Exception {
    CliRun run = verdict(withBody("Implemented the parser, done.\n```\n" + "code line\n".repeat(100_000), "json"), 1);

    assertThat(claims(run)).anySatisfy(claim -> assertThat(claim.path("source").asText()).isEqualTo("pr-body"));
  }

  @Test
  void aRelativePathClimbingOutOfTheRepositoryIsNeverRead() throws Exception {
    CliRun json = verdict(withBody("Added `../secret.txt` and `../../etc/passwd`.\n", "json"), 1);
    CliRun text = verdict(withBody("Added `../secret.txt` and `../../etc/passwd`.\n", "text"), 1);

    assertThat(json.out() + text.out()).doesNotContain("CANARY-7f3a9").doesNotContain("root:x:0");
    assertThat(claims(json)).filteredOn(claim -> claim.path("text").asText().contains("secret.txt"))
        .allSatisfy(claim -> assertThat(claim.path("status").asText()).isNotEqualTo("backed"));
  }

  @Test
  void anAbsolutePathInAClaimIsNeverRead() throws Exception {
    String body = "Added `" + canary + "` and updated `/etc/passwd`.\n";

    CliRun json = verdict(withBody(body, "json"), 1);

    assertThat(json.out()).doesNotContain("CANARY-7f3a9").doesNotContain("root:x:0");
    assertThat(claims(json)).allSatisfy(claim -> assertThat(claim.path("status").asText()).isNotEqualTo("backed"));
  }

  @Test
  void urlsInClaimsAreNotFetchedOrBacked() throws Exception {
    String body = "Added `file://" + canary + "` and `https://127.0.0.1:9/x.py`.\n";

    CliRun json = verdict(withBody(body, "json"), 1);

    assertThat(json.out()).doesNotContain("CANARY-7f3a9");
    assertThat(claims(json)).allSatisfy(claim -> assertThat(claim.path("status").asText()).isNotEqualTo("backed"));
  }

  @Test
  void aWindowsStylePathOutOfTheRepositoryIsNotBacked() throws Exception {
    CliRun json = verdict(withBody("Added `..\\secret.txt` and `C:\\Windows\\win.ini`.\n", "json"), 1);

    assertThat(json.out()).doesNotContain("CANARY-7f3a9");
    assertThat(claims(json)).allSatisfy(claim -> assertThat(claim.path("status").asText()).isNotEqualTo("backed"));
  }

  @Test
  void terminalEscapesInTheBodyAreNeverPrintedRaw() throws Exception {
    String body = "Implemented \u001b]0;owned\u0007 the parser \u001b[2J\u001b[31mred\u001b[0m, done\u0008\u0008\u0008\n";

    CliRun text = verdict(withBody(body, "text"), 1);
    CliRun json = verdict(withBody(body, "json"), 1);

    assertThat(text.out()).contains("\\u001b]0;owned\\u0007");
    assertThat(claims(json)).anySatisfy(claim -> assertThat(claim.path("text").asText()).contains("\u001b[2J"));
  }

  @Test
  void c1ControlsAndBidiOverridesAreEscapedInJson() throws Exception {
    String body = "Implemented the parser \u009b31m and \u202eenod\u202c \u2066x\u2069 \u2028 \u007f, done\n";

    CliRun json = verdict(withBody(body, "json"), 1);

    assertThat(json.out()).contains("\\u009b31m").contains("\\u202e").contains("\\u2066").contains("\\u2028").contains("\\u007F");
    assertThat(claims(json)).anySatisfy(claim -> assertThat(claim.path("text").asText()).contains("\u009b31m"));
  }

  @Test
  void bidiOverridesInACommitMessageAreEscapedInText() throws Exception {
    try (TestRepo test = TestRepo.init(dir.resolve("bidi"))) {
      test.write("a.txt", "a\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser \u202e,enod\u202c");
    }

    CliRun text = audit("--repo", dir.resolve("bidi").toString(), "--range", "main..feature");

    assertThat(text.out()).contains("\\u202e");
  }

  @Test
  void invalidUtf8OnStandardInputIsRead() {
    String body = "Implemented the parser, done \udc80\ud800 \ufffe\n";

    CliRun run = verdict(auditWith(Map.of(), body, "--repo", repo.toString(), "--range", "main..feature", "--pr-body-file", "-",
        "--format", "json"), 1);

    assertThat(findings(run)).contains("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void invalidUtf8BytesInABodyFileAreRead() throws Exception {
    Path file = dir.resolve("body.md");
    Files.write(file, new byte[] {'D', 'o', 'n', 'e', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});

    verdict(audit("--repo", repo.toString(), "--range", "main..feature", "--pr-body-file", file.toString()), 1);
  }

  @Test
  void nulCharactersInTheBodyAreEscaped() throws Exception {
    CliRun text = verdict(withBody("Implemented\u0000 the parser, done\u0000\n", "text"), 1);

    assertThat(text.out()).contains("\\u0000");
  }

  @Test
  void aThreeMegabyteSingleLineBodyIsRead() throws Exception {
    CliRun run = verdict(withBody("Implemented the parser, done " + "and more ".repeat(350_000), "json"), 1);

    assertThat(claims(run)).isNotEmpty();
  }

  @Test
  void aBlankBodyClaimsNothing() throws Exception {
    CliRun run = verdict(withBody(" \n\t\n \r\n", "json"), 1);

    assertThat(claims(run)).noneSatisfy(claim -> assertThat(claim.path("source").asText()).isEqualTo("pr-body"));
  }

  @Test
  void aBodyFileThatDoesNotExistIsOneLine() {
    badInput(audit("--repo", repo.toString(), "--range", "main..feature", "--pr-body-file", dir.resolve("nope.md").toString()),
        "cannot read PR body");
  }

  @Test
  void aBodyFileThatIsADirectoryIsOneLine() {
    badInput(audit("--repo", repo.toString(), "--range", "main..feature", "--pr-body-file", dir.toString()), "cannot read PR body");
  }

  @Test
  void tenThousandClaimedFilesAreCheckedInBoundedTime() throws Exception {
    StringBuilder body = new StringBuilder("Added files:\n");
    for (int i = 0; i < 10_000; i++) {
      body.append("- `src/generated/module_").append(i).append(".py`\n");
    }

    CliRun run = verdict(withBody(body.toString(), "json"), 1);

    assertThat(json(run).path("verdict").asText()).isEqualTo("block");
  }

  @Test
  void thirtyThousandClaimedPathsAgainstTwentyThousandFilesAreResolvedInBoundedTime() throws Exception {
    Path big = dir.resolve("big");
    Files.createDirectories(big);
    Hostile.git(big, "init", "-q");
    StringBuilder stream = new StringBuilder("commit refs/heads/main\ncommitter Test Author <author@example.com> 1700000000 +0000\ndata 5\nbase\n");
    for (int i = 0; i < 20_000; i++) {
      String content = "v = " + i + "\n";
      stream.append("M 100644 inline pkg").append(i % 100).append("/mod").append(i).append(".py\ndata ").append(content.length())
          .append('\n').append(content).append('\n');
    }
    stream.append("\ncommit refs/heads/feature\ncommitter Test Author <author@example.com> 1700000001 +0000\ndata 12\nAdd helpers\n")
        .append("from refs/heads/main\nM 100644 inline new.py\ndata 6\nx = 1\n\n");
    Hostile.gitWithInput(big, stream.toString().getBytes(StandardCharsets.UTF_8), "fast-import", "--quiet");
    StringBuilder body = new StringBuilder("Added files:\n");
    for (int i = 0; i < 30_000; i++) {
      body.append("- `missing/deep/file").append(i).append(".py`\n");
    }
    Path file = dir.resolve("claims.md");
    Files.writeString(file, body, StandardCharsets.UTF_8);

    long start = System.nanoTime();
    CliRun run = verdict(audit("--repo", big.toString(), "--range", "main..feature", "--pr-body-file", file.toString(), "--format", "json"), 1);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(json(run).path("claims").size()).isGreaterThanOrEqualTo(30_000);
    System.out.println("hostile: 30,000 claimed paths against 20,000 files resolved in " + millis + " ms");
  }
}
