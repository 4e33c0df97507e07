package dev.claimaudit.checks.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.Lexer;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names a file gives its placeholders: imported under another name, or assigned to one. */
class AliasesTest {
  private static final List<String> WORDS = Aliases.words(
      new CatalogLoader().builtIn().rules().stream().map(Rule::keywords).flatMap(List::stream).toList());

  private static Map<String, String> aliases(Language language, String code) {
    return Aliases.of(language, Lexer.lex(language, code), WORDS);
  }

  @Test
  void anImportUnderAnotherNameIsFollowed() {
    assertThat(aliases(Language.RUST, "use std::todo as later;\n")).containsEntry("later", "todo");
    assertThat(aliases(Language.PYTHON, "from unittest import skip as later\n")).containsEntry("later", "skip");
    assertThat(aliases(Language.PYTHON, "import\tpytest\tas\tpt\n")).containsEntry("pt", "pytest");
    assertThat(aliases(Language.TYPESCRIPT, "import {\n  it as spec,\n} from \"vitest\";\n")).containsEntry("spec", "it");
  }

  @Test
  void anAssignmentOfABareNameIsFollowed() {
    assertThat(aliases(Language.PYTHON, "NIE = NotImplementedError\n")).containsEntry("NIE", "NotImplementedError");
    assertThat(aliases(Language.CSHARP, "using Later = System.NotImplementedException;\n"))
        .containsEntry("Later", "System.NotImplementedException");
  }

  @Test
  void importsThatRenameNothingGiveNoAlias() {
    assertThat(aliases(Language.JAVA, "import org.apache.kafka.clients.admin.internals.AdminApiHandler;\n"
        + "import static org.junit.jupiter.api.Assertions.assertEquals;\nclass A { String basis = alias; }\n")).isEmpty();
    assertThat(aliases(Language.PYTHON, "import pytest\nfrom unittest import mock, skip\n")).isEmpty();
  }
}
