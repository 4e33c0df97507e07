package dev.claimaudit.testing;

import dev.claimaudit.checks.placeholder.PlaceholderPass;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.CheckSettings;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.claims.ClaimExtractor;
import dev.claimaudit.claims.ClaimSource;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.CommitInfo;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An audit context over a real repository, built the way the pipeline builds it, so that a check
 * can be run in-process with settings the policy file would give it.
 */
public final class OpenAudit implements AutoCloseable {
  private final GitRepository repository;
  private final ChangeSet changeSet;
  private final AuditContext context;

  private OpenAudit(GitRepository repository, ChangeSet changeSet, AuditContext context) {
    this.repository = repository;
    this.changeSet = changeSet;
    this.context = context;
  }

  /**
   * @param llmFlag {@code --llm} (true), {@code --no-llm} (false) or neither
   * @param blocks the policy's settings blocks by key
   */
  public static OpenAudit of(Path repo, String range, PullRequest pullRequest, Boolean llmFlag, Map<String, JsonNode> blocks,
      Path stateDir, Map<String, String> env) {
    GitRepository repository = GitRepository.open(repo);
    ChangeSet changeSet = repository.changeSet(RangeSpec.parse(range), DiffLimits.DEFAULT);
    List<ClaimSource> sources = new ArrayList<>();
    if (!pullRequest.title().isBlank()) {
      sources.add(ClaimSource.prTitle(pullRequest.title(), pullRequest.draft()));
    }
    if (!pullRequest.body().isBlank()) {
      sources.add(ClaimSource.prBody(pullRequest.body(), pullRequest.draft()));
    }
    List<CommitInfo> commits = changeSet.commits();
    for (int i = commits.size() - 1; i >= 0; i--) {
      sources.add(ClaimSource.commit(commits.get(i).sha(), commits.get(i).message()));
    }
    CheckSettings settings = new CheckSettings(repository.workTree(), false, llmFlag, blocks, stateDir, env);
    AuditContext context = new AuditContext(changeSet, new ClaimExtractor().read(sources), pullRequest, new CatalogLoader().builtIn(),
        PathFilter.defaults(), settings, PlaceholderPass::new);
    return new OpenAudit(repository, changeSet, context);
  }

  public AuditContext context() {
    return context;
  }

  @Override
  public void close() {
    changeSet.close();
    repository.close();
  }
}
