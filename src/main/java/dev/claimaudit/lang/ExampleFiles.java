package dev.claimaudit.lang;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises example code by its folder ({@code examples/}, {@code samples/}, {@code snippets/},
 * {@code cookbook/}, {@code demos/}): code written for a reader to copy and adapt, not part of
 * what the project ships.
 */
public final class ExampleFiles {
  private static final Pattern DIRECTORY = Pattern.compile("(^|/)(examples?|samples?|snippets|cookbook|demos?)/");

  private ExampleFiles() {}

  public static boolean isExample(String path) {
    return DIRECTORY.matcher(path.replace('\\', '/').toLowerCase(Locale.ROOT)).find();
  }
}
