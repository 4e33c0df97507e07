package dev.claimaudit.bench;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The floor of an audit, for {@code bench/run.sh}: a bare JVM and JGit, no picocli, no claims and
 * no scan. It finds the merge base of BASE and HEAD and writes the net diff from it to HEAD as text
 * to standard output, as {@code git diff --unified=0 BASE...HEAD} would (histogram diff, renames
 * detected with the audit's rename limit). Nothing an audit does can cost less than this on the
 * same JVM.
 *
 * <p>It takes the auditor's command line, so that {@code ../shared/bench/run.sh} can time it as it
 * times the auditor: {@code --repo DIR --range BASE..HEAD} (or {@code BASE...HEAD}); every other
 * argument ({@code --no-llm}, {@code --format json}) is ignored.
 */
public final class NetDiffFloor {
  private NetDiffFloor() {}

  public static void main(String[] args) throws IOException {
    String repo = ".";
    String range = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--repo" -> repo = args[++i];
        case "--range" -> range = args[++i];
        case "--format" -> i++;
        default -> { }
      }
    }
    if (range == null || !range.contains("..")) {
      System.err.println("usage: NetDiffFloor --repo DIR --range BASE..HEAD");
      System.exit(2);
    }
    int dots = range.indexOf("..");
    String baseName = range.substring(0, dots);
    String headName = range.substring(range.startsWith(".", dots + 2) ? dots + 3 : dots + 2);

    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(new File(repo));
    if (builder.getGitDir() == null) {
      builder.setGitDir(new File(repo));
    }
    try (Repository repository = builder.setMustExist(true).build();
        RevWalk walk = new RevWalk(repository);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        DiffFormatter formatter = new DiffFormatter(out)) {
      RevCommit base = walk.parseCommit(resolve(repository, baseName));
      RevCommit head = walk.parseCommit(resolve(repository, headName));
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(base);
      walk.markStart(head);
      RevCommit mergeBase = walk.next();
      if (mergeBase == null) {
        System.err.println("no merge base of " + baseName + " and " + headName);
        System.exit(2);
      }
      formatter.setRepository(repository);
      formatter.setContext(0);
      formatter.setDetectRenames(true);
      formatter.getRenameDetector().setRenameLimit(1000);
      formatter.format(mergeBase.getTree(), head.getTree());
      formatter.flush();
    }
  }

  private static ObjectId resolve(Repository repository, String name) throws IOException {
    ObjectId id = repository.resolve(name + "^{commit}");
    if (id == null) {
      System.err.println("unknown revision " + name);
      System.exit(2);
    }
    return id;
  }
}
