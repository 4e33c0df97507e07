package dev.claimaudit.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The objects of a clone that borrows them all: one made with {@code git clone --shared} or
 * {@code --reference} keeps no pack of its own, and its {@code objects/info/alternates} names the
 * repositories that hold them (the lenders). JGit looks for each object in the clone's own pack
 * folder first, finds it empty, and asks the file system whether that folder changed before it
 * looks in a lender: a file status per object read, a quarter of the time a range of thousands of
 * commits spends reading trees. Read with the lenders first, each object is found at once; the
 * clone's own objects (the commits made in it) are still found, after the lenders'.
 */
final class BorrowedObjects {
  private BorrowedObjects() {}

  /**
   * How to open the repository {@code opened} describes (after {@link FileRepositoryBuilder#setup()})
   * reading its lenders' objects before its own, when it has no pack of its own and a lender that
   * exists; empty otherwise. Only for reading: an object written through it would land in a lender.
   */
  static Optional<FileRepositoryBuilder> lendersFirst(FileRepositoryBuilder opened) throws IOException {
    File own = opened.getObjectDirectory();
    List<File> lenders = lenders(own);
    if (lenders.isEmpty() || holdsPack(new File(own, "pack"))) {
      return Optional.empty();
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setGitDir(opened.getGitDir()).setObjectDirectory(lenders.get(0))
        .setMustExist(true);
    if (opened.isBare()) {
      builder.setBare();
    } else {
      builder.setWorkTree(opened.getWorkTree());
    }
    lenders.subList(1, lenders.size()).forEach(builder::addAlternateObjectDirectory);
    builder.addAlternateObjectDirectory(own);
    File[] fromEnvironment = opened.getAlternateObjectDirectories();
    if (fromEnvironment != null) {
      builder.addAlternateObjectDirectories(fromEnvironment);
    }
    return Optional.of(builder);
  }

  /**
   * The object folders {@code objects/info/alternates} lists, in its order, each relative to the
   * objects folder unless absolute; those that do not exist are left out, as is every line git
   * itself skips (empty, or a comment).
   */
  static List<File> lenders(File objects) throws IOException {
    File alternates = new File(objects, "info/alternates");
    List<File> lenders = new ArrayList<>();
    if (!alternates.isFile()) {
      return lenders;
    }
    for (String line : Files.readAllLines(alternates.toPath(), StandardCharsets.UTF_8)) {
      String path = line.strip();
      if (path.isEmpty() || path.startsWith("#")) {
        continue;
      }
      File lender = new File(path).isAbsolute() ? new File(path) : new File(objects, path);
      if (lender.isDirectory()) {
        lenders.add(lender);
      }
    }
    return lenders;
  }

  private static boolean holdsPack(File packs) {
    String[] names = packs.list();
    if (names == null) {
      return false;
    }
    for (String name : names) {
      if (name.endsWith(".pack")) {
        return true;
      }
    }
    return false;
  }
}
