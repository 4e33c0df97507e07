package dev.claimaudit.checks;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of finding that is not a placeholder rule of the catalog, declared once by the part of the
 * audit that reports it: {@code audit explain}, {@code audit rules}, the reports, the docs and the
 * policy's {@code rules:} all read this declaration.
 *
 * @param id the finding's rule id, e.g. {@code claim-file-contradicted}
 * @param title a few words, as a report's heading names it
 * @param rationale one or two sentences: what was found and why it matters
 * @param example what one such finding says, as a reader would meet it
 */
public record FindingType(String id, String title, String rationale, String example) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public FindingType {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a finding id is lower-case words joined by hyphens, got '" + id + "'");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(example, "example");
  }
}
