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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The knowledge base as files in a directory. Every writer holds an exclusive lock on
 * {@code .lock} in that directory (an OS file lock, so it holds across processes), readers a
 * shared one; a rewrite goes to a temporary file that is then renamed over the old one.
 */
public final class DirectoryStore implements KbStore {
  static final String LOCK_FILE = ".lock";
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
    }
    return new DirectoryStore(dir);
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
      if (Files.exists(path) && !Files.isRegularFile(path)) {
        throw new KbException("knowledge base file " + path + " is not a regular file");
      }
      try (InputStream in = Files.newInputStream(path)) {
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
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
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
    if (!Files.exists(path)) {
      return new byte[0];
    }
    if (!Files.isRegularFile(path)) {
      throw new KbException("knowledge base file " + path + " is not a regular file");
    }
    if (Files.size(path) > MAX_REWRITE_BYTES) {
      throw new KbException("knowledge base file " + path + " is larger than " + MAX_REWRITE_BYTES / (1024 * 1024)
          + " MiB; prune it by hand or split it before rewriting");
    }
    try {
      return Files.readAllBytes(path);
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
    FileChannel channel;
    try {
      channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
