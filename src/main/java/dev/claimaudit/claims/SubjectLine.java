package dev.claimaudit.claims;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commit subject or pull request title, read as the claim it always is: "feat(api): add a
 * rate limiter", "fix more tests", "mac: prevent generate on cross-compiles". The prefixes that
 * file the change under a type, an area or a ticket are set apart from what it says it did.
 *
 * @param type the conventional-commit type ({@code feat}, {@code fix}, {@code test} …), lower-case, or ""
 * @param area the conventional scope or area prefix ({@code api}, {@code mac}), or ""
 * @param text what is left: the verb and its subject
 */
record SubjectLine(String type, String area, String text) {
  private static final Pattern CONVENTIONAL = Pattern.compile(
      "^(?i)(feat|feature|fix|bugfix|hotfix|perf|refactor|chore|docs?|tests?|build|ci|style|revert|deps|release|security|impl)"
          + "(?:\\(([^)]{0,60})\\))?!?\\s*:\\s*");
  private static final Pattern TAG = Pattern.compile("^\\[([^\\]]{1,40})\\]\\s*:?\\s*");
  private static final Pattern TICKET = Pattern.compile("^(?:[A-Z][A-Z0-9]{1,9}-\\d+|#\\d+)\\s*[:\\-]?\\s+");
  private static final Pattern AREA = Pattern.compile("^([\\w./@-]{1,40}(?:,\\s*[\\w./@-]{1,40}){0,3})\\s*:\\s+(?=\\S)");
  private static final Pattern EMOJI_LEAD = Pattern.compile("^(?:[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}\\x{FE0F}\\x{200D}]|:[a-z_]+:)+\\s*");
  private static final Pattern TRAILING_REFERENCE = Pattern.compile("\\s*\\((?:#\\d+(?:,\\s*#\\d+)*|[\\w.-]+/[\\w.-]+#\\d+)\\)\\s*$");

  /** Subjects that ask for a build, not a change: "retrigger CI", "Empty commit to rerun checks". */
  private static final Pattern NO_CHANGE = Pattern.compile(
      "(?i)^(?:empty commit\\b|re-?trigger(?:s|ed|ing)?\\b|re-?run\\b.*\\b(?:ci|build|checks|pipeline|workflows?|jobs?|tests)\\b"
          + "|(?:trigger|kick|nudge|poke|start)(?:s|ed|ing)?\\s+(?:the\\s+|a\\s+)?(?:ci|build|checks|pipeline|workflows?|jobs?)\\b"
          + "|retry\\s+(?:the\\s+)?(?:ci|build|checks)\\b)");
  /** Boilerplate of merges and bots: the subject of a merge says where from, not what. */
  private static final Pattern BOILERPLATE = Pattern.compile(
      "(?i)^(?:merge (?:branch|pull request|remote-tracking branch|tag|commit|changes)\\b|merged? [\\w./-]+ into [\\w./-]+$"
          + "|auto-?merge\\b|update branch$|sync(?:hronize)? with (?:main|master|upstream)\\b|apply suggestions? from code review$)");

  /** Words that make a subject about tests: "fix failing ITs", "test fixes", "improve coverage of the parser". */
  private static final Pattern TEST_NOUN = Pattern.compile(
      "(?i)\\b(?:tests\\b|test(?=\\s+(?:for|that|of|case|cases|suite|suites|fix|fixes|failures?|coverage)\\b|\\s*[.,;:)!]|\\s*$)"
          + "|specs?\\b|(?-i:ITs?)\\b|e2e\\b|coverage\\b)");
  private static final Pattern TEST_VERB = Pattern.compile(
      "(?i)\\b(?:fix(?:es|ed|ing)?|pass(?:es|ed|ing)?|repair(?:s|ed)?|stabili[sz](?:e[sd]?|ing)|green|deflake[sd]?|unbreak|mend|make|get|"
          + "improve[sd]?|enhance[sd]?|add(?:s|ed)?|update[sd]?|cover(?:s|ed)?|re-?enable[sd]?|flaky|failing|broken|flesh(?:es|ed)? out)\\b");
  /** CI is named by more words, but only a repair of it is a claim about it: "fix the build", "make CI green". */
  private static final Pattern CI_NOUN = Pattern.compile("(?i)\\b(?:ci|build|pipeline|checks|workflows?)\\b");
  private static final Pattern CI_REPAIR = Pattern.compile(
      "(?i)\\b(?:fix(?:es|ed|ing)?|green|pass(?:es|ed|ing)?|repair(?:s|ed)?|unbreak|mend|broken|failing)\\b");

