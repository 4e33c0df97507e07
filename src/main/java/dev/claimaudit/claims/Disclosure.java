package dev.claimaudit.claims;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kind of placeholder that a message itself owns up to ("the importer is a stub", "skips the
 * flaky test", "TODO: pagination"). A disclosed placeholder does not contradict the message's
 * claims: honest wording is not punished.
 */
public enum Disclosure {
  HARD_STUB(List.of("stub", "todo!", "implemented", "placeholder", "skeleton", "scaffold"), Pattern.compile(
      "(?i)\\b(stub(s|bed|bing)?|todo!|unimplemented|not (yet )?implemented|NotImplemented\\w*|placeholders?|skeleton|scaffold(ed|ing)?)\\b")),
  TEST_EVASION(List.of("skip", "disabl", "ignor", "xfail", "quarantin", "mut", "pending"), Pattern.compile(
      "(?i)\\b(skip(s|ped|ping)?|disabl(e|es|ed|ing)|ignor(e|es|ed|ing)|xfail(s|ed)?|quarantin\\w*|mut(e|es|ed|ing))\\b[^.\\n]{0,40}\\b(tests?|specs?|cases?|(?-i:ITs?))\\b"
          + "|\\b(tests?|specs?|(?-i:ITs?))\\b[^.\\n]{0,30}\\b(skipped|disabled|ignored|xfailed|quarantined|muted|pending)\\b|@Disabled|@Ignore|#\\[ignore\\]|\\bt\\.Skip\\b")),
  SOFT_MARKER(List.of("todo", "fixme", "xxx", "hack"), Pattern.compile("\\b(TODO|FIXME|XXX|HACK)s?\\b|(?i)\\b(todos|fixmes)\\b"));

  private static final Pattern UNDOING = Pattern.compile(
      "(?i)\\b(no|not|zero|without|remov\\w*|replac\\w*|delet\\w*|drop\\w*|resolv\\w*|fix\\w*|kill\\w*|finish\\w*|implement\\w*|fill\\w*|un)\\W+(\\w+\\W+){0,2}$");

  /** Lower-case text that every mention holds, looked for before the pattern. */
  private final List<String> hints;
  private final Pattern mention;

  Disclosure(List<String> hints, Pattern mention) {
    this.hints = hints;
    this.mention = mention;
  }

  /** The kinds of placeholder that {@code text} owns up to; "no stubs left" and "removes the TODOs" own up to nothing. */
  public static Set<Disclosure> in(String text) {
    Set<Disclosure> found = EnumSet.noneOf(Disclosure.class);
    String lower = text.toLowerCase(Locale.ROOT);
    for (Disclosure disclosure : values()) {
      if (disclosure.hints.stream().noneMatch(lower::contains)) {
        continue;
      }
      Matcher matcher = disclosure.mention.matcher(text);
      while (matcher.find()) {
        int from = Math.max(0, matcher.start() - 40);
        if (!UNDOING.matcher(text.substring(from, matcher.start())).find() && !Hedges.deniedAfter(text, matcher.end())) {
          found.add(disclosure);
          break;
        }
      }
    }
    return found;
  }
}
