package dev.claimaudit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.policy.EffectiveSettings;
import dev.claimaudit.policy.FailOn;
import dev.claimaudit.policy.Policy;
import dev.claimaudit.policy.PolicyLoader;
import dev.claimaudit.report.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit config}: the effective policy of an audit, and where each value came from. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Prints the effective policy an audit of the range would run under, and where each value came from "
        + "(default, a line of .claim-audit.yml, or an option).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  audit config --range main..HEAD",
      "  audit config --policy-from worktree --format json"
    })
final class ConfigCommand implements Callable<Integer> {
  private final Cli.Io io;

  @Option(names = "--repo", paramLabel = "DIR", description = "Repository (default: the current directory).")
  Path repo = Path.of(".");

  @Option(names = "--range", paramLabel = "RANGE", description = "The range whose base holds the policy (default: as for an audit).")
  String range;

  @Option(names = "--event", paramLabel = "FILE", description = "A pull_request event payload whose base..head is the range.")
  Path event;

  @Option(names = "--policy", paramLabel = "FILE", description = "Policy file to use instead of .claim-audit.yml.")
  Path policy;

  @Option(names = "--policy-from", paramLabel = "WHERE", description = "Where to read .claim-audit.yml: base (default), head or worktree.")
  PolicyLoader.From policyFrom;

  @Option(names = "--kb", paramLabel = "DIR|git:REF", description = "Knowledge base, as an audit would be given it.")
  String kb;

  @Option(names = "--fail-on", paramLabel = "LEVEL", description = "block, warn or never, as an audit would be given it.")
  FailOn failOn;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format = "text";

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  ConfigCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("unknown format '" + format + "': use text or json");
    }
    if (policy != null && policyFrom != null) {
      throw new BadInputException("give --policy FILE or --policy-from WHERE, not both");
    }
    PullRequest pullRequest = PullRequest.NONE;
    String eventPath = event != null ? event.toString() : io.env().get("GITHUB_EVENT_PATH");
    if (eventPath != null && !eventPath.isBlank()) {
      pullRequest = EventPayload.read(Path.of(eventPath)).pullRequest();
    }
    try (GitRepository repository = GitRepository.open(repo)) {
      RangeSpec spec = range != null ? RangeSpec.parse(range)
          : pullRequest.baseSha() != null && pullRequest.headSha() != null
              ? RangeSpec.parse(pullRequest.baseSha() + ".." + pullRequest.headSha()) : repository.defaultRange();
      try (ChangeSet changeSet = repository.changeSet(spec, DiffLimits.DEFAULT)) {
        AuditRequest request = new AuditRequest(repo, spec, pullRequest, policy, false, null, null, io.env(),
            policyFrom == null ? PolicyLoader.From.BASE : policyFrom, AuditCommand.kbLocation(kb), null, false, failOn);
        PolicyLoader.Loaded loaded = AuditPipeline.policy(request, repository, changeSet, new CatalogLoader().builtIn());
        if (format.equals("json")) {
          json(loaded, spec);
        } else {
          text(loaded, spec, changeSet);
        }
      }
    }
    io.out().flush();
    return ExitCode.OK.code();
  }

  private void text(PolicyLoader.Loaded loaded, RangeSpec spec, ChangeSet changeSet) {
    Policy policy = loaded.policy();
    PrintWriter out = io.out();
    List<EffectiveSettings.Setting> settings = EffectiveSettings.of(policy);
    out.println("policy   " + Text.line(policy.source(), 300));
    out.println("sha-256  " + policy.digest());
    out.println("range    " + Text.line(spec.text(), 200) + " (base " + shortSha(changeSet.baseSha()) + ")");
    out.println();
    int keyWidth = Math.max(3, settings.stream().mapToInt(setting -> setting.key().length()).max().orElse(3));
    int valueWidth = Math.min(48, Math.max(5, settings.stream().mapToInt(setting -> shown(setting.value()).length()).max().orElse(5)));
    out.println(pad("KEY", keyWidth) + "  " + pad("VALUE", valueWidth) + "  ORIGIN");
    for (EffectiveSettings.Setting setting : settings) {
      out.println(pad(Text.line(setting.key(), 200), keyWidth) + "  " + pad(shown(setting.value()), valueWidth) + "  "
          + Text.line(setting.origin(), 200));
    }
    for (String note : loaded.notes()) {
      if (!note.startsWith("policy: ")) {
        out.println("note: " + Text.line(note, 300));
      }
    }
  }

  private void json(PolicyLoader.Loaded loaded, RangeSpec spec) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", "claim-audit/config/v1");
    root.put("source", loaded.policy().source());
    root.put("sha256", loaded.policy().digest());
    root.put("range", spec.text());
    ArrayNode settings = root.putArray("settings");
    for (EffectiveSettings.Setting setting : EffectiveSettings.of(loaded.policy())) {
      ObjectNode node = settings.addObject();
      node.put("key", setting.key());
      node.set("value", setting.value());
      node.put("origin", setting.origin());
    }
    ArrayNode notes = root.putArray("notes");
    loaded.notes().forEach(notes::add);
    try {
      io.out().println(mapper.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the configuration as JSON", e);
    }
  }

  private static String shown(JsonNode value) {
    if (value.isNull()) {
      return "(none)";
    }
    if (value.isArray()) {
      StringBuilder text = new StringBuilder();
      value.forEach(item -> text.append(text.length() == 0 ? "" : ", ").append(item.asText()));
      return text.length() == 0 ? "(none)" : Text.line(text.toString(), 300);
    }
    if (value.isObject()) {
      return Text.line(value.toString(), 300);
    }
    return Text.line(value.asText(), 300);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String shortSha(String sha) {
    return sha == null ? "none" : sha.substring(0, Math.min(7, sha.length()));
  }
}
