package dev.claimaudit.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** This project's own files in a language the tool knows: real code for the tests that hold a fast path to its oracle. */
final class ProjectSources {
  private ProjectSources() {}

  /** The files under {@code roots} (relative to the project) whose language {@link Language#of} knows. */
  static List<Path> under(String... roots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root : roots) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(Files::isRegularFile).filter(path -> Language.of(path.toString()).isPresent()).forEach(files::add);
      }
    }
    return files;
  }
}
