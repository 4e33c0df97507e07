package dev.claimaudit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs real subprocesses (git, sh, the CLI in its own JVM) with a clean, fixed git environment. */
public final class Processes {
  private Processes() {}

  /** What a process printed and how it exited. */
  public record Result(int exitCode, String out, String err) {}

  /** Runs {@code command} in {@code dir} with git's user config shut out and {@code env} added; at most 120 s. */
  public static Result run(Path dir, Map<String, String> env, String stdin, List<String> command) {
    return run(dir, env, stdin.getBytes(StandardCharsets.UTF_8), command);
  }

  /** {@link #run(Path, Map, String, List)} with standard input given as bytes. */
  public static Result run(Path dir, Map<String, String> env, byte[] stdin, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("GIT_") || name.startsWith("CLAIM_AUDIT") || name.startsWith("GITHUB_")
        || name.startsWith("GITEA_"));
    environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
    environment.put("GIT_CONFIG_NOSYSTEM", "1");
    environment.put("GIT_AUTHOR_NAME", "Test Author");
    environment.put("GIT_AUTHOR_EMAIL", "author@example.com");
    environment.put("GIT_COMMITTER_NAME", "Test Author");
    environment.put("GIT_COMMITTER_EMAIL", "author@example.com");
    environment.put("GIT_AUTHOR_DATE", "2024-01-01T00:00:00Z");
    environment.put("GIT_COMMITTER_DATE", "2024-01-01T00:00:00Z");
    environment.putAll(env);
    try {
      Process process = builder.start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      process.getOutputStream().write(stdin);
      process.getOutputStream().close();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out after 120 s: " + command);
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Result git(Path dir, String... args) {
    return git(dir, Map.of(), args);
  }

  public static Result git(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    return run(dir, env, "", command);
  }

  /**
   * An executable script that starts the CLI from this build's classes in a JVM of its own, as the
   * {@code bin/audit} launcher would start the jar.
   */
  public static Path auditLauncher(Path dir) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script = "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '" + classpath
        + "' dev.claimaudit.cli.Main \"$@\"\n";
    try {
      Files.createDirectories(dir);
      Path launcher = dir.resolve("audit");
      Files.writeString(launcher, script);
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
      return launcher;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
