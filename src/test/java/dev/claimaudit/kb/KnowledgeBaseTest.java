package dev.claimaudit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed lines are skipped and reported, and no write loses or rewrites them. */
class KnowledgeBaseTest {
  @TempDir Path dir;

  private static Lesson lesson(int pr, String time, String signature) {
    return new Lesson(Instant.parse(time), pr, "abcdef1", "rs-todo-macro", "warn", signature, "src/a.rs", 2, "let _ = todo ! ( )");
  }

  private static final String VALID = lesson(1, "2024-03-01T00:00:00Z", "0123456789abcdef").toJson();

  private static final List<String> MALFORMED = List.of(
      "not json at all",
      "{\"v\":1,\"pr\":1}",
      "[1,2,3]",
      "{\"v\":1,\"time\":\"2024-03-01T00:00:00Z\",\"pr\":0,\"rule\":\"r\",\"sig\":\"0123456789abcdef\"}",
      "{\"v\":1,\"time\":\"yesterday\",\"pr\":3,\"rule\":\"r\",\"sig\":\"0123456789abcdef\"}",
      "{\"v\":1,\"time\":\"2024-03-01T00:00:00Z\",\"pr\":3,\"rule\":\"r\",\"sig\":\"XYZ\"}",
      "{\"v\":1,\"time\":\"2024-03-01T00:00:00Z\",\"pr\":3,\"rule\":\"r r\",\"sig\":\"0123456789abcdef\"}",
      "{\"v\":1,\"time\":\"2024-03-01T00:00:00Z\",\"pr\":3,\"rule\":\"r\",\"sig\":\"0123456789abcdef\",\"head\":\"zz\"}",
      VALID + VALID,
      "{\"v\":1,\"time\":\"2024-03-01T00:00:00Z\",\"pr\":3,\"ru");

  private Path write(String name, byte[] content) throws Exception {
    Files.createDirectories(dir.resolve("kb"));
    return Files.write(dir.resolve("kb").resolve(name), content);
  }

  @Test
  void everyMalformedLineIsSkippedAndReportedWithItsLineNumber() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(VALID);
    lines.addAll(MALFORMED);
    lines.add("");
    lines.add(lesson(2, "2024-03-02T00:00:00Z", "0123456789abcdef").toJson());
    String text = String.join("\n", lines) + "\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBadUtf8 = concat(bytes, "{\"rule\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
        "\"}\nx".getBytes(StandardCharsets.UTF_8));
    write(KnowledgeBase.LESSONS, withBadUtf8);

    KnowledgeBase kb = KnowledgeBase.open(dir.resolve("kb").toString(), null, null, false);
    List<Lesson> read = new ArrayList<>();
    KnowledgeBase.Skips skips = new KnowledgeBase.Skips();
    kb.lessons(read::add, skips);

