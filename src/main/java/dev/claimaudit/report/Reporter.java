package dev.claimaudit.report;

import dev.claimaudit.verdict.Verdict;
import java.io.IOException;

/** Renders a verdict in one format. Every reporter gets the same, already ordered verdict. */
public interface Reporter {

  /** The name used by {@code --format} and {@code --report FORMAT=FILE}. */
  String format();

  void write(Verdict verdict, Appendable out) throws IOException;
}
