package dev.claimaudit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** A text is let go without running an expression only when it lacks a string every match is made of. */
class RequiredTextTest {

  @Test
  void aTextWithoutTheLiteralsOfEveryMatchIsLetGo() {
    RequiredText failing = RequiredText.of(Pattern.compile("\\bassert(?:(?:True|That)\\s*\\(\\s*false\\s*\\)|False\\s*\\(\\s*true\\s*\\))"));

    assertThat(failing.mayFind("assertTrue(false);")).isTrue();
    assertThat(failing.mayFind("assertFalse(true);")).isTrue();
    assertThat(failing.mayFind("assertEquals(1, size);")).isFalse();
    assertThat(failing.mayFind("assertTrue(done);")).isFalse();
  }

  @Test
  void caseInsensitivePartsAreComparedWithAsciiLettersFolded() {
    RequiredText todo = RequiredText.of(Pattern.compile("//\\s*(?i:todo|fixme)\\b"));

    assertThat(todo.mayFind("x(); // ToDo: later")).isTrue();
    assertThat(todo.mayFind("x(); // FIXME")).isTrue();
    assertThat(todo.mayFind("x(); // later")).isFalse();
    assertThat(todo.mayFind("x(); /* todo */")).isFalse();
    assertThat(RequiredText.of(Pattern.compile("todo", Pattern.CASE_INSENSITIVE)).mayFind("TODO")).isTrue();
  }

