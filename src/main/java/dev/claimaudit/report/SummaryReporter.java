package dev.claimaudit.report;

import dev.claimaudit.verdict.Verdict;
import java.io.IOException;

/** The verdict in one line of at most 140 characters, as a commit status description takes it. */
public final class SummaryReporter implements Reporter {
  @Override
  public String format() {
    return "summary";
  }

  @Override
  public void write(Verdict verdict, Appendable out) throws IOException {
    out.append(verdict.summary()).append('\n');
  }
}
