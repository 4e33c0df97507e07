package dev.claimaudit.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.report.JsonReporter;
import dev.claimaudit.report.JsonVerdictReader;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.verdict.Outcome;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of every audit, kept as {@code verdicts/<pr>-<head-sha>.json} in a state directory
 * (the JSON verdict plus the options it was computed under). An audit of the same head with the
 * same inputs and options reuses the recorded verdict instead of auditing again.
 *
 * <p>A record is replayed only when it is exactly what an audit wrote: its digest is kept apart
 * in {@code digests/<pr>-<head>.sha256} (an HMAC under {@value #KEY_VARIABLE} when that variable
 * is set, which the change's tests never see), and its verdict must follow from its own findings.
 * A record edited to say pass, or written by anything else, is ignored with a note.
 */
public final class VerdictRecords {
  static final String DIR = "verdicts";
  static final String DIGESTS = "digests";
  /** The environment variable whose value, when set, keys the records' digests. */
  public static final String KEY_VARIABLE = "CLAIM_AUDIT_STATE_KEY";
  /** Records are the audit's own output, a few MiB at most; a larger file is not parsed into memory. */
  private static final long MAX_BYTES = 16L * 1024 * 1024;

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path dir;
  private final Path digests;
  /** Why no record can be read or kept here, or {@code null} when the directory is there. */
  private final String unusable;
  private final byte[] key;

  private VerdictRecords(Path dir, String unusable, byte[] key) {
    this.dir = dir;
    this.digests = dir.resolveSibling(DIGESTS);
    this.unusable = unusable;
    this.key = key;
  }

  /**
   * The records under {@code stateDir}, which is created when missing. Records only save auditing
   * the same inputs twice, so a state directory that cannot be made (a file is in the way, a
   * read-only file system) withholds no verdict: it has no records, and {@link #save} says why.
   */
  public static VerdictRecords open(Path stateDir) {
    return open(stateDir, Map.of());
  }

  /** {@link #open(Path)}, with the digests keyed by {@value #KEY_VARIABLE} of {@code env} when it is set. */
  public static VerdictRecords open(Path stateDir, Map<String, String> env) {
    Path dir = stateDir.resolve(DIR);
    String secret = env.get(KEY_VARIABLE);
    byte[] key = secret == null || secret.isEmpty() ? null : secret.getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(dir);
      Files.createDirectories(stateDir.resolve(DIGESTS));
      return new VerdictRecords(dir, null, key);
    } catch (IOException e) {
      return new VerdictRecords(dir, "cannot use the state directory " + stateDir + ": " + e.getMessage(), key);
    }
  }

  /** {@code verdicts/<pr>-<head>.json}; {@code local} stands for the number of an audit outside a pull request. */
  public Path file(Integer pr, String head) {
    if (head == null || !head.matches("[0-9a-f]{7,64}")) {
      throw new IllegalArgumentException("not a commit id: " + head);
    }
    return dir.resolve((pr == null ? "local" : pr.toString()) + "-" + head + ".json");
  }

  /**
   * The recorded verdict for this head, when it was computed from the same {@code inputs} under
   * the same {@code options}; a record that cannot be read is ignored with a line in {@code notes}.
   */
  public Optional<Verdict> lookup(Integer pr, Inputs inputs, JsonNode options, List<String> notes) {
    if (unusable != null) {
      return Optional.empty();
    }
    Path file = file(pr, inputs.head());
    JsonNode root;
    boolean written;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        notes.add("ignored the verdict record " + file + ": larger than 16 MiB; audited again");
        return Optional.empty();
      }
      root = mapper.readTree(bytes);
      written = digest(bytes).equals(keptDigest(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      notes.add("ignored the verdict record " + file + ": not valid JSON; audited again");
      return Optional.empty();
    } catch (IOException e) {
      notes.add("ignored the verdict record " + file + ": " + e.getMessage() + "; audited again");
      return Optional.empty();
    }
    Verdict recorded;
    try {
      recorded = JsonVerdictReader.read(root);
    } catch (IllegalArgumentException | NullPointerException e) {
      notes.add("ignored the verdict record " + file + ": " + e.getMessage() + "; audited again");
      return Optional.empty();
    }
    if (!recorded.inputs().equals(inputs) || !options.equals(root.get("options"))) {
      notes.add("the verdict record " + file.getFileName() + " was made from other inputs or options; audited again");
      return Optional.empty();
    }
    // Any record that would be replayed must be the one an audit wrote, and consistent with itself.
    if (!written) {
      notes.add("ignored the verdict record " + file + ": it is not the record an audit wrote (its digest does not match the one kept"
          + " in " + DIGESTS + "/); audited again");
      return Optional.empty();
    }
    if (recorded.outcome() != Outcome.of(recorded.findings())) {
      notes.add("ignored the verdict record " + file + ": it says " + recorded.outcome().id() + " but its findings make it "
          + Outcome.of(recorded.findings()).id() + "; audited again");
      return Optional.empty();
    }
    return Optional.of(recorded);
  }

  private static void replace(Path target, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".verdict-", ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Path digestFile(Path record) {
    String name = record.getFileName().toString();
    return digests.resolve(name.substring(0, name.length() - ".json".length()) + ".sha256");
  }

  /** The digest kept for {@code record}, or "" when there is none. */
  private String keptDigest(Path record) throws IOException {
    try (InputStream in = Files.newInputStream(digestFile(record))) {
      return new String(in.readNBytes(256), StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      return "";
    }
  }

  /** SHA-256 of the record's bytes, or their HMAC-SHA256 under the state key. */
  private String digest(byte[] bytes) {
    try {
      if (key == null) {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Writes the record atomically: a reader sees the old record or the new one, never half of one.
   *
   * @throws StateException when the record cannot be written; no part of it is left behind
   */
  public Path save(Integer pr, Verdict verdict, JsonNode options) {
    Path file = file(pr, verdict.inputs().head());
    if (unusable != null) {
      throw new StateException(unusable, null);
    }
    ObjectNode root = new JsonReporter().tree(verdict);
    root.put("cached", false);
    root.set("options", options);
    try {
      byte[] bytes = (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
      // A run stopped by SIGTERM or SIGINT finishes the record first, or never starts it.
      // The digest is written first: a record left without its own digest is never replayed.
      WholeWrite.run(() -> {
        replace(digestFile(file), (digest(bytes) + "\n").getBytes(StandardCharsets.US_ASCII));
        replace(file, bytes);
      });
      return file;
    } catch (IOException e) {
      throw new StateException("cannot write the verdict record " + file + ": " + e.getMessage(), e);
    } catch (WholeWrite.Stopping e) {
      throw new StateException("verdict record " + file + " not written: the audit is stopping", e);
    }
  }
}
