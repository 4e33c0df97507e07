package dev.claimaudit.checks.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.lang.Language;
import dev.claimaudit.lang.Lexer;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.rules.Rule;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

  @Test
  void javaNamesNoPlaceholderAnew() {
    String assignment = "class Batch {\n  void update() {\n    currentEpoch = latestEpoch;\n    lastError = fatalError;\n  }\n}\n";
    assertThat(aliases(Language.JAVA, assignment)).isEmpty();
    assertThat(aliases(Language.KOTLIN, "val later = fatalError\n")).containsEntry("later", "fatalError");
  }

  /**
   * A line is an assignment of a bare name exactly when its last {@code =} (not part of
   * {@code ==}, {@code =>}, {@code !=}, {@code <=}, {@code >=}) has only a name, a dotted or
   * indexed path and a closing {@code ;} on its right, with a letter among them: read from the
   * line's end, on generated lines.
   */
  private static final String[] RIGHT_SIDES = {"NotImplemented", ".", "[", "]", "'", "9", ";", " ", "\t", "(", "=", ">"};

  @Test
  void aBareNameAssignmentIsReadFromTheLineEnd() {
    Random random = new Random(29);
    String[] parts = {"x", "NIE", " ", "\t", "=", "==", "=>", "!", "<", ">", "(", ")", ".", "[", "]", "'", "\"", ";", "_", "$", "1", ",",
        "\u00e9", "\r\n", "\n", "{", "}"};
    int assignments = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int count = random.nextInt(10); count > 0; count--) {
        line.append(parts[random.nextInt(parts.length)]);
      }
      if (random.nextBoolean()) {
        line.append(" = ");
        for (int count = random.nextInt(6); count > 0; count--) {
          line.append(RIGHT_SIDES[random.nextInt(RIGHT_SIDES.length)]);
        }
      }
      String text = "prefix\n" + line;
      boolean expected = assignedByDefinition(text, 7, text.length());

      assertThat(Aliases.bareNameAssigned(text, 7, text.length())).as(line.toString()).isEqualTo(expected);
      assignments += expected ? 1 : 0;
    }
    assertThat(assignments).as("generated assignments").isGreaterThan(200);
  }

  private static boolean assignedByDefinition(String text, int start, int end) {
    int equals = text.lastIndexOf('=', end - 1);
    if (equals <= start || equals + 1 < end && (text.charAt(equals + 1) == '=' || text.charAt(equals + 1) == '>')
        || "=!<>".indexOf(text.charAt(equals - 1)) >= 0) {
      return false;
    }
    String right = text.substring(equals + 1, end);
    return right.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_$.[]'\" \t;\r\n".indexOf(c) >= 0)
        && right.chars().anyMatch(Character::isLetter);
  }
}
