package dev.claimaudit.cli.kb;

import dev.claimaudit.git.GitInputException;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RevisionFile;
import dev.claimaudit.kb.KbException;
import dev.claimaudit.kb.KnowledgeBase;
import dev.claimaudit.policy.Policy;
import dev.claimaudit.policy.PolicyLoader;
import dev.claimaudit.policy.PolicyParser;
import dev.claimaudit.policy.PolicyText;
import dev.claimaudit.rules.CatalogLoader;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

/** A knowledge base and the repository it may live in, closed together. */
record Opened(KnowledgeBase kb, GitRepository repository) implements AutoCloseable {
  static Opened open(Location location, boolean create, Supplier<Set<String>> findingIds) {
    if (location.kb != null && !location.kb.startsWith("git:")) {
      return new Opened(KnowledgeBase.open(KbLocations.absolute(location.kb), null, null, create), null);
    }
    GitRepository repository;
    try {
      repository = GitRepository.open(location.repo);
    } catch (GitInputException e) {
      if (location.kb != null) {
        throw e;
      }
      throw new KbException("no knowledge base: give --kb DIR or --kb git:REF (" + e.getMessage() + ", so there is no policy to read kb.path from)");
    }
    try {
      String where = location.kb != null ? location.kb : fromPolicy(repository, findingIds);
      Path relativeTo = repository.workTree().orElse(repository.gitDir());
      return new Opened(KnowledgeBase.open(where, repository, relativeTo, create), repository);
    } catch (RuntimeException e) {
      repository.close();
      throw e;
    }
  }

  private static String fromPolicy(GitRepository repository, Supplier<Set<String>> findingIds) {
    RevisionFile file = repository.fileAt("HEAD", PolicyLoader.FILE, 1024 * 1024);
    if (file.text() == null) {
      throw new KbException("no knowledge base: give --kb DIR or --kb git:REF, or set kb.path in " + PolicyLoader.FILE);
    }
    Policy policy = new PolicyParser(new CatalogLoader().builtIn(), findingIds.get())
        .parse(new PolicyText(PolicyLoader.FILE, "at HEAD", file.text()));
    if (!policy.kb().configured()) {
      throw new KbException("no knowledge base: give --kb DIR or --kb git:REF, or set kb.path in " + PolicyLoader.FILE);
    }
    return policy.kb().location();
  }

  @Override
  public void close() {
    if (repository != null) {
      repository.close();
    }
  }
}
