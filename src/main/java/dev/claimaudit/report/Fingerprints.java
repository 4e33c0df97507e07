package dev.claimaudit.report;

import dev.claimaudit.checks.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stable identities for findings, so a code host can tell a finding it has seen from a new one.
 * A fingerprint hashes the rule, the path and the offending line with its whitespace normalised,
 * never the line number: a finding that moves keeps its identity. Equal hashes in one report get
 * an occurrence suffix ({@code :1}, {@code :2}, …) in report order.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** One fingerprint per finding, in the order of {@code findings}. */
  public static List<String> of(List<Finding> findings) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> fingerprints = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      String hash = hash(finding);
      int occurrence = seen.merge(hash, 1, Integer::sum);
      fingerprints.add(hash + ":" + occurrence);
    }
    return fingerprints;
  }

  /** The hash of rule, path and normalised snippet (or message, when the finding has no snippet). */
  static String hash(Finding finding) {
    String content = finding.snippet() != null ? finding.snippet() : finding.message();
    String key = finding.rule() + '\u0000' + (finding.path() == null ? "" : finding.path()) + '\u0000' + normalise(content);
    return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }

  /** Whitespace runs become one space, and the ends are trimmed: re-indenting a line keeps its identity. */
  static String normalise(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