  static SubjectLine of(String line) {
    String text = line.strip();
    String type = "";
    String area = "";
    for (int round = 0; round < 4; round++) {
      Matcher emoji = EMOJI_LEAD.matcher(text);
      if (emoji.lookingAt() && emoji.end() > 0) {
        text = text.substring(emoji.end());
        continue;
      }
      Matcher conventional = CONVENTIONAL.matcher(text);
      if (conventional.lookingAt()) {
        type = type.isEmpty() ? conventional.group(1).toLowerCase(Locale.ROOT) : type;
        area = area.isEmpty() && conventional.group(2) != null ? conventional.group(2).strip() : area;
        text = text.substring(conventional.end());
        continue;
      }
      Matcher tag = TAG.matcher(text);
      if (tag.lookingAt()) {
        area = area.isEmpty() ? tag.group(1).strip() : area;
        text = text.substring(tag.end());
        continue;
      }
      Matcher ticket = TICKET.matcher(text);
      if (ticket.lookingAt()) {
        text = text.substring(ticket.end());
        continue;
      }
      Matcher areaPrefix = AREA.matcher(text);
      if (areaPrefix.lookingAt() && !areaPrefix.group(1).contains(" ")) {
        area = area.isEmpty() ? areaPrefix.group(1) : area;
        text = text.substring(areaPrefix.end());
        continue;
      }
      break;
    }
    text = TRAILING_REFERENCE.matcher(text).replaceFirst("").strip();
    return new SubjectLine(type, area, text);
  }

  /** Whether the line claims no change at all: a merge's boilerplate, a request to run CI again. */
  boolean claimsNothing() {
    return text.isEmpty() || BOILERPLATE.matcher(text).find() || NO_CHANGE.matcher(text).find();
  }

  /** Whether the line is about tests or CI: "fix: failing tests", "test fixes", "fix(ci): lint", "test: cover the parser". */
  boolean aboutTests() {
    if (type.equals("test") || type.equals("tests")) {
      return true;
    }
    if (type.equals("ci") || area.equalsIgnoreCase("ci") || area.equalsIgnoreCase("tests") || area.equalsIgnoreCase("test")) {
      return true;
    }
    if (TEST_NOUN.matcher(text).find() && (TEST_VERB.matcher(text).find() || type.equals("fix"))) {
      return true;
    }
    return CI_NOUN.matcher(text).find() && (CI_REPAIR.matcher(text).find() || type.equals("fix"));
  }

  /** The scope the line names; when its text names nothing specific, the area it is filed under. */
  Scope scope() {
    Scope scope = Scope.of(text);
    if (area.isEmpty()) {
      return scope;
    }
    // An area is a name, not a path: "markdown/parser" files the change under markdown and parser.
    Scope filed = Scope.of(area.replace('/', ' '));
    if (scope.everything()) {
      return filed;
    }
    // "feat(parser): add the thematic break parser" is about thematic breaks: the words it shares
    // with the area it is filed under name the area, not the subject.
    Set<String> words = new LinkedHashSet<>(scope.words());
    words.removeAll(filed.words());
    if (words.isEmpty() && scope.identifiers().isEmpty() && scope.paths().isEmpty()) {
      return scope;
    }
    return new Scope(words, scope.identifiers(), scope.paths());
  }
}
