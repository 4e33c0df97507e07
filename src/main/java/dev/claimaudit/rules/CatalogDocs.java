package dev.claimaudit.rules;

import dev.claimaudit.lang.Language;
import dev.claimaudit.rules.Rule.Example;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the catalog as Markdown: the page {@code docs/rules.md} is this output, so the docs
 * cannot say anything the rules do not. Regenerate it with
 * {@code bin/audit rules --format markdown > docs/rules.md}.
 */
public final class CatalogDocs {
  /** The command that writes the page; a test fails when the committed page differs from its output. */
  public static final String REGENERATE = "bin/audit rules --format markdown > docs/rules.md";

  private CatalogDocs() {}

  /** The languages of a rule as one phrase: "all languages" when it covers every one. */
  public static String languages(Rule rule) {
    Set<Language> all = EnumSet.allOf(Language.class);
    if (rule.languages().containsAll(all)) {
      return "all languages";
    }
    return rule.languages().stream().map(Language::id).collect(Collectors.joining(", "));
  }

  /** The files a rule applies to, as a phrase. */
  public static String files(Rule rule) {
    return switch (rule.scope()) {
      case ANY -> "all files";
      case TESTS -> "test files only";
      case SOURCES -> "all but test files";
    };
  }

  /** What a rule's region means, as a phrase. */
  public static String region(Rule rule) {
    return switch (rule.region()) {
      case CODE -> "code";
      case COMMENT -> "comments";
      case STRING -> "string literals";
    };
  }

  /** The suppression comment for {@code rule}, in the comment syntax of its first language. */
  public static String suppression(Rule rule) {
    String comment = switch (rule.primaryLanguage().syntax()) {
      case HASH -> "# ";
      case DASH -> "-- ";
      case C_LIKE -> "// ";
    };
    return comment + "claim-audit: allow(" + rule.id() + ") <reason>";
  }

  /** An example's code without the indentation all its lines share, for display. */
  public static String dedent(String code) {
    List<String> lines = code.lines().toList();
    int common = lines.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    return lines.stream().map(line -> line.isBlank() ? "" : line.substring(common)).collect(Collectors.joining("\n"));
  }

  public static String markdown(Catalog catalog) {
    StringBuilder out = new StringBuilder();
    out.append("# Placeholder rules\n\n");
    out.append("<!-- Generated from the rule catalog by `").append(REGENERATE).append("`.\n");
    out.append("     Edit the rule files under src/main/resources/dev/claimaudit/rules/, then regenerate. -->\n\n");
    out.append("The `static` check runs these ").append(catalog.rules().size()).append(" rules on the lines a change adds.\n")
        .append("Each rule is data: a pattern that must start in the region it names (code, comments or string\n")
        .append("literals, told apart per language), examples that must match and near misses that must not.\n")
        .append("The policy grades a finding by its class and by the strength of the change's claims:\n\n");
    out.append("- **hard-stub**: code that cannot work (`todo!()`, `raise NotImplementedError`).\n");
    out.append("- **test-evasion**: a test that does not run or cannot fail (skips, focus, tautologies, empty bodies).\n");
    out.append("- **soft-marker**: a note left for later (`TODO`, \"not implemented\" in a comment).\n\n");
    out.append("A rule for test files applies to a file named or placed as its framework expects (`x.test.ts`,\n")
        .append("`x.vitest.ts`, `x_test.go`, `test_x.py`, `XTest.java`, `x.bats`, `tests/`, `src/jvmTest/`, a .NET\n")
        .append("`X.Tests/` project) and to any file that declares tests where a runner finds them (Rust's\n")
        .append("`#[cfg(test)]` modules, `describe`/`it`/`test` called at the top level of a script). Code is read\n")
        .append("where a reviewer reads it: a script without an extension in the language of its `#!` line, the\n")
        .append("`<script>` blocks of a Vue or Svelte component, the recipes of a Makefile (as shell) and the code\n")
        .append("cells of a Jupyter notebook, each finding at the line of the file that holds it. A changed file\n")
        .append("that cannot be read (binary, over the size limit, a notebook that is not JSON) is named in the\n")
        .append("check's note.\n\n");
    out.append("List them with `bin/audit rules`, read one with `bin/audit explain RULE`. A finding is suppressed by\n")
        .append("a comment on its line or the line above that names the rule and gives a reason, and it is still\n")
        .append("reported, at severity info:\n\n");
    out.append("```\n// claim-audit: allow(RULE) the reason\n```\n\n");
    out.append("| Rule | Class | Languages | Finds |\n|---|---|---|---|\n");
    for (Rule rule : catalog.rules()) {
      out.append("| [`").append(rule.id()).append("`](#").append(rule.id()).append(") | ").append(rule.ruleClass().id())
          .append(" | ").append(inline(languages(rule))).append(" | ").append(inline(rule.title())).append(" |\n");
    }
    reasons(out, ReasonVocabulary.builtIn());
    for (RuleClass ruleClass : RuleClass.values()) {
      List<Rule> rules = catalog.rules().stream().filter(rule -> rule.ruleClass() == ruleClass).toList();
      if (rules.isEmpty()) {
        continue;
      }
      out.append("\n## ").append(ruleClass.id()).append("\n");
      for (Rule rule : rules) {
        rule(out, rule);
      }
    }
    return out.toString();
  }

