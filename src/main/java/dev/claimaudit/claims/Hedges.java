package dev.claimaudit.claims;

import dev.claimaudit.text.KeywordIndex;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wording that discloses unfinished work, and wording that negates or postpones a claim. */
final class Hedges {
  /**
   * Marks a whole source as unfinished when its title opens with a marker ("WIP:", "[Draft]").
   * Other hedge words in a title hedge the title's own subject only, as in any sentence.
   */
  private static final Pattern TITLE_HEDGE = Pattern.compile("(?i)^\\s*[\\[(]?(wip|draft|rfc|poc|spike|do not merge|dnm)\\b");

  /** Marks a whole source as unfinished wherever it appears. */
  private static final Pattern SOURCE_HEDGE = Pattern.compile(
      "(?i)(\\bwork[- ]in[- ]progress\\b|\\bnot ready (to|for) (merge|review|release)\\b|\\bdo not (merge|release)\\b"
          + "|\\b(skeleton|scaffold(ing)?|stubs?|prototype)\\s+only\\b|\\bthis is (a|an|only a) (stub|skeleton|draft|wip|prototype|first pass)\\b"
          + "|\\[wip\\]|\\(wip\\))");

  /** Makes the sentence it appears in hedged. */
  private static final Pattern LINE_HEDGE = Pattern.compile(
      "(?i)\\b(wip|stub(s|bed)?|skeleton|scaffold(ed|ing)?|placeholder|partial(ly)?|for now|temporar(y|ily)|"
          + "not yet|mostly|half[- ]done|draft|prototype|experimental|tentative(ly)?|in progress|roughly|basic version|"
          + "first (pass|cut|step|version)|initial (implementation|version|support|work|pass)|groundwork|set(s|ting)? up|most basic|"
          + "bare[- ]bones|not (fully|completely) (fixed|working|implemented|supported|done))\\b");

  /** The sentence speaks of future or outside work, not of what this change did. */
  private static final Pattern FUTURE = Pattern.compile(
      "(?i)(^\\s*(follow[- ]?ups?|todo|next( steps?)?|future( work)?|later|carry[- ]?overs?|out of scope|known (issues|gaps|limitations)|"
          + "not (included|in this (pr|change))|remaining|open questions?|planned)\\b"
          + "|\\b(will|would|should|could|might|may|plan(s|ned)? to|going to|to be|needs? to|has to|have to|want to|"
          + "tracked in|left for|deferred|postponed|carry[- ]?over|follow[- ]?up|in a follow[- ]?up|next phase|once|until|unless|when|if)\\b"
          + ".{0,40}\\b(done|complete[d]?|implement(ed)?|finish(ed)?|ship(ped)?|fix(ed)?|land(ed)?|pass(es|ed)?|support(ed)?|add(ed)?)\\b)");

  /** A negation shortly before a status word: "not yet implemented", "isn't done". */
  private static final Pattern NEGATION = Pattern.compile(
      "(?i)\\b(not|n't|never|no longer|nothing|without|un|neither|nor|yet to|hardly|barely|half)\\W+(\\w+\\W+){0,2}$");

  private Hedges() {}

  /** Words that turn a hedge word into its opposite: "no stubs left", "removes the placeholder". */
  private static final Pattern UNDOING = Pattern.compile(
      "(?i)\\b(no|not|zero|without|remov\\w*|replac\\w*|delet\\w*|drop\\w*|fix\\w*|kill\\w*|finish\\w*|implement\\w*|fill\\w*|instead of|rather than|any"
          + "|formerly|previously|no longer|nothing|none of|once)\\W+(\\w+\\W+){0,2}$");
  /** Right after a hedge word, wording that says there is none of it: "WIP: none", "stub-free", "Stubs: 0". */
  private static final Pattern NONE_AFTER = Pattern.compile("(?i)^(?:s|es)?(?:\\s*[:=]\\s*(?:none|no|0|nothing|n/?a)\\b|-free\\b|\\s+free\\b)");
  /** Anywhere in the sentence: the unfinished state is over ("formerly a skeleton, now complete", "the draft is now final"). */
  private static final Pattern FINISHED_NOW = Pattern.compile(
      "(?i)\\bnow\\s+(?:final|complete[d]?|done|ready|finished|implemented|working|feature[- ]complete)\\b");

