package dev.claimaudit.checks;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A set of path globs ({@code vendor/**}, {@code **}{@code /*.min.js}) matched against repository paths. */
public final class PathFilter {
  /** Paths that are not the change's own code by default: vendored, minified, and test data read as data. */
  public static final List<String> DEFAULT_IGNORED = List.of(
      "**/vendor/**", "vendor/**", "**/node_modules/**", "node_modules/**", "**/third_party/**", "third_party/**",
      "**/*.min.js", "*.min.js", "**/*.min.css", "*.min.css", "**/*.bundle.js", "*.bundle.js",
      "**/testdata/**", "testdata/**", "**/fixtures/**", "fixtures/**", "**/__fixtures__/**", "**/__snapshots__/**");

  private final List<String> globs;
  private final List<Glob> matchers;
  /** Every stage asks about the same changed paths, and each glob is a regular expression underneath. */
  private final Map<String, Boolean> decided = new ConcurrentHashMap<>();

  public PathFilter(List<String> globs) {
    this.globs = List.copyOf(globs);
    this.matchers = globs.stream().map(glob -> new Glob(requiredText(glob), FileSystems.getDefault().getPathMatcher("glob:" + glob))).toList();
  }

  public static PathFilter defaults() {
    return new PathFilter(DEFAULT_IGNORED);
  }

  public List<String> globs() {
    return globs;
  }

  public boolean matches(String path) {
    return decided.computeIfAbsent(path, this::anyGlobMatches);
  }

  private boolean anyGlobMatches(String path) {
    Path candidate;
    try {
      candidate = Path.of(path);
    } catch (InvalidPathException e) {
      return false;
    }
    for (Glob glob : matchers) {
      if (path.contains(glob.required()) && glob.matcher().matches(candidate)) {
        return true;
      }
    }
    return false;
  }

  /** A glob, and text that every path it matches contains: checked first, as most paths match no glob. */
  private record Glob(String required, PathMatcher matcher) {}

  /**
   * The longest run of literal characters in {@code glob} outside brackets and braces, which every
   * matching path contains; empty when there is none.
   */
  static String requiredText(String glob) {
    String longest = "";
    StringBuilder run = new StringBuilder();
    int nesting = 0;
    for (int i = 0; i <= glob.length(); i++) {
      char c = i < glob.length() ? glob.charAt(i) : '*';
      boolean literal = nesting == 0 && "*?[]{}\\".indexOf(c) < 0;
      if (c == '[' || c == '{') {
        nesting++;
      } else if ((c == ']' || c == '}') && nesting > 0) {
        nesting--;
      }
      if (literal) {
        run.append(c);
      } else {
        if (run.length() > longest.length()) {
          longest = run.toString();
        }
        run.setLength(0);
      }
    }
    return longest;
  }
}
