package dev.claimaudit.git;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Works out which commits one ref update of a push sends, from the shas git's pre-push hook receives. */
final class PushedRange {
  private final Repository repository;

  PushedRange(Repository repository) {
    this.repository = repository;
  }

  /**
   * The range to audit for an update of a remote ref from {@code remoteSha} to {@code localSha},
   * or empty when the push sends no commit the remote side lacks. An all-zero or unknown
   * {@code remoteSha} (a new branch, or a remote ref this clone has not fetched) means: the
   * commits on no remote-tracking branch, from where the first-parent line leaves them.
   */
  Optional<RangeSpec> of(String localSha, String remoteSha) {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit local = commit(walk, localSha)
          .orElseThrow(() -> new GitInputException("the pushed object " + localSha + " is not a commit in this repository"));
      Optional<RevCommit> remote = ObjectId.zeroId().name().equals(remoteSha) ? Optional.empty() : commit(walk, remoteSha);
      if (remote.isPresent()) {
        return remote.get().equals(local) ? Optional.empty() : Optional.of(RangeSpec.parse(remote.get().name() + ".." + local.name()));
      }
      return notOnAnyRemote(walk, local);
    } catch (IOException e) {
      throw new GitInputException("cannot read the pushed commits: " + e.getMessage(), e);
    }
  }

  private Optional<RangeSpec> notOnAnyRemote(RevWalk walk, RevCommit local) throws IOException {
    walk.reset();
    walk.markStart(local);
    for (Ref ref : repository.getRefDatabase().getRefsByPrefix("refs/remotes/")) {
      ObjectId target = ref.getObjectId();
      if (target != null) {
        try {
          walk.markUninteresting(walk.parseCommit(target));
        } catch (IncorrectObjectTypeException | MissingObjectException e) {
          // A remote-tracking ref that names no commit in this clone cannot hide any commit.
        }
      }
    }
    Set<ObjectId> fresh = new HashSet<>();
    for (RevCommit commit : walk) {
      fresh.add(commit.copy());
    }
    if (fresh.isEmpty()) {
      return Optional.empty();
    }
    RevCommit current = local;
    while (fresh.contains(current)) {
      if (current.getParentCount() == 0) {
        return Optional.of(RangeSpec.wholeHistory(local.name()));
      }
      current = walk.parseCommit(current.getParent(0));
    }
    return Optional.of(RangeSpec.parse(current.name() + ".." + local.name()));
  }

  private static Optional<RevCommit> commit(RevWalk walk, String sha) throws IOException {
    if (!ObjectId.isId(sha)) {
      return Optional.empty();
    }
    try {
      return Optional.of(walk.parseCommit(ObjectId.fromString(sha)));
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      return Optional.empty();
    }
  }
}