  /** Lower-case text that every match of the pattern after it holds, looked for first: most messages hedge nothing. */
  private static final KeywordIndex TITLE_HINTS = KeywordIndex.anyOf("wip", "draft", "rfc", "poc", "spike", "do not", "dnm");
  private static final KeywordIndex SOURCE_HINTS = KeywordIndex.anyOf("progress", "not ready", "do not", "skeleton", "scaffold", "stub",
      "prototype", "draft", "wip", "first pass");
  private static final KeywordIndex LINE_HINTS = KeywordIndex.anyOf("wip", "stub", "skeleton", "scaffold", "placeholder", "partial",
      "for now", "temporar", "not yet", "mostly", "half", "draft", "prototype", "experimental", "tentative", "in progress", "roughly",
      "basic version", "first ", "initial ", "groundwork", "set up", "sets up", "setting up", "most basic", "bare", "not fully",
      "not completely");

  static boolean hedgesSource(String title, String wholeText) {
    return firstUnundone(TITLE_HINTS, TITLE_HEDGE, title) || firstUnundone(SOURCE_HINTS, SOURCE_HEDGE, wholeText);
  }

  static boolean hedgesLine(String text) {
    return firstUnundone(LINE_HINTS, LINE_HEDGE, text);
  }

  private static boolean firstUnundone(KeywordIndex hints, Pattern pattern, String text) {
    return hints.anyIn(text) && firstUnundone(pattern, text);
  }

  private static boolean firstUnundone(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      int from = Math.max(0, matcher.start() - 40);
      if (!UNDOING.matcher(text.substring(from, matcher.start())).find() && !deniedAfter(text, matcher.end())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether what follows a hedge word at {@code end} denies it ("WIP: none", "stub-free", "Stubs: 0"),
   * or the sentence says the unfinished state is over ("formerly a skeleton, now complete").
   */
  static boolean deniedAfter(String text, int end) {
    return NONE_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 20))).find() || FINISHED_NOW.matcher(text).find();
  }

  /** A sentence about future work opens with one of these words or holds one of the status words after the modal. */
  private static final List<String> FUTURE_OPENINGS = List.of("follow", "todo", "next", "future", "later", "carry", "out of scope", "known",
      "not included", "not in this", "remaining", "open question", "planned");
  private static final KeywordIndex FUTURE_STATUS_WORDS = KeywordIndex.anyOf("done", "complete", "implement", "finish", "ship", "fix",
      "land", "pass", "support", "add");

  static boolean speaksOfFuture(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String opening = lower.stripLeading();
    if (!FUTURE_STATUS_WORDS.anyIn(lower) && FUTURE_OPENINGS.stream().noneMatch(opening::startsWith)) {
      return false;
    }
    return FUTURE.matcher(text).find();
  }

  /** Future work said to be left undone: "follow-up", "will be implemented in #13", "not yet", "tracked in". */
  private static final Pattern DEFERS = Pattern.compile(
      "(?i)\\b(follow[- ]?ups?|later|next (?:phase|step|pr|iteration|release)|future|todo|not yet|remaining|deferred|postponed|tracked (?:in|by)"
          + "|left (?:for|out)|carry[- ]?overs?|in a (?:separate|later|future|subsequent|new) (?:pr|pull request|change|commit|patch)"
          + "|will (?:be )?(?:implement|add|support|fix|handl|done|finish|complet|land|ship|cover)\\w*|(?:is|are) (?:still )?(?:missing|pending|unsupported))\\b");

  /** Whether a sentence about the future owns up to work this change leaves undone, rather than saying why the change was needed. */
  static boolean defersWork(String text) {
    return DEFERS.matcher(text).find();
  }

  /** Whether the words right before {@code index} in {@code text} negate what follows. */
  static boolean negatedAt(String text, int index) {
    int from = Math.max(0, index - 40);
    return NEGATION.matcher(text.substring(from, index)).find();
  }
}
