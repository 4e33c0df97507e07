package dev.claimaudit.hostile;

import static dev.claimaudit.hostile.Hostile.audit;
import static dev.claimaudit.hostile.Hostile.json;
import static dev.claimaudit.hostile.Hostile.verdict;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB;
import static dev.claimaudit.hostile.HistoryCasesTest.STUB_RULE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.kb.Lesson;
import dev.claimaudit.testing.CliRun;
import dev.claimaudit.testing.TestRepo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the audit writes: missing, read-only and full file systems, pipes, and a run stopped by a signal. */
class EnvironmentCasesTest {
  @TempDir Path dir;
  private Path repo;

  @BeforeEach
  void repository() {
    repo = dir.resolve("repo");
    try (TestRepo test = TestRepo.init(repo)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", STUB).commit("Implement the parser, done");
    }
  }

  private CliRun auditWithReport(Path report) {
    return audit("--repo", repo.toString(), "--range", "main..feature", "--report", "json=" + report);
  }

  /** Exit 2 and one line on stderr naming the report; the verdict on stdout is already printed. */
  private static void reportRefused(CliRun run, String fragment) {
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(2);
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("audit: cannot write report ").contains(fragment);
  }

  private static List<Path> leftovers(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().startsWith(".claim-audit-")).toList();
    }
  }

  @Test
  void aReportIntoADirectoryThatDoesNotExistIsOneLine() {
    reportRefused(auditWithReport(dir.resolve("missing/report.json")), "missing");
  }

  @Test
  void aReportUnderARegularFileIsOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("plain.txt"), "x");

    reportRefused(auditWithReport(file.resolve("report.json")), "plain.txt");
  }

  @Test
  void aReportOntoADirectoryIsOneLineAndLeavesNoTemporaryFile() throws Exception {
    Path target = Files.createDirectories(dir.resolve("reports/report.json"));

    reportRefused(auditWithReport(target), "report.json");
    assertThat(leftovers(dir.resolve("reports"))).isEmpty();
  }

  @Test
  void aReportIsWrittenWholeAndReplacesAnOldOne() throws Exception {
    Path report = Files.writeString(dir.resolve("report.json"), "old");

    CliRun run = auditWithReport(report);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(report.toFile()).path("verdict").asText()).isEqualTo("block");
    assertThat(leftovers(dir)).isEmpty();
  }

  @Test
  void aReportIntoANamedPipeIsWrittenThroughThePipe() throws Exception {
    Path fifo = dir.resolve("report.pipe");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "read failed: " + e;
      }
    });

    CliRun run = auditWithReport(fifo);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(reader.get(60, TimeUnit.SECONDS)).contains("\"verdict\" : \"block\"");
    assertThat(Files.isRegularFile(fifo)).as("the pipe is still a pipe").isFalse();
    assertThat(Files.exists(fifo)).isTrue();
  }

  /** Mounts a small tmpfs on {@code mountPoint}; skips the test where mounting is not allowed. */
  private static void mountTmpfs(Path mountPoint, String options) throws Exception {
    Files.createDirectories(mountPoint);
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", mountPoint.toString())
        .redirectErrorStream(true).start();
    mount.getInputStream().readAllBytes();
    Assumptions.assumeTrue(mount.waitFor() == 0, "mounting a tmpfs is allowed here");
  }

  private static void unmount(Path mountPoint) throws Exception {
    new ProcessBuilder("umount", mountPoint.toString()).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
  }

  @Test
  void aFullDiskIsOneLineAndLeavesNoPartialReport() throws Exception {
    Path disk = dir.resolve("full");
    mountTmpfs(disk, "size=64k");
    try {
      try (var out = Files.newOutputStream(disk.resolve("filler"))) {
        byte[] block = new byte[4096];
        while (true) {
          out.write(block);
        }
      } catch (IOException expected) {
        assertThat(expected.getMessage()).containsIgnoringCase("space");
      }

      reportRefused(auditWithReport(disk.resolve("report.json")), "No space left");
      assertThat(disk.resolve("report.json")).doesNotExist();
      assertThat(leftovers(disk)).isEmpty();
    } finally {
      unmount(disk);
    }
  }

  @Test
  void aReadOnlyFileSystemIsOneLine() throws Exception {
    Path readOnly = dir.resolve("ro");
    mountTmpfs(readOnly, "size=64k,ro");
    try {
      reportRefused(auditWithReport(readOnly.resolve("report.json")), "report.json");
      assertThat(readOnly.resolve("report.json")).doesNotExist();
    } finally {
      unmount(readOnly);
    }
  }

  /**
   * Stops real audit processes with SIGTERM and SIGINT at several moments of their run. Whatever
   * the moment, the report file is the old one or a whole new one, never a part, and no
   * temporary file is left behind.
   */
  @Test
  void aRunStoppedBySignalLeavesNoHalfWrittenReport() throws Exception {
    Path body = dir.resolve("body.md");
    Files.writeString(body, "Implemented the parser, done. Adds `src/parse.py`.\n".repeat(40_000), StandardCharsets.UTF_8);
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Path report = reports.resolve("report.json");
    Files.writeString(report, "{\"verdict\" : \"previous\"}");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int stoppedEarly = 0;
    for (long delay : new long[] {300, 900, 1_800, 3_000, 5_000, 8_000}) {
      for (String signal : new String[] {"TERM", "INT"}) {
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            "dev.claimaudit.cli.Main", "--repo", repo.toString(), "--range", "main..feature", "--pr-body-file", body.toString(),
            "--report", "json=" + report)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
        boolean finished = process.waitFor(delay, TimeUnit.MILLISECONDS);
        if (!finished) {
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
          stoppedEarly++;
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ends after SIG%s", signal).isTrue();

        JsonNode written = new ObjectMapper().readTree(report.toFile());
        assertThat(written.path("verdict").asText()).isIn("previous", "block");
        assertThat(leftovers(reports)).isEmpty();
        assertThat(Files.readString(dir.resolve("stderr.txt"))).doesNotContain("\tat ").doesNotContain("Exception");
        if (finished) {
          assertThat(process.exitValue()).isEqualTo(1);
        } else {
          assertThat(process.exitValue()).isIn(1, 128 + 2, 128 + 15);
        }
      }
    }
    assertThat(stoppedEarly).as("runs stopped before they finished").isPositive();
  }

  private static void remount(Path mountPoint, String options) throws Exception {
    Process mount = new ProcessBuilder("mount", "-o", "remount," + options, mountPoint.toString()).redirectErrorStream(true).start();
    String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(mount.waitFor()).as("remount %s: %s", options, output).isZero();
  }

  /** Fills the file system of {@code directory} until it has no free block left. */
  private static void fill(Path directory) {
    try (var out = Files.newOutputStream(directory.resolve("filler"))) {
      byte[] block = new byte[4096];
      while (true) {
        out.write(block);
      }
    } catch (IOException expected) {
      assertThat(expected.getMessage()).containsIgnoringCase("space");
    }
  }

  private CliRun auditJson(String... options) {
    List<String> args = new ArrayList<>(List.of("--repo", repo.toString(), "--range", "main..feature", "--format", "json"));
    args.addAll(List.of(options));
    return audit(args.toArray(String[]::new));
  }

  /** The block verdict on stdout with exit 1 and nothing on stderr, whatever became of the audit's memory; its notes hold {@code fragment}. */
  private static JsonNode blockedWithNote(CliRun run, String fragment) {
    verdict(run, 1);
    JsonNode json = json(run);
    assertThat(json.path("verdict").asText()).isEqualTo("block");
    assertThat(json.path("findings").toString()).contains(STUB_RULE);
    assertThat(json.path("notes").toString()).contains(fragment);
    return json;
  }

  // The state directory holds verdict records, which only save auditing the same inputs twice:
  // when a record cannot be kept the verdict is still given, and a note says why.

  @Test
  void aStateDirectoryOnAReadOnlyFileSystemIsStillReadAndCostsNoVerdict() throws Exception {
    Path state = dir.resolve("state");
    mountTmpfs(state, "size=1m");
    try {
      verdict(auditJson("--pr", "7", "--state-dir", state.toString()), 1);
      remount(state, "ro");
      List<String> before = snapshot(state);

      CliRun reused = verdict(auditJson("--pr", "7", "--state-dir", state.toString()), 1);
      CliRun forced = auditJson("--pr", "7", "--state-dir", state.toString(), "--force");
      CliRun other = auditJson("--pr", "8", "--state-dir", state.toString());

      assertThat(json(reused).path("cached").asBoolean()).as("a read-only record is still reused").isTrue();
      assertThat(blockedWithNote(forced, "verdict record not kept").path("notes").toString()).contains("Read-only file system");
      assertThat(json(forced).path("cached").asBoolean()).isFalse();
      blockedWithNote(other, "verdict record not kept");
      assertThat(snapshot(state)).isEqualTo(before);
    } finally {
      unmount(state);
    }
  }

  @Test
  void anEmptyStateDirectoryOnAReadOnlyFileSystemCostsNoVerdict() throws Exception {
    Path state = dir.resolve("state");
    mountTmpfs(state, "size=64k,ro");
    try {
      JsonNode json = blockedWithNote(auditJson("--pr", "7", "--state-dir", state.toString()), "verdict record not kept");

      assertThat(json.path("notes").toString()).contains("Read-only file system");
      assertThat(snapshot(state)).hasSize(1);
    } finally {
      unmount(state);
    }
  }

  @Test
  void aStateDirectoryThatIsARegularFileCostsNoVerdictAndIsLeftAlone() throws Exception {
    Path state = Files.writeString(dir.resolve("state.txt"), "not a directory");

    JsonNode json = blockedWithNote(auditJson("--pr", "7", "--state-dir", state.toString()), "verdict record not kept");

    assertThat(json.path("notes").toString()).contains("state.txt");
    assertThat(Files.readString(state)).isEqualTo("not a directory");
  }

  @Test
  void aStateDirectoryThatCannotBeCreatedCostsNoVerdict() throws Exception {
    Path readOnly = dir.resolve("ro");
    mountTmpfs(readOnly, "size=64k,ro");
    try {
      Path state = readOnly.resolve("cache/claim-audit");

      JsonNode json = blockedWithNote(auditJson("--pr", "7", "--state-dir", state.toString()), "verdict record not kept");

      assertThat(json.path("notes").toString()).contains("Read-only file system");
      assertThat(readOnly.resolve("cache")).doesNotExist();
    } finally {
      unmount(readOnly);
    }
  }

  @Test
  void aFullDiskCostsNoVerdictAndLeavesNoPartialRecord() throws Exception {
    Path state = dir.resolve("state");
    mountTmpfs(state, "size=64k");
    try {
      Files.createDirectories(state.resolve("verdicts"));
      fill(state);

      JsonNode json = blockedWithNote(auditJson("--pr", "7", "--state-dir", state.toString()), "verdict record not kept");

      assertThat(json.path("notes").toString()).contains("No space left");
      try (Stream<Path> records = Files.list(state.resolve("verdicts"))) {
        assertThat(records.toList()).as("no record and no temporary file").isEmpty();
      }
    } finally {
      unmount(state);
    }
  }

  // The knowledge base is read to grade the change, and written after the verdict to remember it.

  @Test
  void aReadOnlyKnowledgeBaseStillEscalatesAndSaysItRecordedNothing() throws Exception {
    Path kb = dir.resolve("kb");
    mountTmpfs(kb, "size=1m");
    try {
      for (int pr = 1; pr <= 4; pr++) {
        blockedWithNote(auditJson("--kb", kb.toString(), "--pr", Integer.toString(pr)), "kb: recorded 1 lesson for #" + pr);
      }
      remount(kb, "ro");
      List<String> before = snapshot(kb);

      JsonNode json = blockedWithNote(auditJson("--kb", kb.toString(), "--pr", "5"), "kb: lessons not recorded");

      assertThat(json.path("findings").toString()).contains("kb-recurring");
      boolean escalated = false;
      for (JsonNode finding : json.path("findings")) {
        escalated |= finding.path("rule").asText().equals("kb-recurring") && finding.path("severity").asText().equals("block");
      }
      assertThat(escalated).as("the fifth pull request with the same finding is blocked by the knowledge base").isTrue();
      assertThat(json.path("notes").toString()).contains("Read-only file system");
      assertThat(snapshot(kb)).isEqualTo(before);
    } finally {
      unmount(kb);
    }
  }

  /**
   * A knowledge base that cannot be read could hide a finding's fifth recurrence, so no verdict is
   * given: like an unreadable policy, it is bad input.
   */
  @Test
  void aKnowledgeBaseThatIsARegularFileIsOneLineAndLeftAlone() throws Exception {
    Path kb = Files.writeString(dir.resolve("kb.jsonl"), "{\"not\": \"a directory\"}\n");

    Hostile.badInput(auditJson("--kb", kb.toString(), "--pr", "7"), "is not a directory");

    assertThat(Files.readString(kb)).isEqualTo("{\"not\": \"a directory\"}\n");
  }

  /** Directories named like the subcommands (kb, config), given relative to where the audit runs, are directories. */
  @Test
  void memoryDirectoriesNamedLikeSubcommandsAreDirectories() throws Exception {
    Process process = new ProcessBuilder(java(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "dev.claimaudit.cli.Main", "--repo", repo.toString(), "--range", "main..feature", "--kb", "kb", "--state-dir", "config", "--pr", "7",
        "--format", "json")
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("kb: recorded 1 lesson for #7");
    assertThat(dir.resolve("kb/lessons.jsonl")).isRegularFile();
    try (Stream<Path> records = Files.list(dir.resolve("config/verdicts"))) {
      assertThat(records.map(file -> file.getFileName().toString()).toList()).singleElement().asString().startsWith("7-");
    }
  }

  /**
   * A disk that fills up in the middle of an append: the lessons that fitted are taken back, so the
   * file holds no torn line, and the verdict stands with a note.
   */
  @Test
  void aFullDiskLeavesNoHalfWrittenKnowledgeBaseLine() throws Exception {
    Path many = dir.resolve("many");
    StringBuilder stubs = new StringBuilder();
    for (int i = 0; i < 80; i++) {
      stubs.append("def parse_").append(i).append("():\n    raise NotImplementedError\n\n");
    }
    try (TestRepo test = TestRepo.init(many)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature").write("src/parse.py", stubs.toString()).commit("Implement the parsers, done");
    }
    Path kb = dir.resolve("kb");
    mountTmpfs(kb, "size=64k");
    try {
      String seed = "{\"v\":1,\"time\":\"2024-01-01T00:00:00Z\",\"pr\":1,\"head\":null,\"rule\":\"todo-marker\",\"severity\":\"warn\","
          + "\"sig\":\"0123456789abcdef\",\"path\":\"a.py\",\"line\":1,\"snippet\":\"# todo\"}\n";
      Path lessons = Files.writeString(kb.resolve("lessons.jsonl"), seed);
      // A knowledge base written by an audit carries its marker; the filler beside it is then not mistaken for foreign content.
      Files.createFile(kb.resolve(".claim-audit-kb"));
      fill(kb);

      CliRun run = audit("--repo", many.toString(), "--range", "main..feature", "--format", "json", "--kb", kb.toString(), "--pr", "2");

      verdict(run, 1);
      assertThat(json(run).path("notes").toString()).contains("kb: lessons not recorded").contains("No space left");
      assertThat(Files.readString(lessons)).isEqualTo(seed);
    } finally {
      unmount(kb);
    }
  }

  /** A stub-laden change: 20 files of 200 stubs each, so an audit appends 4,000 lessons (1 MB) and writes a record of 4,000 findings. */
  private static final int STUB_FILES = 20;
  private static final int STUBS_PER_FILE = 200;

  /**
   * Stops real audits with SIGTERM and SIGINT while they remember: the test watches the files and
   * signals the moment the knowledge base starts to grow or a verdict record's temporary file
   * appears, at once or after a spread of short delays. Whatever the moment, every line of the
   * knowledge base is a whole lesson and a pull request's lessons are all there or none, a record
   * is whole or absent, no temporary file is left, and a later audit reads and records cleanly.
   */
  @Test
  void aRunStoppedWhileItRemembersLeavesNoHalfWrittenLessonOrRecord() throws Exception {
    Path many = dir.resolve("many");
    try (TestRepo test = TestRepo.init(many)) {
      test.write("README.md", "demo\n").commit("Initial commit");
      test.branch("feature");
      String stubs = "def parse():\n    raise NotImplementedError\n\n".repeat(STUBS_PER_FILE);
      for (int i = 0; i < STUB_FILES; i++) {
        test.write("src/parser_" + i + ".py", stubs);
      }
      test.commit("Implement the parsers, done");
    }
    String head = Hostile.git(many, "rev-parse", "feature");
    Path kb = Files.createDirectories(dir.resolve("kb"));
    Path lessons = kb.resolve("lessons.jsonl");
    Files.writeString(lessons, earlierLessons(20_000));
    Path state = dir.resolve("state");
    int perAudit = STUB_FILES * STUBS_PER_FILE;
    long[] delays = {0, 0, 1, 2, 3, 5, 8, 13, 21, 34};
    int stopped = 0;
    int stoppedBetween = 0;
    Integer recorded = null;
    Process signals = new ProcessBuilder("bash", "-c", "while read -r sig pid; do kill -s \"$sig\" \"$pid\"; done")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (PrintWriter signaller = new PrintWriter(signals.getOutputStream(), true, StandardCharsets.UTF_8)) {
      for (int run = 0; run < 2 * delays.length; run++) {
        int pr = 100 + run;
        boolean duringAppend = run % 2 == 0;
        String signal = run % 4 < 2 ? "TERM" : "INT";
        long sizeBefore = Files.size(lessons);
        Process process = new ProcessBuilder(java(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            "dev.claimaudit.cli.Main", "--repo", many.toString(), "--range", "main..feature", "--kb", kb.toString(), "--pr",
            Integer.toString(pr), "--state-dir", state.toString(), "--format", "json")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
        boolean seen = duringAppend ? awaitGrowth(process, lessons, sizeBefore) : awaitTemporaryRecord(process, state.resolve("verdicts"));
        if (seen) {
          Thread.sleep(delays[run / 2]);
          signaller.println(signal + " " + process.pid());
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("run %d ends", run).isTrue();
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(stderr).as("run %d", run).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(process.exitValue()).as("run %d: %s", run, stderr).isIn(1, 128 + 2, 128 + 15);

        long mine = wholeLessons(lessons, pr);
        assertThat(mine).as("lessons of #%d after SIG%s", pr, signal).isIn(0L, (long) perAudit);
        Path record = state.resolve("verdicts").resolve(pr + "-" + head + ".json");
        if (Files.exists(record)) {
          JsonNode whole = new ObjectMapper().readTree(record.toFile());
          assertThat(whole.path("verdict").asText()).isEqualTo("block");
          assertThat(whole.path("findings").size()).isGreaterThanOrEqualTo(perAudit);
          recorded = pr;
        }
        assertThat(temporaryFiles(state.resolve("verdicts"))).as("run %d", run).isEmpty();
        assertThat(temporaryFiles(kb)).as("run %d", run).isEmpty();
        if (process.exitValue() != 1) {
          stopped++;
          stoppedBetween += mine == perAudit && !Files.exists(record) ? 1 : 0;
        }
      }
    } finally {
      signals.destroy();
    }
    assertThat(stopped).as("runs stopped by a signal").isGreaterThanOrEqualTo(delays.length);
    assertThat(recorded).as("a run that kept its record").isNotNull();

    CliRun later = audit("--repo", many.toString(), "--range", "main..feature", "--kb", kb.toString(), "--pr", "999", "--state-dir",
        state.toString(), "--format", "json");
    JsonNode json = json(verdict(later, 1));
    assertThat(json.path("notes").toString()).as("stopped %d, between append and record %d", stopped, stoppedBetween)
        .doesNotContain("malformed").contains("kb: recorded " + perAudit + " lessons for #999");
    assertThat(wholeLessons(lessons, 999)).isEqualTo(perAudit);
    assertThat(state.resolve("verdicts").resolve("999-" + head + ".json")).exists();
    CliRun again = audit("--repo", many.toString(), "--range", "main..feature", "--kb", kb.toString(), "--pr", recorded.toString(),
        "--state-dir", state.toString(), "--format", "json");
    assertThat(json(verdict(again, 1)).path("cached").asBoolean()).as("the record of #%d is reused", recorded).isTrue();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Valid lessons of other pull requests, so that reading the knowledge base takes a while. */
  private static String earlierLessons(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("{\"v\":1,\"time\":\"2024-01-01T00:00:00Z\",\"pr\":").append(1 + i % 90).append(",\"head\":null,\"rule\":\"todo-marker\",")
          .append("\"severity\":\"warn\",\"sig\":\"").append(String.format("%016x", i)).append("\",\"path\":\"src/a").append(i)
          .append(".py\",\"line\":1,\"snippet\":\"# todo _\"}\n");
    }
    return text.toString();
  }

  /** Short against the milliseconds a write of megabytes takes; long enough not to take a core from the audit. */
  private static final long POLL_NANOS = 200_000;

  /** Waits until {@code file} grows past {@code size}; false when the process ended first. */
  private static boolean awaitGrowth(Process process, Path file, long size) throws IOException {
    while (process.isAlive()) {
      if (Files.size(file) > size) {
        return true;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return false;
  }

  /** Waits until a temporary record file appears in {@code verdicts}; false when the process ended first. */
  private static boolean awaitTemporaryRecord(Process process, Path verdicts) throws IOException {
    while (process.isAlive()) {
      if (Files.isDirectory(verdicts) && !temporaryFiles(verdicts).isEmpty()) {
        return true;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return false;
  }

  private static List<Path> temporaryFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  /** The lessons of pull request {@code pr}, after checking that the file ends a line and every line in it is a whole lesson. */
  private static long wholeLessons(Path lessons, int pr) throws IOException {
    byte[] bytes = Files.readAllBytes(lessons);
    assertThat(bytes[bytes.length - 1]).as("the knowledge base ends with a whole line").isEqualTo((byte) '\n');
    long mine = 0;
    int number = 0;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      number++;
      Lesson.Parsed parsed = Lesson.parse(line);
      assertThat(parsed.problem()).as("lessons.jsonl:%d %s", number, line.length() > 200 ? line.substring(0, 200) : line).isNull();
      mine += parsed.lesson().pr() == pr ? 1 : 0;
    }
    return mine;
  }

  @Test
  void anAuditWithoutAReportWritesNothingAnywhere() throws Exception {
    List<String> before = snapshot(dir);

    CliRun run = audit("--repo", repo.toString(), "--range", "main..feature", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(json(run).path("verdict").asText()).isEqualTo("block");
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  /** Every file under {@code root} with its size and modification time. */
  static List<String> snapshot(Path root) throws IOException {
    List<String> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted().toList()) {
        entries.add(root.relativize(file) + " " + (Files.isRegularFile(file) ? Files.size(file) + " " + Files.getLastModifiedTime(file) : "dir"));
      }
    }
    return entries;
  }
}
