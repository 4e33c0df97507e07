package dev.claimaudit.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The knowledge base as files in a directory. Every writer holds an exclusive lock on
 * {@code .lock} in that directory (an OS file lock, so it holds across processes), readers a
 * shared one; a rewrite goes to a temporary file that is then renamed over the old one.
 *
 * <p>A knowledge base directory is marked by {@value #MARKER}. A directory without the marker is
 * used only when it is empty or holds nothing but a knowledge base's files (one written before
 * the marker existed); any other directory (a system folder behind a link, a source tree) is
 * refused rather than written to. Reading writes nothing, not even the lock, so a copy that is
 * only read (the source of a merge) stays as it was; and no file of the store is followed
 * through a symbolic link.
 */
public final class DirectoryStore implements KbStore {
  static final String LOCK_FILE = ".lock";
  /** The file that marks a directory as a knowledge base. */
  public static final String MARKER = ".claim-audit-kb";
  /** What a knowledge base directory may hold: its files, the lock, the marker and rewrites in progress. */
  private static final java.util.regex.Pattern OWN_FILE = java.util.regex.Pattern.compile(
      "\\.claim-audit-kb|\\.lock|lessons\\.jsonl|file-notes\\.jsonl|\\.(?:lessons|file-notes)\\.jsonl-[^/]*\\.tmp");
  private static final LinkOption[] NO_LINKS = {LinkOption.NOFOLLOW_LINKS};
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(120);
  /** Rewrites (prune, merge) hold the file in memory; a larger one is refused rather than risk running out. */
  private static final long MAX_REWRITE_BYTES = 512L * 1024 * 1024;

  private final Path dir;

  private DirectoryStore(Path dir) {
    this.dir = dir;
  }

