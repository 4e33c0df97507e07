package dev.claimaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.claimaudit.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the catalog and the declared findings; it must be regenerated whenever either changes. */
class CatalogDocsTest {
  private static final Catalog CATALOG = new CatalogLoader().builtIn();

  @Test
  void theCommittedRulesPageMatchesTheCatalog() throws IOException {
    Path page = Path.of("docs/rules.md");
    String expected = CliRun.of("rules", "--format", "markdown").out();
    String actual = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
    if (!actual.equals(expected)) {
      List<String> want = expected.lines().toList();
      List<String> have = actual.lines().toList();
      int line = 0;
      while (line < Math.min(want.size(), have.size()) && want.get(line).equals(have.get(line))) {
        line++;
      }
      fail("docs/rules.md is out of date with the rule catalog (first difference at line %d); regenerate it with:%n  %s",
          line + 1, CatalogDocs.REGENERATE);
    }
  }

  @Test
  void thePageListsEveryRuleWithItsSection() {
    String page = CatalogDocs.markdown(CATALOG);
    for (Rule rule : CATALOG.rules()) {
      assertThat(page).contains("| [`" + rule.id() + "`](#" + rule.id() + ") | " + rule.ruleClass().id() + " |", "\n### " + rule.id() + "\n");
    }
  }

  @Test
  void inlineCodeHoldingBackticksUsesALongerFence() {
    String page = CatalogDocs.markdown(CATALOG);
    assertThat(page).contains("- Pattern: ``\\bthrow\\s+(?:new\\s+)?(?:Error|TypeError)\\s*\\(\\s*[\"'`]");
  }

  @Test
  void examplesAreShownWithoutTheirCommonIndentation() {
    assertThat(CatalogDocs.dedent("    a\n      b\n\n    c")).isEqualTo("a\n  b\n\nc");
  }
}
