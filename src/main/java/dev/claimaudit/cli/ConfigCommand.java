package dev.claimaudit.cli;

import dev.claimaudit.cli.shell.BadInputException;
import dev.claimaudit.cli.shell.Io;
import dev.claimaudit.cli.shell.ExitCode;
import dev.claimaudit.cli.shell.Version;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.cli.kb.KbLocations;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.claims.PullRequest;
import dev.claimaudit.git.ChangeSet;
import dev.claimaudit.git.DiffLimits;
import dev.claimaudit.git.GitRepository;
import dev.claimaudit.git.RangeSpec;
import dev.claimaudit.policy.EffectiveSettings;
import dev.claimaudit.policy.Policy;
import dev.claimaudit.policy.PolicyLoader;
import dev.claimaudit.report.Text;
import dev.claimaudit.text.Texts;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audit config}: the effective policy of an audit, and where each value came from. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Prints the effective policy an audit of the range would run under, and where each value came from "
        + "(default, a line of .claim-audit.yml, or an option). The policy is validated exactly as an audit validates it, the "
        + "settings of every check included: what this command accepts, an audit accepts.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  audit config --range main..HEAD",
      "  audit config --policy-from worktree --format json",
      "",
      "Exit codes: 0 printed, 2 an invalid policy or another bad input, 3 internal error."
    })
final class ConfigCommand implements Callable<Integer> {
  private final Io io;

  @Mixin SharedOptions shared = new SharedOptions();

  @Mixin ChangeOptions change = new ChangeOptions();

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format = "text";

  ConfigCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("unknown format '" + format + "': use text or json");
    }
    change.check();
    PullRequest pullRequest = change.pullRequest(io.env());
    try (GitRepository repository = GitRepository.open(shared.repo)) {
      RangeSpec given = change.rangeSpec(pullRequest);
      RangeSpec spec = given != null ? given : repository.defaultRange();
      try (ChangeSet changeSet = repository.changeSet(spec, DiffLimits.DEFAULT)) {
        AuditRequest request = new AuditRequest(shared.repo, spec, pullRequest, change.policy, false, null, null, io.env(),
            change.policyFrom(), KbLocations.absolute(change.kb), null, false, shared.failOn);
        PolicyLoader.Loaded loaded = AuditPipeline.policy(request, repository, changeSet, new CatalogLoader().builtIn());
        AuditPipeline.validateCheckSettings(loaded.policy(), request, repository);
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
    out.println("range    " + Text.line(spec.text(), 200) + " (base " + Texts.shortSha(changeSet.baseSha()) + ")");
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
}
