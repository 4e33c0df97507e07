package dev.claimaudit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.cli.Main;
import dev.claimaudit.testing.JavaProcess;
import dev.claimaudit.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight separate JVMs write to one knowledge base at once; no line is lost, torn or duplicated. */
class ConcurrentAppendTest {
  private static final int PROCESSES = 8;

  @TempDir Path dir;

  @Test
  void eightProcessesAppendingLessonByLessonLoseNothing() throws Exception {
    Path kb = dir.resolve("kb");
    int perProcess = 150;
    List<Process> processes = new ArrayList<>();
    for (int pr = 1; pr <= PROCESSES; pr++) {
      processes.add(JavaProcess.start(AppendMain.class, dir.resolve("append-" + pr + ".log"), kb.toString(), String.valueOf(pr),
          String.valueOf(perProcess)));
    }
    for (int i = 0; i < processes.size(); i++) {
      assertThat(processes.get(i).waitFor(240, TimeUnit.SECONDS)).as("process %d finished", i + 1).isTrue();
      assertThat(processes.get(i).exitValue()).as(Files.readString(dir.resolve("append-" + (i + 1) + ".log"))).isZero();
    }

    byte[] bytes = Files.readAllBytes(kb.resolve(KnowledgeBase.LESSONS));
    assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '\n');
    List<String> lines = Files.readAllLines(kb.resolve(KnowledgeBase.LESSONS));
    assertThat(lines).hasSize(PROCESSES * perProcess);
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      Lesson lesson = Lesson.parse(line).lesson();
      assertThat(lesson).as("a whole lesson: %s", line.length() > 200 ? line.substring(0, 200) : line).isNotNull();
      assertThat(lesson.snippet()).hasSize(1_000 + lesson.pr() * 500);
      assertThat(seen.add(lesson.pr() + "/" + lesson.line())).as("written once: %s/%s", lesson.pr(), lesson.line()).isTrue();
    }
    for (int pr = 1; pr <= PROCESSES; pr++) {
      for (int seq = 0; seq < perProcess; seq++) {
        assertThat(seen).contains(pr + "/" + seq);
      }
    }
  }

  @Test
  void eightAuditsRecordingIntoOneKnowledgeBaseAtOnceLoseNothing() throws Exception {
    Path repo = dir.resolve("repo");
    int stubs = 60;
    try (TestRepo git = TestRepo.init(repo)) {
      git.write("src/lib.rs", "pub mod core;\n").commit("Initial crate");
      for (int pr = 1; pr <= PROCESSES; pr++) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < stubs; i++) {
          code.append("pub fn step_").append(pr).append('_').append(i).append("() -> u32 {\n    todo!()\n}\n");
        }
        git.checkout("main").branch("pr-" + pr).write("src/part" + pr + ".rs", code.toString()).commit("WIP: part " + pr + " stubs");
      }
    }
    Path kb = dir.resolve("kb");
    List<Process> processes = new ArrayList<>();
    for (int pr = 1; pr <= PROCESSES; pr++) {
      processes.add(JavaProcess.start(Main.class, dir.resolve("audit-" + pr + ".log"), "--repo", repo.toString(), "--range",
          "main..pr-" + pr, "--pr", String.valueOf(pr), "--kb", kb.toString(), "--format", "json"));
    }
    for (int i = 0; i < processes.size(); i++) {
      assertThat(processes.get(i).waitFor(240, TimeUnit.SECONDS)).as("audit %d finished", i + 1).isTrue();
      assertThat(processes.get(i).exitValue()).as(Files.readString(dir.resolve("audit-" + (i + 1) + ".log"))).isIn(0, 1);
      assertThat(Files.readString(dir.resolve("audit-" + (i + 1) + ".log"))).contains("\"verdict\"").contains("recorded " + stubs + " lessons");
    }

    List<String> lines = Files.readAllLines(kb.resolve(KnowledgeBase.LESSONS));
    assertThat(lines).hasSize(PROCESSES * stubs);
    Map<Integer, Integer> perPr = new HashMap<>();
    for (String line : lines) {
      Lesson lesson = Lesson.parse(line).lesson();
      assertThat(lesson).as(line).isNotNull();
      assertThat(lesson.path()).isEqualTo("src/part" + lesson.pr() + ".rs");
      perPr.merge(lesson.pr(), 1, Integer::sum);
    }
    for (int pr = 1; pr <= PROCESSES; pr++) {
      assertThat(perPr.get(pr)).as("lessons of #%d", pr).isEqualTo(stubs);
    }
  }
}
