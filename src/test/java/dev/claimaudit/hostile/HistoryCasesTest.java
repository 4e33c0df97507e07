package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.Hostile.badInput;
import static dev.claimaudit.hostile.Hostile.findings;
import static dev.claimaudit.hostile.Hostile.git;
import static dev.claimaudit.hostile.Hostile.gitWithInput;
import static dev.claimaudit.hostile.Hostile.json;
import static dev.claimaudit.hostile.Hostile.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Histories a CI gate meets: cut off, unrelated, empty, merged, huge, in other formats and layouts. */
class HistoryCasesTest {
  static final String STUB = "def parse():\n    raise NotImplementedError\n";
  static final String STUB_RULE = "py-raise-not-implemented";

  @TempDir Path dir;

  /** main: base; feature: one commit claiming done over a stub. */
  private Path stubOnFeature() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.write("docs.txt", "more\n").commit("Describe the project");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser, done");
    }
    return repo;
  }

  /** Deletes the loose object {@code id}: the clone lacks it, as a shallow or broken one would. */
  private static void deleteObject(Path repo, String id) throws Exception {
    Files.delete(repo.resolve(".git/objects/" + id.substring(0, 2) + "/" + id.substring(2)));
  }

  private static String arg(Path path) {
    return path.toString();
  }

  @Test
  void aShallowCloneWithoutTheMergeBaseIsOneLineNotAVerdict() throws Exception {
    Path source = stubOnFeature();
    git(dir, "clone", "-q", "--depth", "1", "--no-single-branch", "file://" + source, "shallow");

    CliRun run = audit("--repo", arg(dir.resolve("shallow")), "--range", "origin/main..origin/feature");

    badInput(run, "shallow clone");
    assertThat(run.err()).contains("fetch-depth: 0");
  }

  @Test
  void aShallowCloneDeepEnoughForTheRangeGetsTheVerdict() throws Exception {
    Path source = stubOnFeature();
    git(dir, "clone", "-q", "--depth", "3", "--no-single-branch", "file://" + source, "deep");

    CliRun run = verdict(audit("--repo", arg(dir.resolve("deep")), "--range", "origin/main..origin/feature", "--format", "json"), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void unrelatedHistoriesHaveNoNetDiffToAudit() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("a.txt", "a\n").commit("Initial commit");
    }
    git(repo, "checkout", "-q", "--orphan", "other");
    git(repo, "rm", "-q", "-rf", ".");
    Files.writeString(repo.resolve("b.py"), STUB, StandardCharsets.UTF_8);
    git(repo, "add", "b.py");
    git(repo, "commit", "-q", "-m", "Implement b, done");

    badInput(audit("--repo", arg(repo), "--range", "main..other"), "no common history");
  }

  @Test
  void anEmptyRangePassesWithNoCommits() throws Exception {
    Path repo = stubOnFeature();

    CliRun run = verdict(audit("--repo", arg(repo), "--range", "feature..feature", "--format", "json"), 0);

    assertThat(json(run).path("verdict").asText()).isEqualTo("pass");
    assertThat(json(run).path("range").path("commits").asInt()).isZero();
  }

  @Test
  void aReversedRangeIsEmptyAndPasses() throws Exception {
    Path repo = stubOnFeature();

    CliRun run = verdict(audit("--repo", arg(repo), "--range", "feature..main", "--format", "json"), 0);

    assertThat(json(run).path("range").path("commits").asInt()).isZero();
    assertThat(findings(run)).isEmpty();
  }

  @Test
  void aBareDoubleDotIsHeadToHeadAndPasses() throws Exception {
    Path repo = stubOnFeature();

    CliRun run = verdict(audit("--repo", arg(repo), "--range", "..", "--format", "json"), 0);

    assertThat(json(run).path("range").path("commits").asInt()).isZero();
  }

  @Test
  void aMergedBranchCountsItsCommitsAndTheMergeMessageClaimsNothing() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("a.txt", "a\n").commit("Initial commit");
      test.branch("topic").write("src/topic.py", STUB).commit("Implement the topic, done");
      test.checkout("main").branch("feature").write("notes.txt", "n\n").commit("Add notes");
    }
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge branch 'topic' into feature, everything finished", "topic");

    CliRun run = verdict(audit("--repo", arg(repo), "--range", "main..feature", "--format", "json"), 1);

    assertThat(findings(run)).containsExactly("src/topic.py:2:" + STUB_RULE);
    assertThat(json(run).path("range").path("commits").asInt()).isEqualTo(3);
    assertThat(json(run).path("claims").toString()).doesNotContain("everything finished");
  }

  @Test
  void anOctopusMergeAuditsEveryMergedBranch() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("a.txt", "a\n").commit("Initial commit");
      test.branch("one").write("one.py", "ONE = 1\n").commit("Add one");
      test.checkout("main").branch("two").write("two.py", STUB).commit("Implement two, done");
      test.checkout("main").branch("three").write("three.py", "THREE = 3\n").commit("Add three");
      test.checkout("main");
    }
    String base = git(repo, "rev-parse", "main");
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge branches one, two and three", "one", "two", "three");
    assertThat(git(repo, "rev-list", "--parents", "-n", "1", "HEAD").split(" ")).hasSize(5);

    CliRun run = verdict(audit("--repo", arg(repo), "--range", base + "..main", "--format", "json"), 1);

    assertThat(findings(run)).containsExactly("two.py:2:" + STUB_RULE);
    assertThat(json(run).path("range").path("commits").asInt()).isEqualTo(4);
  }

  @Test
  void aRootCommitAloneIsAuditedAgainstTheEmptyTree() throws Exception {
    Path repo = dir.resolve("repo");
    String root;
    try (TestRepo test = TestRepo.init(repo)) {
      root = test.write("src/parse.py", STUB).commitId("Implement the parser, done");
    }

    CliRun run = verdict(audit("--repo", arg(repo), "--range", root, "--format", "json"), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
    assertThat(json(run).path("range").path("mergeBase").isNull()).isTrue();
  }

  @Test
  void tenThousandCommitsAreAuditedInBoundedTime() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    int commits = 10_000;
    for (int i = 1; i <= commits; i++) {
      String message = i == commits ? "Implement the parser, done\n" : "Add entry " + i + "\n";
      String file = i == commits ? "src/parse.py" : "log.txt";
      String content = i == commits ? STUB : "entry " + i + "\n";
      byte[] messageBytes = message.getBytes(StandardCharsets.UTF_8);
      byte[] contentBytes = content.getBytes(StandardCharsets.UTF_8);
      stream.writeBytes(("commit refs/heads/main\nmark :" + i + "\ncommitter Test Author <author@example.com> " + (1_700_000_000L + i)
          + " +0000\ndata " + messageBytes.length + "\n").getBytes(StandardCharsets.UTF_8));
      stream.writeBytes(messageBytes);
      stream.writeBytes(("M 100644 inline " + file + "\ndata " + contentBytes.length + "\n").getBytes(StandardCharsets.UTF_8));
      stream.writeBytes(contentBytes);
      stream.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    }
    stream.writeBytes("reset refs/heads/first\nfrom :1\n\n".getBytes(StandardCharsets.UTF_8));
    gitWithInput(repo, stream.toByteArray(), "fast-import", "--quiet");

    long start = System.nanoTime();
    CliRun run = verdict(audit("--repo", arg(repo), "--range", "first..main", "--format", "json"), 1);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(json(run).path("range").path("commits").asInt()).isEqualTo(commits - 1);
    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
    System.out.println("hostile: 10,000-commit range audited in " + millis + " ms");
  }

  @Test
  void aSha256RepositoryIsRefusedByName() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q", "--object-format=sha256");
    git(repo, "commit", "-q", "--allow-empty", "-m", "Initial commit");
    git(repo, "checkout", "-q", "-b", "feature");
    git(repo, "commit", "-q", "--allow-empty", "-m", "Implement nothing, done");

    badInput(audit("--repo", arg(repo), "--range", "main..feature"), "sha256 object names");
  }

  @Test
  void aBareRepositoryGetsTheSameVerdictAsItsWorkTree() throws Exception {
    Path source = stubOnFeature();
    git(dir, "clone", "-q", "--bare", "file://" + source, "bare.git");

    CliRun bare = verdict(audit("--repo", arg(dir.resolve("bare.git")), "--range", "main..feature", "--format", "json"), 1);
    CliRun work = verdict(audit("--repo", arg(source), "--range", "main..feature", "--format", "json"), 1);

    assertThat(findings(bare)).isEqualTo(findings(work)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void aLinkedWorktreeIsAuditedLikeTheMainOne() throws Exception {
    Path source = stubOnFeature();
    git(source, "checkout", "-q", "main");
    git(source, "worktree", "add", "-q", "-b", "side", arg(dir.resolve("side")));
    Files.writeString(dir.resolve("side").resolve("side.py"), STUB, StandardCharsets.UTF_8);
    git(dir.resolve("side"), "add", "side.py");
    git(dir.resolve("side"), "commit", "-q", "-m", "Implement the side parser, done");

    CliRun run = verdict(audit("--repo", arg(dir.resolve("side")), "--range", "main..HEAD", "--format", "json"), 1);

    assertThat(findings(run)).containsExactly("side.py:2:" + STUB_RULE);
  }

  @Test
  void aDetachedHeadIsAuditedWithTheDefaultRange() throws Exception {
    Path repo = stubOnFeature();
    git(repo, "checkout", "-q", "--detach", "feature");

    CliRun run = verdict(audit("--repo", arg(repo), "--format", "json"), 1);

    assertThat(json(run).path("range").path("commits").asInt()).isEqualTo(1);
    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void theDefaultRangeFollowsTheUpstreamBranch() throws Exception {
    Path source = stubOnFeature();
    git(dir, "clone", "-q", "file://" + source, "clone");
    Path clone = dir.resolve("clone");
    git(clone, "checkout", "-q", "-b", "topic", "--track", "origin/feature");
    Files.writeString(clone.resolve("more.py"), STUB, StandardCharsets.UTF_8);
    git(clone, "add", "more.py");
    git(clone, "commit", "-q", "-m", "Implement more, done");

    CliRun run = verdict(audit("--repo", arg(clone), "--format", "json"), 1);

    assertThat(json(run).path("range").path("commits").asInt()).isEqualTo(1);
    assertThat(findings(run)).containsExactly("more.py:2:" + STUB_RULE);
  }

  @Test
  void aRefThatDoesNotExistIsOneLine() throws Exception {
    badInput(audit("--repo", arg(stubOnFeature()), "--range", "main..no-such-branch"), "unknown revision 'no-such-branch'");
  }

  @Test
  void aTagAndABranchOfOneNameOnDifferentCommitsAreRefused() throws Exception {
    Path repo = stubOnFeature();
    git(repo, "tag", "feature", "main");

    badInput(audit("--repo", arg(repo), "--range", "main..feature"), "ambiguous revision 'feature'");
    verdict(audit("--repo", arg(repo), "--range", "main..refs/heads/feature"), 1);
  }

  @Test
  void aTagAndABranchOfOneNameOnTheSameCommitAreNotAmbiguous() throws Exception {
    Path repo = stubOnFeature();
    git(repo, "tag", "feature", "refs/heads/feature");

    verdict(audit("--repo", arg(repo), "--range", "main..feature"), 1);
  }

  @Test
  void anAbbreviatedIdThatFitsTwoCommitsIsRefused() throws Exception {
    Path repo = stubOnFeature();
    String prefix;
    try (Repository repository = org.eclipse.jgit.storage.file.FileRepositoryBuilder.create(repo.resolve(".git").toFile());
        ObjectInserter inserter = repository.newObjectInserter()) {
      ObjectId tree = repository.resolve("main^{tree}");
      Map<String, ObjectId> byPrefix = new HashMap<>();
      prefix = null;
      for (int i = 0; prefix == null; i++) {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        PersonIdent ident = new PersonIdent("Test Author", "author@example.com");
        commit.setAuthor(ident);
        commit.setCommitter(ident);
        commit.setMessage("Commit " + i);
        ObjectId id = inserter.insert(commit);
        String shortName = id.name().substring(0, 4);
        if (byPrefix.putIfAbsent(shortName, id) != null) {
          prefix = shortName;
        }
      }
      inserter.flush();
    }

    badInput(audit("--repo", arg(repo), "--range", "main.." + prefix), "ambiguous revision '" + prefix + "'");
  }

  @Test
  void aRangeWhoseBaseObjectIsMissingSaysWhatToFetch() throws Exception {
    Path repo = stubOnFeature();
    String base = git(repo, "rev-parse", "main");
    String head = git(repo, "rev-parse", "feature");
    deleteObject(repo, base);

    badInput(audit("--repo", arg(repo), "--range", base + ".." + head), "lacks object " + base);
  }

  @Test
  void aRangeEndThatIsATreeIsNotACommit() throws Exception {
    badInput(audit("--repo", arg(stubOnFeature()), "--range", "main..feature^{tree}"), "not a commit");
  }

  @Test
  void aRepositoryWithNoCommitsIsOneLine() throws Exception {
    Path repo = dir.resolve("empty");
    Files.createDirectories(repo);
    git(repo, "init", "-q");

    badInput(audit("--repo", arg(repo)), "unknown revision");
  }

  @Test
  void aDirectoryThatIsNoRepositoryIsOneLine() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));

    badInput(audit("--repo", arg(plain), "--range", "main..HEAD"), "not a git repository");
  }

  @Test
  void aRepositoryPathThatDoesNotExistIsOneLine() throws Exception {
    badInput(audit("--repo", arg(dir.resolve("nowhere")), "--range", "main..HEAD"), "not a directory");
  }

  @Test
  void escapeSequencesInARangeAreShownEscaped() throws Exception {
    CliRun run = badInput(audit("--repo", arg(stubOnFeature()), "--range", "main..feature\u001b[2J\u0007"), "unknown revision");

    assertThat(run.err()).contains("\\u001b[2J\\u0007");
  }

  @Test
  void threeDotsGiveTheSameVerdictAsTwo() throws Exception {
    Path repo = stubOnFeature();

    CliRun two = verdict(audit("--repo", arg(repo), "--range", "main..feature", "--format", "json"), 1);
    CliRun three = verdict(audit("--repo", arg(repo), "--range", "main...feature", "--format", "json"), 1);

    assertThat(findings(three)).isEqualTo(findings(two));
  }

  @Test
  void aRevisionWithAReflogSelectorThatDoesNotExistIsOneLine() throws Exception {
    badInput(audit("--repo", arg(stubOnFeature()), "--range", "main@{99}..feature"), "revision 'main@{99}'");
  }

  @Test
  void aCommitMessageOfOneMegabyteIsRead() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("a.txt", "a\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB)
          .commit("Implement the parser, done\n\n" + "Long explanation of nothing in particular. ".repeat(25_000));
    }

    CliRun run = verdict(audit("--repo", arg(repo), "--range", "main..feature", "--format", "json"), 1);

    JsonNode claims = json(run).path("claims");
    assertThat(claims.size()).isGreaterThanOrEqualTo(1);
    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
  }

  @Test
  void anAnnotatedTagAsTheHeadIsPeeledToItsCommit() throws Exception {
    Path repo = stubOnFeature();
    git(repo, "tag", "-a", "v1.0", "-m", "Release, everything finished", "feature");

    CliRun run = verdict(audit("--repo", arg(repo), "--range", "main..v1.0", "--format", "json"), 1);

    assertThat(findings(run)).containsExactly("src/parse.py:2:" + STUB_RULE);
    assertThat(json(run).path("claims").toString()).doesNotContain("everything finished");
  }

  @Test
  void aCommitMessageInLatin1IsDecodedByItsHeader() throws Exception {
    Path repo = stubOnFeature();
    git(repo, "checkout", "-q", "feature");
    Files.writeString(repo.resolve("more.py"), STUB, StandardCharsets.UTF_8);
    git(repo, "add", "more.py");
    Path message = dir.resolve("message.txt");
    Files.write(message, "Implement more, done \u00e9t\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    git(repo, "-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "-F", message.toString());

    CliRun run = verdict(audit("--repo", arg(repo), "--range", "main..feature", "--format", "json"), 1);

    assertThat(json(run).path("claims").toString()).contains("Implement more, done \u00e9t\u00e9");
  }

  @Test
  void aStubAddedAndRemovedWithinTheRangeIsGone() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Sketch the parser (WIP)");
      test.write("src/parse.py", "def parse():\n    return 1\n").commit("Implement the parser, done");
    }

    CliRun run = verdict(audit("--repo", arg(repo), "--range", "main..feature", "--format", "json"), 0);

    assertThat(findings(run)).isEmpty();
  }

  @Test
  void aStubThatOnlyTheMergeCommitIntroducesIsFound() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("topic").write("topic.txt", "t\n").commit("Add the topic");
      test.checkout("main").branch("feature").write("feature.txt", "f\n").commit("Add the feature, done");
    }
    git(repo, "merge", "-q", "--no-ff", "--no-commit", "topic");
    Files.writeString(repo.resolve("sneaky.py"), STUB, StandardCharsets.UTF_8);
    git(repo, "add", "sneaky.py");
    git(repo, "commit", "-q", "-m", "Merge branch 'topic' into feature");

    CliRun run = verdict(audit("--repo", arg(repo), "--range", "main..feature", "--format", "json"), 1);

    assertThat(findings(run)).containsExactly("sneaky.py:2:" + STUB_RULE);
  }

  @Test
  void aMissingBaseVersionOfAChangedFileIsOneLineNotAPass() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("src/parse.py", "def parse():\n    return 1\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", "def parse():\n    return 1\n\n\ndef more():\n    raise NotImplementedError\n")
          .commit("Implement more, done");
    }
    String blob = git(repo, "rev-parse", "main:src/parse.py");
    deleteObject(repo, blob);

    badInput(audit("--repo", arg(repo), "--range", "main..feature"), "lacks object " + blob + " needed for src/parse.py");
  }

  /** The files of the net diff are read on a thread of their own; a folder that cannot be read there is still one line. */
  @Test
  void aMissingFolderOfTheNetDiffSaysWhatToFetch() throws Exception {
    Path repo = stubOnFeature();
    String folder = git(repo, "rev-parse", "feature:src");
    deleteObject(repo, folder);

    badInput(audit("--repo", arg(repo), "--range", "main..feature"), "lacks object " + folder + " needed for range main..feature");
  }

  @Test
  void aCorruptObjectIsOneLine() throws Exception {
    Path repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("src/parse.py", "def parse():\n    return 1\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", "def parse():\n    return 1\n\n\ndef more():\n    raise NotImplementedError\n")
          .commit("Implement more, done");
    }
    String blob = git(repo, "rev-parse", "main:src/parse.py");
    Path object = repo.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
    byte[] bytes = Files.readAllBytes(object);
    object.toFile().setWritable(true);
    Files.write(object, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    badInput(audit("--repo", arg(repo), "--range", "main..feature"), "src/parse.py");
  }
}
