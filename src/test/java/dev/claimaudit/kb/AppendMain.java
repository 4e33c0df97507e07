package dev.claimaudit.kb;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate process that appends lessons to a knowledge base through the production code: one
 * lesson per append, then batches, so that its writes interleave with other processes' writes.
 * Arguments: directory, pull request number, lessons to write.
 */
public final class AppendMain {
  private AppendMain() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int pr = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    KnowledgeBase kb = KnowledgeBase.open(dir.toString(), null, null, true);
    String padding = "x".repeat(1_000 + pr * 500);
    List<Lesson> batch = new ArrayList<>();
    for (int seq = 0; seq < count; seq++) {
      Lesson lesson = new Lesson(Instant.now(), pr, "abcdef" + pr, "rule-" + pr, "warn", String.format("%016x", (long) pr << 32 | seq),
          "p" + pr + "/" + seq, seq, padding);
      if (seq < count / 2) {
        kb.record(List.of(lesson));
      } else {
        batch.add(lesson);
        if (batch.size() == 25) {
          kb.record(batch);
          batch.clear();
        }
      }
    }
    kb.record(batch);
  }
}