    assertThat(read).extracting(Lesson::pr).containsExactly(1, 2);
    assertThat(skips.count()).isEqualTo(MALFORMED.size() + 2);
    assertThat(skips.listed()).extracting(KnowledgeBase.Skipped::line)
        .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15);
    assertThat(skips.listed().get(skips.listed().size() - 2).problem()).isEqualTo("not UTF-8");
    assertThat(skips.describe()).startsWith("12 malformed knowledge base lines skipped: lessons.jsonl:2 (not JSON)");
  }

  @Test
  void anOverlongLineIsSkippedWithoutBeingReadIntoMemoryAndPruneKeepsIt() throws Exception {
    String huge = "{\"pad\":\"" + "x".repeat(JsonLines.MAX_LINE_BYTES * 3) + "\"}";
    write(KnowledgeBase.LESSONS, (VALID + "\n" + huge + "\n" + lesson(2, "2030-01-01T00:00:00Z", "0123456789abcdef").toJson() + "\n")
        .getBytes(StandardCharsets.UTF_8));
    KnowledgeBase kb = KnowledgeBase.open(dir.resolve("kb").toString(), null, null, false);
    KnowledgeBase.Skips skips = new KnowledgeBase.Skips();
    List<Lesson> read = new ArrayList<>();
    kb.lessons(read::add, skips);
    assertThat(read).hasSize(2);
    assertThat(skips.listed()).singleElement().satisfies(skip -> {
      assertThat(skip.line()).isEqualTo(2);
      assertThat(skip.problem()).isEqualTo("longer than 64 KiB");
    });

    KnowledgeBase.Pruned pruned = kb.prune(Instant.parse("2025-01-01T00:00:00Z"));

    assertThat(pruned).isEqualTo(new KnowledgeBase.Pruned(1, 1, 1));
    List<String> after = Files.readAllLines(dir.resolve("kb").resolve(KnowledgeBase.LESSONS));
    assertThat(after).hasSize(2);
    assertThat(after.get(0)).isEqualTo(huge);
  }

  @Test
  void pruneRemovesOnlyOldValidLessonsAndKeepsMalformedLinesByteForByte() throws Exception {
    String old = lesson(1, "2020-01-01T00:00:00Z", "0123456789abcdef").toJson();
    String recent = lesson(2, "2030-01-01T00:00:00Z", "0123456789abcdef").toJson();
    byte[] garbage = {'{', (byte) 0xFF, (byte) 0xFE, '}'};
    byte[] content = concat((old + "\nnot json\n").getBytes(StandardCharsets.UTF_8), garbage, ("\n" + recent + "\n").getBytes(StandardCharsets.UTF_8));
    Path file = write(KnowledgeBase.LESSONS, content);
    write(KnowledgeBase.NOTES, "{\"path\":\"src/a.rs\",\"note\":\"keep me\",\"time\":\"2000-01-01T00:00:00Z\"}\n".getBytes(StandardCharsets.UTF_8));

    KnowledgeBase.Pruned pruned = KnowledgeBase.open(dir.resolve("kb").toString(), null, null, false).prune(Instant.parse("2025-01-01T00:00:00Z"));

    assertThat(pruned).isEqualTo(new KnowledgeBase.Pruned(1, 1, 2));
    assertThat(Files.readAllBytes(file)).isEqualTo(concat("not json\n".getBytes(StandardCharsets.UTF_8), garbage,
        ("\n" + recent + "\n").getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(dir.resolve("kb").resolve(KnowledgeBase.NOTES))).contains("keep me");
  }

  @Test
  void anAppendAfterATornLastLineStartsOnANewLineSoTheTornLineStaysItsOwn() throws Exception {
    Path file = write(KnowledgeBase.LESSONS, (VALID + "\n{\"v\":1,\"time\":\"2024").getBytes(StandardCharsets.UTF_8));
    KnowledgeBase kb = KnowledgeBase.open(dir.resolve("kb").toString(), null, null, true);

    kb.record(List.of(lesson(5, "2024-03-05T00:00:00Z", "fedcba9876543210")));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).isEqualTo("{\"v\":1,\"time\":\"2024");
    List<Lesson> read = new ArrayList<>();
    KnowledgeBase.Skips skips = new KnowledgeBase.Skips();
    kb.lessons(read::add, skips);
    assertThat(read).extracting(Lesson::pr).containsExactly(1, 5);
    assertThat(skips.count()).isEqualTo(1);
  }

  @Test
  void notesAreReadWithTheirMalformedLinesReported() throws Exception {
    write(KnowledgeBase.NOTES, String.join("\n",
        "{\"path\":\"src/a.rs\",\"note\":\"off by one twice\",\"by\":\"alice\",\"attempts\":3,\"time\":\"2024-01-01T00:00:00Z\"}",
        "{\"path\":\"/etc/passwd\",\"note\":\"x\"}",
        "{\"path\":\"src/b.rs\",\"note\":\"\"}",
        "{\"path\":\"src/b.rs\",\"note\":\"ok\",\"attempts\":\"many\"}",
        "{\"path\":\"src/b.rs\",\"note\":\"ok\",\"time\":\"soon\"}",
        "{\"path\":\"src/c.rs\",\"note\":\"no author\"}") .getBytes(StandardCharsets.UTF_8));
    KnowledgeBase.Skips skips = new KnowledgeBase.Skips();

    List<FileNote> notes = KnowledgeBase.open(dir.resolve("kb").toString(), null, null, false).notes(skips);

    assertThat(notes).extracting(FileNote::path).containsExactly("src/a.rs", "src/c.rs");
    assertThat(notes.get(0)).isEqualTo(new FileNote("src/a.rs", "off by one twice", "alice", 3, Instant.parse("2024-01-01T00:00:00Z")));
    assertThat(skips.listed()).extracting(KnowledgeBase.Skipped::line).containsExactly(2, 3, 4, 5);
  }

  @Test
  void mergingTwoDirectoriesAddsOnlyTheMissingLines() throws Exception {
    KnowledgeBase a = KnowledgeBase.open(dir.resolve("a").toString(), null, null, true);
    KnowledgeBase b = KnowledgeBase.open(dir.resolve("b").toString(), null, null, true);
    Lesson shared = lesson(1, "2024-03-01T00:00:00Z", "0123456789abcdef");
    a.record(List.of(shared, lesson(2, "2024-03-02T00:00:00Z", "0123456789abcdef")));
    b.record(List.of(shared, lesson(3, "2024-03-03T00:00:00Z", "0123456789abcdef")));
    b.addNote(new FileNote("src/a.rs", "check the bounds", "bob", 2, Instant.parse("2024-03-03T00:00:00Z")));

    KnowledgeBase.Merged merged = a.merge(b);
    a.merge(b);

    assertThat(merged.added()).containsEntry(KnowledgeBase.LESSONS, 1).containsEntry(KnowledgeBase.NOTES, 1);
    List<String> lines = Files.readAllLines(dir.resolve("a").resolve(KnowledgeBase.LESSONS));
    assertThat(lines).extracting(line -> Lesson.parse(line).lesson().pr()).containsExactly(1, 2, 3);
    assertThat(Files.readAllLines(dir.resolve("a").resolve(KnowledgeBase.NOTES))).hasSize(1);
  }

  @Test
  void threadsOfOneProcessWaitForEachOtherOnTheLock() throws Exception {
    KnowledgeBase kb = KnowledgeBase.open(dir.resolve("kb").toString(), null, null, true);
    List<Thread> threads = new ArrayList<>();
    for (int t = 1; t <= 6; t++) {
      int pr = t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 50; i++) {
          kb.record(List.of(new Lesson(Instant.now(), pr, null, "r", "warn", String.format("%016x", pr * 1000 + i), null, i, "s")));
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    List<Lesson> read = new ArrayList<>();
    KnowledgeBase.Skips skips = new KnowledgeBase.Skips();
    kb.lessons(read::add, skips);
    assertThat(read).hasSize(300);
    assertThat(skips.count()).isZero();
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
