package dev.claimaudit.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.report.JsonReporter;
import dev.claimaudit.report.JsonVerdictReader;
import dev.claimaudit.verdict.Inputs;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of every audit, kept as {@code verdicts/<pr>-<head-sha>.json} in a state directory
 * (the JSON verdict plus the options it was computed under). An audit of the same head with the
 * same inputs and options reuses the recorded verdict instead of auditing again.
 */
public final class VerdictRecords {
  static final String DIR = "verdicts";
  /** Records are the audit's own output, a few MiB at most; a larger file is not parsed into memory. */
  private static final long MAX_BYTES = 16L * 1024 * 1024;

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path dir;
  /** Why no record can be read or kept here, or {@code null} when the directory is there. */
  private final String unusable;

  private VerdictRecords(Path dir, String unusable) {
    this.dir = dir;
    this.unusable = unusable;
  }

  /**
   * The records under {@code stateDir}, which is created when missing. Records only save auditing
   * the same inputs twice, so a state directory that cannot be made (a file is in the way, a
   * read-only file system) withholds no verdict: it has no records, and {@link #save} says why.
   */
  public static VerdictRecords open(Path stateDir) {
    Path dir = stateDir.resolve(DIR);
    try {
      Files.createDirectories(dir);
      return new VerdictRecords(dir, null);
    } catch (IOException e) {
      return new VerdictRecords(dir, "cannot use the state directory " + stateDir + ": " + e.getMessage());
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
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        notes.add("ignored the verdict record " + file + ": larger than 16 MiB; audited again");
        return Optional.empty();
      }
      root = mapper.readTree(bytes);
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
    return Optional.of(recorded);
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
      WholeWrite.run(() -> {
        Path temp = Files.createTempFile(dir, ".verdict-", ".tmp");
        try {
          Files.write(temp, bytes);
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(temp);
        }
      });
      return file;
    } catch (IOException e) {
      throw new StateException("cannot write the verdict record " + file + ": " + e.getMessage(), e);
    } catch (WholeWrite.Stopping e) {
      throw new StateException("verdict record " + file + " not written: the audit is stopping", e);
    }
  }
}
