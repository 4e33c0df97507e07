package dev.claimaudit.report;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links from a report to a file line at the audited commit, on the code host that runs the job.
 *
 * @param repositoryUrl e.g. {@code https://gitea.example.com/acme/widget}
 * @param gitea Gitea's link shape ({@code /src/commit/SHA/PATH}) rather than GitHub's ({@code /blob/SHA/PATH})
 */
public record SourceLinks(String repositoryUrl, boolean gitea) {
  private static final Pattern SERVER = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~\\-/]*)?");
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9._\\-]+/[A-Za-z0-9._\\-]+");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  /** Links for the Actions job described by {@code env}, when it names a server and a repository in a sane form. */
  public static Optional<SourceLinks> fromEnvironment(Map<String, String> env) {
    String server = env.get("GITHUB_SERVER_URL");
    String repository = env.get("GITHUB_REPOSITORY");
    if (server == null || repository == null || !SERVER.matcher(server).matches() || !REPOSITORY.matcher(repository).matches()) {
      return Optional.empty();
    }
    String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    return Optional.of(new SourceLinks(base + "/" + repository, "true".equals(env.get("GITEA_ACTIONS"))));
  }

  /** The link to {@code path} (at {@code line}, when given) in commit {@code sha}, or empty when {@code sha} is not a full commit id. */
  public Optional<String> to(String sha, String path, Integer line) {
    if (sha == null || !SHA.matcher(sha).matches()) {
      return Optional.empty();
    }
    String file = repositoryUrl + (gitea ? "/src/commit/" : "/blob/") + sha + "/" + Uris.path(path);
    return Optional.of(line == null ? file : file + "#L" + line);
  }
}
