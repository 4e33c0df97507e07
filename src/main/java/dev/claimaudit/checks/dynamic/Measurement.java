package dev.claimaudit.checks.dynamic;

import java.util.List;
import java.util.Map;

/**
 * What one runner measured.
 *
 * @param files the tally of each file it ran; a file that ran nothing has an empty tally
 * @param unattributed cases the runner reported that cannot be tied to one file
 * @param runs the commands it ran
 * @param problem why it measured nothing trustworthy (a build that failed, an unreadable report,
 *     the deadline), or {@code null}
 */
record Measurement(Map<String, Tally> files, Tally unattributed, List<Subprocess.Result> runs, String problem) {

  Measurement {
    files = Map.copyOf(files);
    runs = List.copyOf(runs);
  }

  static Measurement failed(List<Subprocess.Result> runs, String problem) {
    return new Measurement(Map.of(), Tally.NONE, runs, problem);
  }

  boolean timedOut() {
    return runs.stream().anyMatch(Subprocess.Result::timedOut);
  }
}
