package dev.claimaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkflowCommandsTest {
  /** A workflow command line as the runners match it: {@code ::name props::message}. */
  private static final Pattern COMMAND = Pattern.compile("^::([^ :]+)( ([^\\r\\n]*?))?::([^\\r\\n]*)$");

  @ParameterizedTest(name = "data {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "plain text             | plain text",
      "100%                   | 100%25",
      "%0A stays literal      | %250A stays literal",
      "a: b, c                | a: b, c",
      "\"line1\nline2\"       | line1%0Aline2",
      "\"cr\rhere\"           | cr%0Dhere",
      "\"crlf\r\n\"           | crlf%0D%0A",
      "\"50% done\r\nnext: 1, 2\" | 50%25 done%0D%0Anext: 1, 2",
  })
  void escapesMessages(String raw, String escaped) {
    assertThat(WorkflowCommands.data(raw)).isEqualTo(escaped);
  }

  @ParameterizedTest(name = "property {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "src/a.ts               | src/a.ts",
      "100%                   | 100%25",
      "C:/x                   | C%3A/x",
      "a,b                    | a%2Cb",
      "\"notes, v2:draft.py\" | notes%2C v2%3Adraft.py",
      "\"x\ny\"               | x%0Ay",
      "\"x\ry\"               | x%0Dy",
      "%3A                    | %253A",
      "\"%,:\r\n\"            | %25%2C%3A%0D%0A",
  })
  void escapesPropertyValues(String raw, String escaped) {
    assertThat(WorkflowCommands.property(raw)).isEqualTo(escaped);
  }

  @Property
  void theRunnerUnescapesEveryPropertyBackToTheOriginal(@ForAll String text) {
    String escaped = WorkflowCommands.property(text);

    assertThat(escaped).doesNotContain(":", ",", "\r", "\n");
    assertThat(unescapeProperty(escaped)).isEqualTo(text);
  }

  @Property
  void theRunnerUnescapesEveryMessageBackToTheOriginal(@ForAll String text) {
    String escaped = WorkflowCommands.data(text);

    assertThat(escaped).doesNotContain("\r", "\n");
    assertThat(unescapeData(escaped)).isEqualTo(text);
  }

  @Test
  void everyAnnotationLineIsACommandWhosePropertiesReadBack() throws Exception {
    for (var verdict : GoldenVerdicts.all().entrySet()) {
      List<String> lines = ReportersGoldenTest.render("annotations", verdict.getValue()).lines().toList();
      assertThat(lines).as(verdict.getKey()).isNotEmpty();
      int depth = 0;
      for (String line : lines) {
        Matcher matcher = COMMAND.matcher(line);
        assertThat(matcher.matches()).as("a command: %s", line).isTrue();
        String name = matcher.group(1);
        assertThat(name).isIn("group", "endgroup", "error", "warning", "notice");
        depth += name.equals("group") ? 1 : name.equals("endgroup") ? -1 : 0;
        assertThat(depth).isBetween(0, 1);
        if (matcher.group(3) != null) {
          Map<String, String> properties = properties(matcher.group(3));
          assertThat(properties.keySet()).isSubsetOf("file", "line", "title");
          if (properties.containsKey("line")) {
            assertThat(properties.get("line")).matches("[1-9][0-9]*");
          }
        }
      }
      assertThat(depth).isZero();
    }
  }

  @Test
  void aFileNameWithACommaAndAColonReadsBackWhole() throws Exception {
    String line = ReportersGoldenTest.render("annotations", GoldenVerdicts.many()).lines()
        .filter(candidate -> candidate.startsWith("::warning file=docs")).findFirst().orElseThrow();
    Matcher matcher = COMMAND.matcher(line);

    assertThat(matcher.matches()).isTrue();
    assertThat(properties(matcher.group(3))).containsEntry("file", "docs/notes, v2:draft.py").containsEntry("line", "4");
    assertThat(unescapeData(matcher.group(4))).contains("50% done").contains("\n# TODO");
  }

  private static Map<String, String> properties(String text) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      properties.put(pair.substring(0, equals), unescapeProperty(pair.substring(equals + 1)));
    }
    return properties;
  }

  /** The runners' order: the escapes of CR, LF, ':' and ',' first, '%' last. */
  private static String unescapeProperty(String text) {
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
  }

  private static String unescapeData(String text) {
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }
}
