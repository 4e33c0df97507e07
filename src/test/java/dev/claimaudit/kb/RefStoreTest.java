package dev.claimaudit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base kept under refs/claim-audit/kb: out of every branch a pull request can push to. */
class RefStoreTest {
  private static final String REF = "refs/claim-audit/kb";

  @TempDir Path dir;
  private Path repo;

  @BeforeEach
  void threePullRequestsWithTheSameMistake() {
    repo = dir.resolve("repo");
    try (TestRepo git = TestRepo.init(repo)) {
      git.write("src/lib.rs", "pub mod core;\n").commit("Initial crate");
      for (String name : List.of("alpha", "beta", "gamma")) {
        git.checkout("main").branch(name).write("src/" + name + ".rs", "pub fn " + name + "() -> u32 {\n    let " + name + " = todo!();\n    "
            + name + "\n}\n").commit("WIP: " + name + " stub");
      }
      git.checkout("main");
    }
  }

  @Test
  void auditsRecordIntoTheRefAndEscalateFromItWithoutTouchingTheWorkTree() throws Exception {
    List<String> names = List.of("alpha", "beta", "gamma");
    JsonNode last = null;
    for (int i = 0; i < names.size(); i++) {
      CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main.." + names.get(i), "--pr", String.valueOf(i + 1), "--kb", "git:" + REF,
          "--format", "json");
      assertThat(run.exitCode()).as(run.err()).isZero();
      last = new ObjectMapper().readTree(run.out());
    }
    assertThat(last.path("findings").toString()).contains("kb-recurring").contains("3 pull requests (#1, #2, this one)");
    assertThat(last.path("checks").toString()).contains("git:" + REF);

    try (Git git = Git.open(repo.toFile())) {
      Repository repository = git.getRepository();
      assertThat(git.status().call().isClean()).isTrue();
      assertThat(repository.getBranch()).isEqualTo("main");
      try (RevWalk walk = new RevWalk(repository)) {
        RevCommit tip = walk.parseCommit(repository.exactRef(REF).getObjectId());
        assertThat(tip.getParentCount()).isEqualTo(1);
        assertThat(tip.getFullMessage()).startsWith("claim-audit: append 1 line to lessons.jsonl");
      }
    }
    CliRun stats = CliRun.of("kb", "stats", "--kb", "git:" + REF, "--repo", repo.toString());
    assertThat(stats.out()).contains("lessons         3").contains("pull requests   3");
  }

  @Test
  void concurrentWritersToTheRefLoseNothing() throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 1; t <= 4; t++) {
      int pr = t;
      threads.add(new Thread(() -> {
        try (GitRepository repository = GitRepository.open(repo)) {
          KnowledgeBase kb = KnowledgeBase.open("git:" + REF, repository, null, true);
          for (int i = 0; i < 15; i++) {
            kb.record(List.of(new Lesson(Instant.now(), pr, null, "r", "warn", String.format("%016x", pr * 100 + i), null, i, "s")));
          }
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
    try (GitRepository repository = GitRepository.open(repo)) {
      List<Lesson> read = new ArrayList<>();
      KnowledgeBase.Skips skips = new KnowledgeBase.Skips();
      KnowledgeBase.open("git:" + REF, repository, null, false).lessons(read::add, skips);
      assertThat(read).hasSize(60);
      assertThat(read.stream().map(lesson -> lesson.pr() + "/" + lesson.line()).distinct()).hasSize(60);
      assertThat(skips.count()).isZero();
    }
  }

  @Test
  void mergingARemoteCopyMakesAMergeCommitThatFastForwardsIt() throws Exception {
    CliRun.of("--repo", repo.toString(), "--range", "main..alpha", "--pr", "1", "--kb", "git:" + REF);
    CliRun.of("--repo", repo.toString(), "--range", "main..beta", "--pr", "2", "--kb", "git:refs/claim-audit/kb-remote");

    CliRun merge = CliRun.of("kb", "merge", "--from", "git:refs/claim-audit/kb-remote", "--kb", "git:" + REF, "--repo", repo.toString());

    assertThat(merge.exitCode()).as(merge.err()).isZero();
    assertThat(merge.out()).contains("1 lessons and 0 notes added");
    try (Git git = Git.open(repo.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
      Repository repository = git.getRepository();
      RevCommit tip = walk.parseCommit(repository.exactRef(REF).getObjectId());
      ObjectId remote = repository.exactRef("refs/claim-audit/kb-remote").getObjectId();
      assertThat(tip.getParentCount()).isEqualTo(2);
      assertThat(walk.isMergedInto(walk.parseCommit(remote), tip)).isTrue();
    }
    CliRun stats = CliRun.of("kb", "stats", "--kb", "git:" + REF, "--repo", repo.toString(), "--format", "json");
    assertThat(new ObjectMapper().readTree(stats.out()).path("pullRequests").asInt()).isEqualTo(2);
  }

  @Test
  void aRefThatDoesNotPointAtACommitIsOneLineAndExitTwo() throws Exception {
    try (Git git = Git.open(repo.toFile()); ObjectInserter inserter = git.getRepository().newObjectInserter()) {
      ObjectId blob = inserter.insert(Constants.OBJ_BLOB, "not a commit".getBytes(StandardCharsets.UTF_8));
      inserter.flush();
      RefUpdate update = git.getRepository().updateRef(REF);
      update.setNewObjectId(blob);
      update.forceUpdate();
    }
    CliRun run = CliRun.of("--repo", repo.toString(), "--range", "main..alpha", "--pr", "1", "--kb", "git:" + REF);
    assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("audit: " + REF + " does not point at a commit");
  }
}
