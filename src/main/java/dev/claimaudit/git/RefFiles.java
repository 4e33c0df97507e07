package dev.claimaudit.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A few files kept as a chain of commits under one ref, such as {@code refs/claim-audit/kb}: a
 * ref no pull request pushes to. Every update is a new commit whose parent is the old tip, set by
 * compare-and-swap, so concurrent writers retry instead of overwriting each other.
 */
public final class RefFiles {
  private static final int ATTEMPTS = 200;
  private static final PersonIdent AUTHOR_NAME = new PersonIdent("claim-audit", "claim-audit@localhost");

  private final Repository repository;
  private final String ref;

  RefFiles(Repository repository, String ref) {
    this.repository = repository;
    this.ref = ref;
  }

  public String ref() {
    return ref;
  }

  /** The commit the ref points at, or empty when the ref does not exist yet. */
  public Optional<String> tip() {
    return current().map(ObjectId::name);
  }

  /** The file {@code name} at the ref's tip, or empty when the ref or the file is missing. */
  public Optional<byte[]> read(String name) {
    Optional<ObjectId> tip = current();
    if (tip.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(files(tip.get()).get(name)).map(entry -> load(entry.id()));
  }

  /** The files at the tip of {@code otherRef} (for a merge of two copies of the same files). */
  public Map<String, byte[]> readOther(String otherRef) {
    Optional<ObjectId> tip = resolve(otherRef);
    if (tip.isEmpty()) {
      throw new GitInputException("ref " + otherRef + " does not exist");
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files(tip.get()).forEach((name, entry) -> {
      if (entry.mode() == FileMode.REGULAR_FILE) {
        files.put(name, load(entry.id()));
      }
    });
    return files;
  }

  /**
   * Commits {@code change} applied to the files at the tip (only the files it names are read;
   * the rest are kept as they are) and moves the ref there; retried when another writer moved
   * the ref first.
   *
   * @param extraParent a second parent (the tip of a ref being merged in), or {@code null}
   */
  public void update(String message, List<String> names, UnaryOperator<Map<String, byte[]>> change, String extraParent) {
    ObjectId extra = extraParent == null ? null : resolve(extraParent).orElseThrow(
        () -> new GitInputException("ref " + extraParent + " does not exist"));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      repository.getRefDatabase().refresh();
      Optional<ObjectId> old = current();
      Map<String, TreeEntry> entries = old.map(this::files).orElseGet(LinkedHashMap::new);
      Map<String, byte[]> before = new LinkedHashMap<>();
      for (String name : names) {
        TreeEntry entry = entries.get(name);
        before.put(name, entry == null ? new byte[0] : load(entry.id()));
      }
      Map<String, byte[]> after = change.apply(before);
      try (ObjectInserter inserter = repository.newObjectInserter()) {
        for (Map.Entry<String, byte[]> file : after.entrySet()) {
          entries.put(file.getKey(), new TreeEntry(FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, file.getValue())));
        }
        TreeFormatter tree = new TreeFormatter();
        List<Map.Entry<String, TreeEntry>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort(Comparator.comparing(entry -> sortKey(entry.getKey(), entry.getValue().mode())));
        for (Map.Entry<String, TreeEntry> entry : sorted) {
          tree.append(entry.getKey(), entry.getValue().mode(), entry.getValue().id());
        }
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(inserter.insert(tree));
        List<ObjectId> parents = new ArrayList<>();
        old.ifPresent(parents::add);
        if (extra != null && !parents.contains(extra)) {
          parents.add(extra);
        }
        commit.setParentIds(parents);
        PersonIdent ident = new PersonIdent(AUTHOR_NAME, java.time.Instant.now());
        commit.setAuthor(ident);
        commit.setCommitter(ident);
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        RefUpdate update = repository.updateRef(ref);
        update.setExpectedOldObjectId(old.orElse(ObjectId.zeroId()));
        update.setNewObjectId(id);
        update.setRefLogMessage(message, false);
        RefUpdate.Result result = update.update();
        switch (result) {
          case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> {
            return;
          }
          case LOCK_FAILURE, REJECTED -> pause(attempt);
          default -> throw new GitInputException("cannot update " + ref + ": " + result.name().toLowerCase(java.util.Locale.ROOT));
        }
      } catch (IOException e) {
        throw new GitInputException("cannot write " + ref + ": " + e.getMessage(), e);
      }
    }
    throw new GitInputException("cannot update " + ref + ": other writers kept moving it (" + ATTEMPTS + " attempts)");
  }

  private record TreeEntry(FileMode mode, ObjectId id) {}

  private Optional<ObjectId> current() {
    return resolve(ref);
  }

  private Optional<ObjectId> resolve(String name) {
    try {
      Ref found = repository.exactRef(name);
      if (found == null || found.getObjectId() == null) {
        return Optional.empty();
      }
      return Optional.of(found.getObjectId());
    } catch (IOException e) {
      throw new GitInputException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** The entries of the tip's root tree, by name. */
  private Map<String, TreeEntry> files(ObjectId tip) {
    Map<String, TreeEntry> entries = new LinkedHashMap<>();
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
      RevCommit commit = walk.parseCommit(tip);
      try (TreeWalk tree = new TreeWalk(reader)) {
        tree.addTree(commit.getTree());
        tree.setRecursive(false);
        while (tree.next()) {
          entries.put(tree.getNameString(), new TreeEntry(tree.getFileMode(0), tree.getObjectId(0)));
        }
      }
      return entries;
    } catch (IncorrectObjectTypeException e) {
      throw new GitInputException(ref + " does not point at a commit", e);
    } catch (MissingObjectException e) {
      throw new GitInputException(ref + " points at a missing object " + e.getObjectId().name(), e);
    } catch (IOException e) {
      throw new GitInputException("cannot read " + ref + ": " + e.getMessage(), e);
    }
  }

  private byte[] load(ObjectId blob) {
    try (ObjectReader reader = repository.newObjectReader()) {
      return reader.open(blob, Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE - 16);
    } catch (IOException e) {
      throw new GitInputException("cannot read a file of " + ref + ": " + e.getMessage(), e);
    }
  }

  /** Git orders tree entries by name, a subtree's name as if it ended in '/'. */
  private static String sortKey(String name, FileMode mode) {
    String key = mode == FileMode.TREE ? name + "/" : name;
    return new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L + Math.min(attempt, 20) * 5L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitInputException("interrupted while updating a ref", e);
    }
  }
}
