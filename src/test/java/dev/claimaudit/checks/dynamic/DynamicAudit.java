package dev.claimaudit.checks.dynamic;

import dev.claimaudit.checks.placeholder.PlaceholderPass;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.claims.Statements;
import dev.claimaudit.checks.AuditContext;
import dev.claimaudit.checks.CheckOutcome;
import dev.claimaudit.checks.CheckSettings;
import dev.claimaudit.checks.ClaimResult;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimExtractor;
import dev.claimaudit.claims.ClaimKind;
import dev.claimaudit.claims.ClaimSource;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.CommitInfo;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the dynamic check alone over a range of a real repository, with a policy block given as JSON. */
record DynamicAudit(CheckOutcome outcome, List<Claim> claims) {
  /** A variable whose name marks it as a secret; the fixtures' tests fail when they can see it. */
  static final String SECRET_NAME = "FIXTURE_API_TOKEN";
  static final String SECRET_VALUE = "s3cr3t-0f-the-audit-job";
  /** A plain variable the fixtures' tests expect to see, so a test that passes proves the environment reached them. */
  static final String MARKER_NAME = "FIXTURE_MARKER";

  static DynamicAudit run(Path repo, String range, String dynamicBlockJson) throws Exception {
    return run(repo, range, dynamicBlockJson, environment());
  }

  static DynamicAudit run(Path repo, String range, String dynamicBlockJson, Map<String, String> env) throws Exception {
    JsonNode block = dynamicBlockJson == null ? null : new ObjectMapper().readTree(dynamicBlockJson);
    Map<String, JsonNode> blocks = block == null ? Map.of() : Map.of("dynamic", block);
    try (GitRepository repository = GitRepository.open(repo);
        ChangeSet changeSet = repository.changeSet(RangeSpec.parse(range), DiffLimits.DEFAULT)) {
      List<ClaimSource> sources = new ArrayList<>();
      List<CommitInfo> commits = changeSet.commits();
      for (int i = commits.size() - 1; i >= 0; i--) {
        sources.add(ClaimSource.commit(commits.get(i).sha(), commits.get(i).message()));
      }
      List<Claim> claims = new ClaimExtractor().extract(sources);
      CheckSettings settings = new CheckSettings(repository.workTree(), true, null, blocks, null, env);
      AuditContext context = new AuditContext(changeSet, Statements.of(claims), PullRequest.NONE, new CatalogLoader().builtIn(), PathFilter.defaults(), settings, PlaceholderPass::new);
      return new DynamicAudit(new DynamicCheck().run(context), claims);
    }
  }

  /** The test process's own environment plus a secret and a marker. */
  static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(SECRET_NAME, SECRET_VALUE);
    env.put(MARKER_NAME, "visible");
    return env;
  }

  /** The result for the first test claim whose text contains {@code text}. */
  ClaimResult claim(String text) {
    return outcome.claimResults().stream()
        .filter(result -> result.claim().kind() == ClaimKind.TEST && result.claim().text().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no dynamic result for a test claim containing '" + text + "' in " + outcome.claimResults()));
  }

  List<Finding> findings(String rule) {
    return outcome.findings().stream().filter(finding -> finding.rule().equals(rule)).toList();
  }

  static boolean installed(String program) {
    return Subprocess.find(program, System.getenv()).isPresent();
  }

  /** The pid a fixture's hung test wrote, once it started. */
  static Optional<Long> pid(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