  /** How the reason a finding's own code gives is read: the vocabulary, as data. */
  private static void reasons(StringBuilder out, ReasonVocabulary words) {
    out.append("\n## The reason the code gives\n\n")
        .append("Each hard stub and test evasion carries `reason`: what its own code says of it. A skip is read by its\n")
        .append("reason argument or string, the comment on its line or just above it (and above the test it opens),\n")
        .append("and the condition it depends on; a stub by its message, apart from the names of the function and\n")
        .append("class it sits in.\n\n")
        .append("- `none`: no reason, or only words that say nothing (\"TODO\", \"fix\", \"need to finish\").\n")
        .append("- `admitted`: the code owns up to a gap of its own and says what it is (flaky, CI issues, not\n")
        .append("  supported yet for a named case, a tracking issue).\n")
        .append("- `external`: the skip depends on something outside the change (the platform, the environment, a\n")
        .append("  build mode, an optional dependency, a service, credentials, an upstream end of life, a time\n")
        .append("  budget), or follows the file's own convention (most of its existing tests carry the same marker).\n\n")
        .append("The words are data, in `src/main/resources/dev/claimaudit/reasons.json`:\n\n");
    for (String about : words.about()) {
      out.append("- ").append(inline(about)).append("\n");
    }
    out.append("\nWords that say nothing: ").append(code(String.join(" ", words.filler().stream().sorted().toList()))).append("\n\n");
    patterns(out, "Admitted", words.admitted());
    patterns(out, "External", words.external());
    patterns(out, "External conditions", words.conditions());
    patterns(out, "Conditional skip constructs", words.conditional());
    out.append("A comment above a skip counts when it speaks of the skip: ").append(code(words.mentions().pattern())).append("\n\n");
    out.append("Rules whose findings no reason excuses: ").append(code(String.join(" ", words.unexcused().stream().sorted().toList())))
        .append("\n\n");
    out.append("A stub's message owns up to a gap when it says what is missing, matching ").append(code(words.admission().pattern()))
        .append(", and names the case: it matches ").append(code(words.subCase().pattern()))
        .append(" or keeps a word that is neither one of ").append(code(String.join(" ", words.generic().stream().sorted().toList())))
        .append(" nor a name of the code around it. A link or an issue number admits the gap by itself.\n");
  }

  private static void patterns(StringBuilder out, String heading, List<java.util.regex.Pattern> patterns) {
    out.append(heading).append(":\n\n");
    for (java.util.regex.Pattern pattern : patterns) {
      out.append("- ").append(code(pattern.pattern())).append("\n");
    }
    out.append("\n");
  }

  private static void rule(StringBuilder out, Rule rule) {
    out.append("\n### ").append(rule.id()).append("\n\n");
    out.append("**").append(inline(rule.title())).append("**. ").append(inline(rule.rationale())).append("\n\n");
    out.append("- Languages: ").append(languages(rule)).append("\n");
    out.append("- Looks in: ").append(region(rule)).append(", ").append(files(rule)).append("\n");
    out.append("- Pattern: ").append(code(rule.pattern().pattern())).append("\n");
    rule.ifPrevious().ifPresent(pattern -> out.append("- Only when the code line above matches: ").append(code(pattern.pattern())).append("\n"));
    rule.unlessInside().ifPresent(pattern -> out.append("- Not inside (an enclosing line or its annotation) matching: ")
        .append(code(pattern.pattern())).append("\n"));
    Rule.Structure structure = rule.structure();
    structure.ifInside().ifPresent(pattern -> out.append("- Only inside (an enclosing line or its annotation) matching: ")
        .append(code(pattern.pattern())).append("\n"));
    structure.unlessEnclosedBy().ifPresent(pattern -> out.append("- Not when a line enclosing it matches: ")
        .append(code(pattern.pattern())).append("\n"));
    structure.ifAnnotated().ifPresent(pattern -> out.append("- Only under an annotation matching: ").append(code(pattern.pattern())).append("\n"));
    structure.bodyOnly().ifPresent(pattern -> out.append("- Only when every other code line of the body around it matches: ")
        .append(code(pattern.pattern())).append("\n"));
    structure.bodyComment().ifPresent(pattern -> out.append("- Only when a comment in the body around it matches: ")
        .append(code(pattern.pattern())).append("\n"));
    structure.unlessBlock().ifPresent(pattern -> out.append("- Not when the code of the block it opens matches: ")
        .append(code(pattern.pattern())).append("\n"));
    structure.blockComment().ifPresent(pattern -> out.append("- Only when a comment in the block it opens matches: ")
        .append(code(pattern.pattern())).append("\n"));
    structure.unlessFile().ifPresent(pattern -> out.append("- Not in a file whose code matches: ").append(code(pattern.pattern())).append("\n"));
    out.append("- Suppress: ").append(code(suppression(rule))).append("\n");
    examples(out, "Finds", rule.match());
    examples(out, "Leaves alone", rule.noMatch());
  }

  private static void examples(StringBuilder out, String heading, List<Example> examples) {
    if (examples.isEmpty()) {
      return;
    }
    out.append("\n").append(heading).append(":\n");
    for (Example example : examples) {
      String code = dedent(example.code());
      String fence = "`".repeat(Math.max(3, longestRun(code, '`') + 1));
      out.append("\n").append(fence).append(example.language().id()).append("\n").append(code).append("\n").append(fence).append("\n");
    }
  }

  /** Inline code that holds any text: the fence is longer than the longest run of backticks in it. */
  private static String code(String text) {
    String fence = "`".repeat(longestRun(text, '`') + 1);
    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return fence + pad + text + pad + fence;
  }

  private static int longestRun(String text, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  /** Prose with Markdown's inline markup characters escaped. */
  private static String inline(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("\\`*_[]<>|#".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
