package dev.claimaudit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the main code, read from their imports and qualified names: data flows one way,
 * from the leaves ({@code lang}, {@code rules}, {@code text}, {@code cores}) through the stages to the command
 * line, and no package reaches back up.
 */
class PackageGraphTest {
  private static final String ROOT = "dev.claimaudit";
  private static final Path SOURCES = Path.of("src/main/java/dev/claimaudit");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.claimaudit\\.((?:[a-z]\\w*\\.)*)[A-Z]");

  /** Each package and the packages it uses, with one file that shows each edge. */
  private static Map<String, Map<String, String>> graph;

  @BeforeAll
  static void readSources() throws IOException {
    graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String from = packageOf(file);
        Map<String, String> edges = graph.computeIfAbsent(from, key -> new TreeMap<>());
        Matcher matcher = REFERENCE.matcher(Files.readString(file));
        while (matcher.find()) {
          String to = matcher.group(1).isEmpty() ? "" : matcher.group(1).substring(0, matcher.group(1).length() - 1);
          if (!to.equals(from) && !to.isEmpty()) {
            edges.putIfAbsent(to, SOURCES.relativize(file).toString());
          }
        }
      }
    }
  }

  private static String packageOf(Path file) {
    return SOURCES.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
  }

  @Test
  void thePackagesFormNoCycle() {
    List<List<String>> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      findCycle(start).ifPresent(cycles::add);
    }
    assertThat(cycles).as("cycles among the packages of %s (edge -> file that makes it)", ROOT).isEmpty();
  }

  @Test
  void theLeavesUseNoStage() {
    for (String leaf : List.of("text", "cores")) {
      assertThat(graph.getOrDefault(leaf, Map.of()).keySet()).as("what %s uses", leaf).isEmpty();
    }
    // The languages' tables use the text utilities (what a pattern requires of a line), nothing else.
    assertThat(graph.getOrDefault("lang", Map.of()).keySet()).as("what lang uses").isSubsetOf("text");
    assertThat(graph.get("rules").keySet()).as("what rules uses").isSubsetOf("lang", "text", "input");
  }

  @Test
  void theChecksReachNeitherTheVerdictNorTheReports() {
    for (String from : graph.keySet()) {
      if (from.equals("checks") || from.startsWith("checks.")) {
        assertThat(graph.get(from).keySet()).as("what %s uses", from).doesNotContain("verdict", "report", "cli", "state");
      }
    }
  }

  @Test
  void thePassOverTheChangeDoesNotKnowTheChecksItFeeds() {
    assertThat(graph.get("checks").keySet()).as("what checks uses").noneMatch(to -> to.startsWith("checks."));
  }

  /** A path from {@code start} back to itself, if there is one: a depth-first walk that keeps its trail. */
  private static Optional<List<String>> findCycle(String start) {
    Deque<List<String>> paths = new ArrayDeque<>();
    paths.push(List.of(start));
    Set<String> seen = new TreeSet<>();
    while (!paths.isEmpty()) {
      List<String> path = paths.pop();
      String last = path.get(path.size() - 1);
      for (String next : graph.getOrDefault(last, Map.of()).keySet()) {
        if (next.equals(start)) {
          List<String> cycle = new ArrayList<>();
          for (int i = 0; i < path.size(); i++) {
            String to = i + 1 < path.size() ? path.get(i + 1) : start;
            cycle.add(path.get(i) + " -> " + to + " (" + graph.get(path.get(i)).get(to) + ")");
          }
          return Optional.of(cycle);
        }
        if (seen.add(next)) {
          List<String> longer = new ArrayList<>(path);
          longer.add(next);
          paths.push(longer);
        }
      }
    }
    return Optional.empty();
  }
}
