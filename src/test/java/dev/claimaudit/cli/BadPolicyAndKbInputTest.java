package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad policy or knowledge base input ends as one line on stderr and exit code 2, never a stack trace. */
class BadPolicyAndKbInputTest {
  @TempDir Path dir;

  private Path repo() {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      repo.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 2 }\n").commit("Parse two");
    }
    return dir.resolve("repo");
  }

  private Path repoWithBasePolicy(byte[] policy) {
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      repo.writeBytes(".claim-audit.yml", policy).write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      repo.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 2 }\n").commit("Parse two");
    }
    return dir.resolve("repo");
  }

  private static void assertOneLineExitTwo(CliRun run, String expected) {
    assertThat(run.exitCode()).as("stdout: %s%nstderr: %s", run.out(), run.err()).isEqualTo(2);
    assertThat(run.err().lines().filter(line -> !line.isBlank()).toList()).as(run.err()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception").contains(expected);
  }

  @Test
  void anInvalidPolicyAtTheBaseStopsTheAuditNamingFileLineAndKey() {
    Path repo = repoWithBasePolicy("fail-on: block\nrules:\n  todo-marker:\n    severity: loud\n".getBytes());
    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..feature");
    assertOneLineExitTwo(run, "audit: invalid policy .claim-audit.yml:4 at base ");
    assertThat(run.err()).contains("rules.todo-marker.severity: must be info, warn or block, got \"loud\"");
  }

  @Test
  void aBinaryPolicyAtTheBaseIsNamedAsSuch() {
    CliRun run = CliRun.of("--repo", repoWithBasePolicy(new byte[] {'a', 0, 'b', 0}).toString(), "--range", "main..feature");
    assertOneLineExitTwo(run, "is binary, not text");
  }

  @Test
  void aSymlinkedPolicyAtTheBaseIsNotFollowed() throws Exception {
    Files.createDirectories(dir.resolve("repo"));
    try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
      Files.createSymbolicLink(dir.resolve("repo/.claim-audit.yml"), Path.of("/etc/hostname"));
      repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      repo.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 2 }\n").commit("Parse two");
    }
    CliRun run = CliRun.of("--repo", dir.resolve("repo").toString(), "--range", "main..feature");
    assertOneLineExitTwo(run, "is a symbolic link, not a file");
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--policy", dir.resolve("missing.yml").toString()),
            "cannot read policy "),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--policy", dir.toString()), "cannot read policy "),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--policy", write(dir, "latin1.yml", new byte[] {'#', ' ', (byte) 0xE9, '\n'})),
            "not UTF-8 text"),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--policy", write(dir, "p.yml", "fail-on: maybe\n".getBytes())),
            "p.yml:1: fail-on: must be block, warn or never"),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--policy", write(dir, "p.yml", "x".getBytes()), "--policy-from", "head"),
            "give --policy FILE or --policy-from WHERE, not both"),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--policy-from", "upstream"), "--policy-from"),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--kb", write(dir, "kb-file", "x".getBytes())), "is not a directory"),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--kb", ""), "--kb takes a directory or git:REF"),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--kb", "git:refs/heads/main"), "not a usable ref for stored files"),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--kb", "git:not a ref"), "not a usable ref for stored files"),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--pr", "0"), "--pr takes a pull request number"),
        Arguments.of((Function<Path, List<String>>) dir -> List.of("--pr", "twelve"), "--pr"));
  }

  private static String write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("badOptions")
  void everyBadOptionIsOneLineAndExitTwo(Function<Path, List<String>> options, String expected) {
    Path repo = repo();
    List<String> args = new ArrayList<>(List.of("--repo", repo.toString(), "--range", "main..feature"));
    args.addAll(options.apply(dir));
    assertOneLineExitTwo(CliRun.of(args.toArray(String[]::new)), expected);
  }

  @Test
  void policyFromTheWorkTreeOfABareRepositoryIsRefused() throws Exception {
    Path source = repo();
    Path bare = dir.resolve("bare.git");
    Git.cloneRepository().setURI(source.toUri().toString()).setDirectory(bare.toFile()).setBare(true).setBranchesToClone(List.of("refs/heads/main", "refs/heads/feature"))
        .setCloneAllBranches(true).call().close();
    CliRun run = CliRun.of("--repo", bare.toString(), "--range", "main..feature", "--policy-from", "worktree");
    assertOneLineExitTwo(run, "--policy-from worktree needs a work tree");
  }

  @Test
  void aKnowledgeBaseDirectoryThatCannotBeCreatedIsRefusedBeforeTheAudit() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    CliRun run = CliRun.of("--repo", repo().toString(), "--range", "main..feature", "--kb", file.resolve("kb").toString());
    assertOneLineExitTwo(run, "cannot create the knowledge base directory");
  }

  @Test
  void knowledgeBaseFilesThatAreNotRegularFilesAreRefused() throws Exception {
    Path repo = repo();
    Path kb = Files.createDirectories(dir.resolve("kb"));
    Files.createSymbolicLink(kb.resolve("lessons.jsonl"), Path.of("/dev/zero"));
    assertOneLineExitTwo(CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--kb", kb.toString()),
        "lessons.jsonl is not a regular file");
    assertOneLineExitTwo(CliRun.of("kb", "prune", "--older-than", "1", "--kb", kb.toString()), "lessons.jsonl is not a regular file");

    Path other = Files.createDirectories(dir.resolve("other").resolve("file-notes.jsonl"));
    assertOneLineExitTwo(CliRun.of("--repo", repo.toString(), "--range", "main..feature", "--kb", other.getParent().toString()),
        "file-notes.jsonl is not a regular file");
  }

  @Test
  void kbSubcommandsRefuseBadInputInOneLine() throws Exception {
    Path repo = repo();
    Path kb = Files.createDirectories(dir.resolve("kb"));
    assertOneLineExitTwo(CliRun.of("kb", "stats", "--kb", dir.resolve("nowhere").toString()), "no knowledge base at");
    assertOneLineExitTwo(CliRun.of("kb", "stats", "--repo", repo.toString()), "no knowledge base: give --kb DIR");
    assertOneLineExitTwo(CliRun.of("kb", "stats", "--kb", kb.toString(), "--format", "xml"), "unknown format 'xml'");
    assertOneLineExitTwo(CliRun.of("kb", "show", "zz", "--kb", kb.toString()), "a signature is 4 to 16 hex digits");
    assertOneLineExitTwo(CliRun.of("kb", "show", "abcd", "--kb", kb.toString()), "no lesson in");
    assertOneLineExitTwo(CliRun.of("kb", "prune", "--kb", kb.toString()), "--older-than");
    assertOneLineExitTwo(CliRun.of("kb", "prune", "--older-than", "-3", "--kb", kb.toString()), "--older-than takes a number of days");
    assertOneLineExitTwo(CliRun.of("kb", "note", "/etc/passwd", "x", "--kb", kb.toString()), "path must be a repository-relative path");
    assertOneLineExitTwo(CliRun.of("kb", "note", "src/lib.rs", " ", "--kb", kb.toString()), "note must be non-empty text");
    assertOneLineExitTwo(CliRun.of("kb", "merge", "--from", dir.resolve("nowhere").toString(), "--kb", kb.toString()), "no knowledge base at");
    assertOneLineExitTwo(CliRun.of("kb", "merge", "--from", "git:refs/claim-audit/none", "--kb", "git:refs/claim-audit/kb", "--repo",
        repo.toString()), "ref refs/claim-audit/none does not exist");
    assertOneLineExitTwo(CliRun.of("kb"), "give a subcommand");
    assertOneLineExitTwo(CliRun.of("config", "--repo", repo.toString(), "--range", "main..feature", "--format", "yaml"), "unknown format 'yaml'");
  }
}
