package dev.claimaudit.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reported finding names the commit of the range that added its line, not just the head. */
class LineOriginsTest {
  @TempDir Path dir;

  @Test
  void aFindingIsAttributedToTheCommitThatAddedItsLine() throws Exception {
    String stub;
    String later;
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      stub = repo.branch("feature").write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n\npub fn import() -> u32 {\n    todo!()\n}\n")
          .commitId("Implement import, done");
      later = repo.write("src/lib.rs", "pub fn parse() -> u32 { 2 }\n\npub fn import() -> u32 {\n    todo!()\n}\n")
          .write("src/export.rs", "pub fn export() -> u32 {\n    todo!()\n}\n").commitId("Return two from parse, add export");
    }

    CliRun run = CliRun.of("--repo", dir.toString(), "--range", "main..feature", "--format", "json");

    JsonNode findings = new ObjectMapper().readTree(run.out()).path("findings");
    assertThat(findings).anySatisfy(finding -> {
      assertThat(finding.path("path").asText()).isEqualTo("src/lib.rs");
      assertThat(finding.path("commit").asText()).isEqualTo(stub);
    });
    assertThat(findings).anySatisfy(finding -> {
      assertThat(finding.path("path").asText()).isEqualTo("src/export.rs");
      assertThat(finding.path("commit").asText()).isEqualTo(later);
    });
    assertThat(CliRun.of("--repo", dir.toString(), "--range", "main..feature").out())
        .contains("src/lib.rs:4").contains("added in commit " + stub.substring(0, 7));
  }

  /** A long range is read in parts, one per core; each line still goes to the newest commit that added it. */
  @Test
  void aLongRangeReadInPartsAttributesEachLineToTheCommitThatAddedIt() throws Exception {
    String early;
    String late;
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\n").commit("Initial parser");
      repo.branch("feature");
      StringBuilder log = new StringBuilder();
      early = repo.write("src/lib.rs", "pub fn parse() -> u32 { 1 }\npub fn early() -> u32 {\n    todo!()\n}\n").commitId("Add early");
      for (int n = 0; n < 450; n++) {
        log.append("entry ").append(n).append('\n');
        repo.write("CHANGES.txt", log.toString()).commit("Log entry " + n);
      }
      late = repo.write("src/late.rs", "pub fn late() -> u32 {\n    unimplemented!()\n}\n").commitId("Add late");
      for (int n = 0; n < 20; n++) {
        repo.write("src/lib.rs", "pub fn parse() -> u32 { " + n + " }\npub fn early() -> u32 {\n    todo!()\n}\n").commit("Tune parse " + n);
      }
    }
    try (GitRepository repository = GitRepository.open(dir); ChangeSet changes = repository.changeSet(RangeSpec.parse("main..feature"), DiffLimits.DEFAULT)) {
      assertThat(changes.commits()).hasSizeGreaterThan(2 * 200);
      Map<String, Map<Integer, String>> origins = repository.addedIn(changes.headSha(), changes.commits(),
          Map.of("src/lib.rs", Set.of(3), "src/late.rs", Set.of(2)));

      assertThat(origins).isEqualTo(Map.of("src/lib.rs", Map.of(3, early), "src/late.rs", Map.of(2, late)));
    }
  }

  /** A line is counted where it stands whole between line ends, as {@link String#lines} would split the text. */
  @Test
  void aLineIsCountedAsOftenAsTheTextHoldsItWhole() {
    assertThat(occurrences("todo!()\n  todo!()\ntodo!()\r\ntodo!()", Set.of("todo!()", "  todo!()", "x")))
        .isEqualTo(Map.of("todo!()", 3, "  todo!()", 1));
    assertThat(occurrences("aaa\naa\n", Set.of("aa"))).isEqualTo(Map.of("aa", 1));
    assertThat(occurrences("", Set.of("x", ""))).isEmpty();
    assertThat(occurrences("caf\u00e9\n  caf\u00e9\r\ncafe\n", Set.of("caf\u00e9"))).isEqualTo(Map.of("caf\u00e9", 1));

    Random random = new Random(11);
    String alphabet = "ab\n\r";
    List<String> candidates = List.of("", "a", "b", "ab", "ba", "aa");
    for (int n = 0; n < 20_000; n++) {
      StringBuilder content = new StringBuilder();
      for (int length = random.nextInt(14); length > 0; length--) {
        content.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      Set<String> texts = new HashSet<>();
      for (int k = random.nextInt(4); k >= 0; k--) {
        texts.add(candidates.get(random.nextInt(candidates.size())));
      }
      Map<String, Integer> expected = new HashMap<>();
      content.toString().lines().filter(texts::contains).forEach(line -> expected.merge(line, 1, Integer::sum));
      assertThat(occurrences(content.toString(), texts)).as("%s in [%s]", texts, content).isEqualTo(expected);
    }
  }

  private static Map<String, Integer> occurrences(String content, Set<String> texts) {
    return LineOrigins.occurrences(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), texts);
  }

  /**
   * The blob of each asked path, read along its folders only and remembered by folder, is the one
   * a walk of the whole tree finds at that path, commit after commit, as files come, go, and turn
   * into folders and back.
   */
  @Test
  void eachPathsBlobIsTheOneTheTreeHoldsAtThatPath() throws Exception {
    List<String> asked = List.of("a.txt", "src/a.txt", "src/b/c.txt", "src/b-c/d.txt", "src/b.c", "src/bb/e.txt", "x/y/z/w.txt");
    List<String> written = new ArrayList<>(asked);
    written.addAll(List.of("src/b/c.txt/inner.txt", "x/y", "src/b", "other/f.txt", "src/b/other.txt"));
    List<String> commits = new ArrayList<>();
    Random random = new Random(5);
    try (TestRepo repo = TestRepo.init(dir)) {
      for (int n = 0; n < 60; n++) {
        for (int change = random.nextInt(3); change >= 0; change--) {
          String path = written.get(random.nextInt(written.size()));
          if (random.nextInt(4) == 0) {
            remove(dir.resolve(path));
          } else {
            makeRoomFor(path);
            repo.write(path, "version " + n + " of " + path + "\n");
          }
        }
        commits.add(repo.commitId("Change " + n));
      }
    }
    try (Repository repository = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).build();
        ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
      LineOrigins.PathBlobs blobs = new LineOrigins.PathBlobs(reader, asked);
      int files = 0;
      for (String commit : commits) {
        RevTree tree = walk.parseCommit(ObjectId.fromString(commit)).getTree();
        List<ObjectId> expected = new ArrayList<>();
        for (String path : asked) {
          try (TreeWalk found = TreeWalk.forPath(reader, path, tree)) {
            expected.add(found != null && found.getFileMode(0).getObjectType() == Constants.OBJ_BLOB ? found.getObjectId(0) : null);
          }
        }
        assertThat(Arrays.asList(blobs.in(tree))).as(commit).isEqualTo(expected);
        files += (int) expected.stream().filter(Objects::nonNull).count();
      }
      assertThat(files).as("asked paths that held a file").isGreaterThan(100);
    }
  }

  /** Deletes whatever stands at {@code path}, a file or a whole folder. */
  private static void remove(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> inside = Files.walk(path)) {
        for (Path each : inside.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(each);
        }
      }
    } else if (Files.isRegularFile(path)) {
      Files.delete(path);
    }
  }

  /** Clears the way for a file at {@code path}: a file where one of its folders goes, a folder where it goes. */
  private void makeRoomFor(String path) throws IOException {
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      Path folder = dir.resolve(path.substring(0, slash));
      if (Files.isRegularFile(folder)) {
        Files.delete(folder);
      }
    }
    if (Files.isDirectory(dir.resolve(path))) {
      remove(dir.resolve(path));
    }
  }
}
