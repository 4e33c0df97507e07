package dev.claimaudit.checks.dynamic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What the runners share: running a command within the budget, finding reports, tying cases to files. */
final class Runs {
  private static final int MAX_REPORTS = 10_000;

  private Runs() {}

  static Subprocess.Result exec(List<String> command, Path dir, Runner.Budget budget) throws Subprocess.StartFailure, InterruptedException {
    return Subprocess.run(command, dir, budget.env(), budget.deadline(), budget.maxOutput());
  }

  /** Why a run gave no trustworthy numbers, or {@code null} when it ended on its own. */
  static String timeoutProblem(String runner, Subprocess.Result result) {
    if (!result.timedOut()) {
      return null;
    }
    return runner + " did not finish within the dynamic timeout and was killed after " + seconds(result.elapsed())
        + " (" + result.killed() + " process" + (result.killed() == 1 ? "" : "es") + " ended)";
  }

  static String noResults(String runner, Subprocess.Result result) {
    String diagnosis = result.diagnosis();
    return runner + " exited " + result.exitCode() + " before reporting any test" + (diagnosis.isEmpty() ? "" : ": " + diagnosis);
  }

  /**
   * The text of a file the change's code wrote or may have replaced (a report, a build file): a
   * regular file, read only up to {@code maxBytes}, so a link to a device or a huge file costs no
   * more than the bound.
   */
  static String text(Path file, long maxBytes) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file.getFileName() + " is not a regular file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new IOException(file.getFileName() + " is larger than " + maxBytes / (1024 * 1024) + " MiB");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** Report files under {@code dir} matching {@code glob} (relative to {@code dir}) written since {@code since}. */
  static List<Path> reports(Path dir, String glob, Instant since) throws ReportException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    FileTime after = FileTime.from(since.minusSeconds(2));
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
          String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
          return !folder.equals(dir) && (name.equals(".git") || name.equals("node_modules")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile() && matcher.matches(dir.relativize(file)) && attributes.lastModifiedTime().compareTo(after) >= 0) {
            found.add(file);
          }
          return found.size() >= MAX_REPORTS ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new ReportException("cannot list the reports under " + dir.getFileName() + ": " + e.getMessage(), e);
    }
    found.sort(null);
    return found;
  }

  /**
   * Ties each case to one of {@code files} by {@code fileOf} (a repository path, or {@code null});
   * every file gets a tally, an empty one when nothing of it ran.
   */
  static Measurement attribute(List<TestCase> cases, List<String> files, Function<TestCase, String> fileOf, List<Subprocess.Result> runs) {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    files.forEach(file -> tallies.put(file, Tally.NONE));
    Tally unattributed = Tally.NONE;
    for (TestCase testCase : cases) {
      String file = fileOf.apply(testCase);
      if (file != null && tallies.containsKey(file)) {
        tallies.put(file, tallies.get(file).plus(testCase));
      } else {
        unattributed = unattributed.plus(testCase);
      }
    }
    return new Measurement(tallies, unattributed, runs, null);
  }

  /**
   * The repository path of a file a runner names, absolute or relative to the project or the
   * work tree, if it is one of {@code files}; else a unique suffix match.
   */
  static Optional<String> resolve(String reported, Runner.Project project, List<String> files) {
    if (reported == null || reported.isBlank()) {
      return Optional.empty();
    }
    String written = reported.strip().replace('\\', '/');
    if (written.startsWith("file://")) {
      written = written.substring("file://".length());
    }
    List<Path> candidates = new ArrayList<>();
    Path path = Path.of(written);
    if (path.isAbsolute()) {
      candidates.add(path.normalize());
      try {
        candidates.add(path.toRealPath());
      } catch (IOException | SecurityException e) {
        // A file the runner names that is gone or unreadable is matched by its name only.
      }
    } else {
      candidates.add(project.dir().resolve(path).normalize());
      candidates.add(project.workTree().resolve(path).normalize());
    }
    for (Path candidate : candidates) {
      if (candidate.startsWith(project.workTree())) {
        String relative = project.workTree().relativize(candidate).toString().replace('\\', '/');
        if (files.contains(relative)) {
          return Optional.of(relative);
        }
      }
    }
    String suffix = written.startsWith("./") ? written.substring(2) : written;
    List<String> matches = files.stream().filter(file -> file.equals(suffix) || file.endsWith("/" + suffix) || suffix.endsWith("/" + file)).toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /** The nearest folder from {@code path}'s folder up to the work tree that holds one of {@code markers}. */
  static Optional<Path> nearest(Path workTree, String path, List<String> markers) {
    Path dir = workTree.resolve(path).getParent();
    while (dir != null && dir.startsWith(workTree)) {
      for (String marker : markers) {
        if (Files.exists(dir.resolve(marker))) {
          return Optional.of(dir);
        }
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /** {@code path} relative to {@code dir}, as a command-line argument that cannot be read as an option. */
  static String argument(Runner.Project project, String path) {
    return "./" + project.local(path);
  }
}
