package dev.claimaudit.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The code a reviewer reads in a file, in one language: the file itself, or the part of it that
 * is code (the script blocks of a Vue component, the recipes of a Makefile, the code cells of a
 * notebook). Its lines map back to lines of the file, so a finding is reported where the file
 * holds it.
 *
 * @param language the language the text is lexed in
 * @param text the code; parts of the file that are not code are blank lines or spaces
 * @param fileLines for each line of {@code text} (index 0 for line 1), its 1-based line in the file,
 *     0 for a line that stands for none; {@code null} when line n of the text is line n of the file
 */
public record Source(Language language, String text, int[] fileLines) {

  /** The file as it is, in {@code language}. */
  public static Source whole(Language language, String text) {
    return new Source(language, text, null);
  }

  /** Whether line n of the text is line n of the file. */
  public boolean sameLines() {
    return fileLines == null;
  }

  /** The file line of 1-based text line {@code line}, or 0 when it stands for none. */
  public int fileLine(int line) {
    if (fileLines == null) {
      return line;
    }
    return line >= 1 && line <= fileLines.length ? fileLines[line - 1] : 0;
  }

  /** The text lines that stand for each file line, for mapping the lines a change adds. */
  public Map<Integer, List<Integer>> textLinesByFileLine() {
    Map<Integer, List<Integer>> map = new HashMap<>();
    if (fileLines == null) {
      return map;
    }
    for (int i = 0; i < fileLines.length; i++) {
      if (fileLines[i] > 0) {
        map.computeIfAbsent(fileLines[i], key -> new ArrayList<>()).add(i + 1);
      }
    }
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Source source && source.language == language && source.text.equals(text)
        && Arrays.equals(source.fileLines, fileLines);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * language.hashCode() + text.hashCode()) + Arrays.hashCode(fileLines);
  }

  @Override
  public String toString() {
    return "Source[" + language.id() + ", " + text.length() + " chars" + (fileLines == null ? "" : ", mapped") + "]";
  }
}
