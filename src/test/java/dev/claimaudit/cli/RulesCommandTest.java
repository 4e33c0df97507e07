package dev.claimaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.rules.Catalog;
import dev.claimaudit.rules.CatalogDocs;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import dev.claimaudit.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesCommandTest {
  private static final Catalog CATALOG = new CatalogLoader().builtIn();

  @Test
  void theTableHasAHeaderAndOneLinePerRuleWithItsClassLanguagesAndTitle() {
    CliRun run = CliRun.of("rules");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(CATALOG.rules().size() + 1 + 3 + FindingRegistry.builtIn().types().size());
    assertThat(lines.get(CATALOG.rules().size() + 2)).isEqualTo("Findings of the other checks:");
    assertThat(lines).anySatisfy(line -> assertThat(line.split("\\s{2,}")).containsExactly("claim-file-contradicted", "file claim contradicted"));
    assertThat(lines.get(0).split("\\s+")).containsExactly("ID", "CLASS", "LANGUAGES", "TITLE");
    assertThat(lines).anySatisfy(line -> assertThat(line.split("\\s{2,}")).containsExactly("rs-todo-macro", "hard-stub", "rust", "todo!() macro"));
    assertThat(lines).anySatisfy(line -> assertThat(line.split("\\s{2,}"))
        .containsExactly("todo-marker", "soft-marker", "all languages", "TODO/FIXME marker in a comment"));
  }

  @Test
  void jsonListsEveryRuleInCatalogOrderWithItsFieldsAndExamples() throws Exception {
    CliRun run = CliRun.of("rules", "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.isArray()).isTrue();
    List<String> ids = new ArrayList<>();
    json.forEach(rule -> ids.add(rule.path("id").asText()));
    List<String> expected = new ArrayList<>(CATALOG.rules().stream().map(Rule::id).toList());
    expected.addAll(FindingRegistry.builtIn().ids());
    assertThat(ids).containsExactlyElementsOf(expected);
    JsonNode python = json.get(ids.indexOf("py-raise-not-implemented"));
    assertThat(python.path("class").asText()).isEqualTo("hard-stub");
    assertThat(python.path("languages").toString()).isEqualTo("[\"python\"]");
    assertThat(python.path("in").asText()).isEqualTo("code");
    assertThat(python.path("scope").asText()).isEqualTo("any");
    assertThat(python.path("unlessInside").asText()).contains("abstract");
    assertThat(python.path("match").get(0).path("language").asText()).isEqualTo("python");
    assertThat(python.path("noMatch").size()).isEqualTo(CATALOG.rule("py-raise-not-implemented").orElseThrow().noMatch().size());
    JsonNode emptyTest = json.get(ids.indexOf("junit-empty-test"));
    assertThat(emptyTest.path("scope").asText()).isEqualTo("tests");
    assertThat(emptyTest.path("ifPrevious").asText()).contains("Test");
  }

  @Test
  void markdownIsTheGeneratedRulesPage() {
    CliRun run = CliRun.of("rules", "--format", "markdown");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith(CatalogDocs.markdown(CATALOG)).contains("\n## Findings of the other checks\n", "\n### claim-file-contradicted\n");
  }

  @Test
  void anUnknownFormatIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("rules", "--format", "yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("yaml").doesNotContain("\tat ");
  }
}