  /**
   * The store in {@code dir}; with {@code create}, the directory is made when missing, otherwise
   * it must exist. A directory this process may not write to is still read; appends to it fail.
   */
  public static DirectoryStore open(Path dir, boolean create) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new KbException("knowledge base " + dir + " is not a directory");
    }
    if (!Files.exists(dir)) {
      if (!create) {
        throw new KbException("no knowledge base at " + dir + " (the directory does not exist)");
      }
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new KbException("cannot create the knowledge base directory " + dir + ": " + reason(e), e);
      }
      DirectoryStore store = new DirectoryStore(dir);
      store.mark();
      return store;
    }
    refuseForeign(dir);
    return new DirectoryStore(dir);
  }

  /** Fails unless {@code dir} has the marker, is empty, or holds only a knowledge base's own files. */
  private static void refuseForeign(Path dir) {
    if (Files.exists(dir.resolve(MARKER), NO_LINKS)) {
      return;
    }
    try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
      Optional<String> foreign = entries.map(entry -> entry.getFileName().toString())
          .filter(name -> !OWN_FILE.matcher(name).matches()).sorted().findFirst();
      if (foreign.isPresent()) {
        throw new KbException("refusing to use " + dir + " as a knowledge base: it has no " + MARKER + " marker and holds other files ("
            + foreign.get() + "); give an empty directory or an existing knowledge base");
      }
    } catch (IOException e) {
      throw new KbException("cannot read the knowledge base directory " + dir + ": " + reason(e), e);
    }
  }

  /** Marks the directory as a knowledge base and creates its lock file, before the first write. */
  private void mark() {
    for (String name : List.of(MARKER, LOCK_FILE)) {
      try {
        Files.newByteChannel(dir.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS).close();
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // Marked already, by this process or another.
      } catch (IOException e) {
        throw new KbException("cannot write to the knowledge base " + dir + ": " + reason(e), e);
      }
    }
  }

  /** The real directory, for telling two stores apart. */
  Path realDir() {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  public Path dir() {
    return dir;
  }

  @Override
  public String describe() {
    return dir.toString();
  }

  @Override
  public void read(String file, JsonLines.Visitor visitor) {
    Path path = dir.resolve(file);
    locked(true, () -> {
      if (Files.exists(path, NO_LINKS) && !Files.isRegularFile(path, NO_LINKS)) {
        throw new KbException("knowledge base file " + path + " is not a regular file");
      }
      try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
        JsonLines.read(in, visitor);
      } catch (NoSuchFileException e) {
        return null;
      }
      return null;
    });
  }

  @Override
  public byte[] bytes(String file) {
    Path path = dir.resolve(file);
    return locked(true, () -> whole(path));
  }

  @Override
  public void append(String file, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a knowledge base line must not contain a line break");
      }
      text.append(line).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    Path path = dir.resolve(file);
    locked(false, () -> {
      if (Files.exists(path, NO_LINKS) && !Files.isRegularFile(path, NO_LINKS)) {
        throw new KbException("knowledge base file " + path + " is not a regular file");
      }
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS)) {
        long size = channel.size();
        ByteBuffer data = ByteBuffer.wrap(endsWithNewline(channel, size) ? bytes : withLeadingNewline(bytes));
        long position = size;
        try {
          while (data.hasRemaining()) {
            position += channel.write(data, position);
          }
          channel.force(false);
        } catch (IOException e) {
          takeBack(channel, size, e);
          throw e;
        }
      }
      return null;
    });
  }

  @Override
  public void rewrite(String file, UnaryOperator<byte[]> change) {
    Path path = dir.resolve(file);
    locked(false, () -> {
      byte[] current = whole(path);
      byte[] next = change.apply(current);
      Path temp = Files.createTempFile(dir, "." + file + "-", ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer data = ByteBuffer.wrap(next);
          while (data.hasRemaining()) {
            channel.write(data);
          }
          channel.force(false);
        }
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return null;
    });
  }

  /** The whole file, for a rewrite; empty when missing. */
  private static byte[] whole(Path path) throws IOException {
    if (!Files.exists(path, NO_LINKS)) {
      return new byte[0];
    }
    if (!Files.isRegularFile(path, NO_LINKS)) {
      throw new KbException("knowledge base file " + path + " is not a regular file");
    }
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes((int) MAX_REWRITE_BYTES + 1);
      if (bytes.length > MAX_REWRITE_BYTES) {
        throw new KbException("knowledge base file " + path + " is larger than " + MAX_REWRITE_BYTES / (1024 * 1024)
            + " MiB; prune it by hand or split it before rewriting");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      return new byte[0];
    }
  }

  /**
   * A write that failed part way (a full disk writes what fits, then fails) leaves the lines that
   * fitted and a torn one: cut the file back to its size before the append, so readers see none of it.
   */
  private static void takeBack(FileChannel channel, long size, IOException failure) {
    try {
      channel.truncate(size);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /** A file that a crashed writer left without its final newline gets one, so its torn line stays its own line. */
  private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
    if (size == 0) {
      return true;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, size - 1);
    return last.get(0) == '\n';
  }

  private static byte[] withLeadingNewline(byte[] bytes) {
    byte[] copy = new byte[bytes.length + 1];
    copy[0] = '\n';
    System.arraycopy(bytes, 0, copy, 1, bytes.length);
    return copy;
  }

  private interface Body<T> {
    T run() throws IOException;
  }

  private <T> T locked(boolean shared, Body<T> body) {
    Path lockPath = dir.resolve(LOCK_FILE);
    if (shared && !Files.exists(lockPath, NO_LINKS)) {
      // No writer has ever locked this copy, so none is writing it now; reading it must not create the lock.
      return unlocked(body);
    }
    if (!shared) {
      mark();
    }
    FileChannel channel;
    try {
      channel = shared
          ? FileChannel.open(lockPath, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)
          : FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    } catch (AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
      if (!shared) {
        throw new KbException("cannot write to the knowledge base " + dir + ": " + reason(e), e);
      }
      return unlocked(body);
    } catch (FileSystemException e) {
      if (shared && !Files.isWritable(dir)) {
        return unlocked(body);
      }
      throw new KbException("cannot open the knowledge base lock " + lockPath + ": " + reason(e), e);
    } catch (IOException e) {
      throw new KbException("cannot open the knowledge base lock " + lockPath + ": " + reason(e), e);
    }
    try (channel) {
      FileLock lock = acquire(channel, shared, lockPath);
      try {
        return body.run();
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new KbException("cannot " + (shared ? "read" : "write") + " the knowledge base " + dir + ": " + reason(e), e);
    }
  }

  /** A read-only knowledge base (a restored cache mounted read-only) is read without the lock no writer could take. */
  private <T> T unlocked(Body<T> body) {
    try {
      return body.run();
    } catch (IOException e) {
      throw new KbException("cannot read the knowledge base " + dir + ": " + reason(e), e);
    }
  }

  /**
   * Waits for the lock. Another process is waited for by the OS; another thread of this process
   * shows up as {@link OverlappingFileLockException}, so the wait polls.
   */
  private static FileLock acquire(FileChannel channel, boolean shared, Path lockPath) throws IOException {
    long deadline = System.nanoTime() + LOCK_TIMEOUT.toNanos();
    long pause = 2;
    while (true) {
      try {
        FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
        if (lock != null) {
          return lock;
        }
      } catch (OverlappingFileLockException e) {
        // Held by another thread of this JVM: wait as for another process.
      }
      if (System.nanoTime() > deadline) {
        throw new KbException("could not lock " + lockPath + " within " + LOCK_TIMEOUT.toSeconds() + " s: another audit holds it");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KbException("interrupted while waiting for " + lockPath, e);
      }
      pause = Math.min(50, pause * 2);
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