  @Test
  void optionalPartsClassesNegativeLookaroundsAndUnknownConstructsRequireNothing() {
    assertThat(RequiredText.of(Pattern.compile("(?:abc)?\\w+")).requiresAnything()).isFalse();
    assertThat(RequiredText.of(Pattern.compile("[abc]{2,}|x*")).requiresAnything()).isFalse();
    assertThat(RequiredText.of(Pattern.compile("(?!abc)\\d")).requiresAnything()).isFalse();
    assertThat(RequiredText.of(Pattern.compile("abc\\x41")).requiresAnything()).isFalse();
    assertThat(RequiredText.of(Pattern.compile("(?x) abc # comment")).requiresAnything()).isFalse();
    assertThat(RequiredText.of(Pattern.compile("k", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).mayFind("\u212a")).isTrue();
  }

  /**
   * On generated expressions (groups, alternatives, classes, quantifiers, lookarounds, flags,
   * escapes) and generated texts: whenever the expression finds a match, the text may hold one.
   */
  @Test
  void noTextInWhichTheExpressionFindsAMatchIsLetGo() {
    Random random = new Random(23);
    int patterns = 0;
    int found = 0;
    int letGo = 0;
    for (int n = 0; n < 4_000; n++) {
      Pattern pattern;
      try {
        pattern = Pattern.compile(expression(random, 3), random.nextInt(8) == 0 ? Pattern.CASE_INSENSITIVE : 0);
      } catch (PatternSyntaxException e) {
        continue;
      }
      patterns++;
      RequiredText required = RequiredText.of(pattern);
      for (int t = 0; t < 150; t++) {
        String text = text(random);
        boolean finds = pattern.matcher(text).find();
        boolean may = required.mayFind(text);
        assertThat(may || !finds).as("/%s/ (requires %s) finds a match in [%s]", pattern, required, text).isTrue();
        assertThat(required.over(text).mayFind(0, text.length())).as("/%s/ line by line on [%s]", pattern, text).isEqualTo(may);
        String around = text(random) + text + text(random);
        int start = around.indexOf(text);
        boolean findsInRegion = pattern.matcher(around).region(start, start + text.length()).find();
        assertThat(required.over(around).mayFind(start, start + text.length()) || !findsInRegion)
            .as("/%s/ (requires %s) finds a match in [%s] of [%s]", pattern, required, text, around).isTrue();
        found += finds ? 1 : 0;
        letGo += may ? 0 : 1;
      }
    }
    assertThat(patterns).isGreaterThan(3_000);
    assertThat(found).as("texts in which a match is found").isGreaterThan(50_000);
    assertThat(letGo).as("texts let go").isGreaterThan(50_000);
  }

  /**
   * One text asked about part after part (line after line, now and then going back) answers as
   * the text asked about each part afresh, and never says no where the expression finds a match.
   */
  @Test
  void askingPartAfterPartAnswersAsAskingEachPartAfresh() {
    Random random = new Random(29);
    int asked = 0;
    int letGo = 0;
    for (int n = 0; n < 2_000; n++) {
      Pattern pattern;
      try {
        pattern = Pattern.compile(expression(random, 2));
      } catch (PatternSyntaxException e) {
        continue;
      }
      RequiredText required = RequiredText.of(pattern);
      StringBuilder text = new StringBuilder();
      for (int line = random.nextInt(12); line >= 0; line--) {
        text.append(text(random)).append('\n');
      }
      RequiredText.Lines lines = required.over(text.toString());
      int start = 0;
      for (int question = 0; question < 30; question++) {
        start = random.nextInt(6) == 0 ? random.nextInt(text.length() + 1) : Math.min(text.length(), start + random.nextInt(6));
        int end = Math.min(text.length(), start + random.nextInt(12));
        boolean may = lines.mayFind(start, end);

        assertThat(may).as("/%s/ over [%s] from %d to %d", pattern, text, start, end).isEqualTo(required.over(text.toString()).mayFind(start, end));
        assertThat(may || !pattern.matcher(text).region(start, end).find()).isTrue();
        asked++;
        letGo += may ? 0 : 1;
      }
    }
    assertThat(asked).isGreaterThan(40_000);
    assertThat(letGo).as("parts let go").isGreaterThan(5_000);
  }

  private static final String[] LITERALS = {"a", "b", "A", "B", "ab", "ba", "\\(", "\\.", "-", "\\t", "\\Qa.\\E", "\u00e9", "\ud83d\ude00", "]",
      "}", " "};
  private static final String[] SINGLES = {"[ab]", "[^a]", "[]a]", "[a[b]]", "[\\]b]", "[a-c&&[^b]]", "\\w", "\\s", "\\d", ".", "\\b", "^", "$",
      "\\B", "\\p{Lu}", "\\pL"};
  private static final String[] QUANTIFIERS = {"?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}", "??", "*?", "++", "{1}"};
  private static final String[] OPENINGS = {"(", "(?:", "(?i:", "(?-i:", "(?=", "(?!", "(?<=", "(?<!", "(?<g>", "(?>", "(?iu:"};

  private static String expression(Random random, int depth) {
    StringBuilder expression = new StringBuilder();
    for (int alternative = random.nextInt(5) == 0 ? 1 : 0; alternative >= 0; alternative--) {
      if (expression.length() > 0) {
        expression.append('|');
      }
      for (int part = random.nextInt(4); part >= 0; part--) {
        int kind = random.nextInt(10);
        if (kind < 4) {
          expression.append(LITERALS[random.nextInt(LITERALS.length)]);
        } else if (kind < 6) {
          expression.append(SINGLES[random.nextInt(SINGLES.length)]);
        } else if (kind < 8 && depth > 0) {
          expression.append(OPENINGS[random.nextInt(OPENINGS.length)]).append(expression(random, depth - 1)).append(')');
        } else if (kind == 8) {
          expression.append(random.nextBoolean() ? "(?i)" : "(?-i)");
        } else {
          expression.append(random.nextBoolean() ? "\\1" : "a");
        }
        if (random.nextInt(3) == 0) {
          expression.append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
        }
      }
    }
    return expression.toString();
  }

  private static final String[] TEXT_PARTS = {"a", "b", "A", "B", "(", ".", "-", "\t", " ", "a.", "\u00e9", "\u00c9", "\ud83d\ude00", "]", "}",
      "ab", "AB", "1"};

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int part = random.nextInt(8); part > 0; part--) {
      text.append(TEXT_PARTS[random.nextInt(TEXT_PARTS.length)]);
    }
    return text.toString();
  }
}
