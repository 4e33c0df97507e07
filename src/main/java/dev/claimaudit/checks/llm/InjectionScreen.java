package dev.claimaudit.checks.llm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds instructions aimed at a model reviewer in text the change's author wrote: "ignore
 * previous instructions", "reply that all claims are verified", "remove the block", chat
 * template tokens, an empty answer written out for the model to copy. The text is folded first
 * (compatibility forms, look-alike letters, invisible characters, tag characters, whitespace) so
 * that the usual disguises do not hide a phrase, and a hit says how it was hidden from a human
 * reader.
 */
final class InjectionScreen {
  /** The most hits reported for one text. */
  static final int MAX_HITS = 20;

  /** Up to a few words, with the punctuation between them. */
  private static final String WORDS = "(?:\\W{1,3}[\\w'-]+){0,4}?\\W{1,3}";
  private static final List<Pattern> PATTERNS = List.of(
      // Overriding the prompt.
      Pattern.compile("\\b(?:ignore|disregard|forget|override|overrule|bypass)\\b(?: [\\w'-]+){0,3}? (?:previous|prior|above|earlier"
          + "|preceding|foregoing|former|original|initial|system|your)(?: [\\w'-]+){0,2}? (?:instructions?|prompts?|directions|directives"
          + "|guidelines|guidance|rules|context)\\b"),
      Pattern.compile("\\b(?:ignore|disregard|forget|override|overrule|bypass)\\b (?:all|any|every)(?: of)?(?: the| your| these| those)?"
          + " (?:instructions?|prompts?|directives|guidelines|guidance)\\b"),
      // Dictating the answer.
      Pattern.compile("\\b(?:reply|respond|answer|say|state|report|output|return|confirm|conclude|declare|tell \\w+)\\b" + WORDS
          + "(?:claims?|changes?|statements?|commits?)\\b" + WORDS + "(?:verified|backed|valid|correct|true|accurate|confirmed"
          + "|satisfied|supported|legit|fine)\\b"),
      Pattern.compile("\"gaps\" ?: ?\\[ ?\\]"),
      Pattern.compile("\\b(?:report|return|output|find|list|flag|raise|answer with)\\b (?:no|zero|0) (?:gaps|issues|findings|problems)\\b"),
      Pattern.compile("\\b(?:do not|don't|never|must not)\\b (?:report|flag|mention|list|raise|output|return)\\b (?:any )?(?:gaps|findings)\\b"),
      // Dictating the verdict.
      Pattern.compile("\\b(?:remove|lift|clear|dismiss|drop|override|waive|cancel)\\b (?:the |this |that |any |all |every )?(?:claim-audit "
          + "|audit |merge )?(?:block|blocks|blocking findings?|blocking verdict|block verdict|verdict)\\b(?! (?:of|comment|comments|element"
          + "|elements|quote|quotes|size|device|list|cache|header|height|editor|scope|statement)\\b)"),
      Pattern.compile("\\bunblock (?:this|the|my) (?:pr|pull request|merge|change|branch)\\b"),
      Pattern.compile("\\b(?:mark|set|treat|consider|report|flag|label|record)\\b (?:this|the|my) (?:pr|pull request|change|changes|commit"
          + "|commits|diff|audit|verdict|review|branch)(?: as| to)? (?:a )?(?:pass|passed|passing|approved|verified|clean|green|safe|ok|okay"
          + "|success|successful)\\b"),
      Pattern.compile("\\b(?:approve|pass|accept|merge)\\b (?:this|the) (?:pr|pull request|change|changes|audit)\\b(?: [\\w'-]+){0,3}?"
          + " (?:regardless|anyway|without (?:checking|review|reviewing|looking))\\b"),
      Pattern.compile("\\bverdict (?:should|must|has to|needs to|will) be (?:pass|passed|green|approved|clean)\\b"
          + "|\\b(?:set|change|turn) the verdict to (?:pass|green|approved|clean)\\b"),
      // Addressing the model.
      Pattern.compile("\\b(?:note|message|instructions?|attention|hint|reminder|directive|request)s? (?:to|for) (?:the |any |all |every )?"
          + "(?:ai reviewers?|ai assistants?|ai agents?|ai|a\\.i\\.|llms?|large language models?|language models?|automated reviewers?"
          + "|review bots?|reviewer bots?|gpts?|chatgpt|claude|copilot|gemini)(?![\\w-])"),
      Pattern.compile("\\bif you are (?:an?|the) (?:ai|llm|large language model|language model|assistant|bot|automated reviewer"
          + "|ai reviewer|ai agent|model)\\b"),
      Pattern.compile("\\b(?:dear|hey|hello|hi|attention),? (?:ai assistant|ai|llm|reviewer bot|gpt|chatgpt|claude|copilot|gemini)(?![\\w-])"),
      // Speaking as the prompt.
      Pattern.compile("<\\|(?:im_start|im_end|im_sep|system|assistant|user|start|end|message|channel|return|endoftext|eot_id"
          + "|start_header_id|end_header_id)\\|>|\\[/?inst\\]|<</?sys>>"),
      Pattern.compile("\\b(?:new|revised|real|actual|hidden|secret) system (?:instructions?|prompt)\\b|\\bsystem prompt (?:override|update)\\b"
          + "|\\bsystem override\\b"),
      Pattern.compile("\\byou are now (?:a|an|the|my|acting)\\b|\\bfrom now on,? you (?:are|will|must|should)\\b"
          + "|\\b(?:enter|enable|activate) (?:developer|god|dan|jailbreak) mode\\b"));

  /**
   * One instruction found.
   *
   * @param line the 1-based line of the text it starts on
   * @param phrase the words as read after folding
   * @param hidden how it was hidden from a human reader, or {@code null} when it is in plain sight
   */
  record Hit(int line, String phrase, String hidden) {}

  /** The instructions in {@code raw}, in order, at most {@link #MAX_HITS}. */
  List<Hit> scan(String raw) {
    if (raw == null || raw.isEmpty()) {
      return List.of();
    }
    Folded folded = Folded.of(raw);
    List<int[]> spans = new ArrayList<>();
    for (Pattern pattern : PATTERNS) {
      Matcher matcher = pattern.matcher(folded.text());
      while (matcher.find()) {
        spans.add(new int[] {matcher.start(), matcher.end()});
      }
    }
    spans.sort(Comparator.<int[]>comparingInt(span -> span[0]).thenComparingInt(span -> -span[1]));
    List<Hit> hits = new ArrayList<>();
    int[] lineStarts = lineStarts(raw);
    int coveredUntil = -1;
    for (int[] span : spans) {
      if (span[0] < coveredUntil) {
        continue;
      }
      coveredUntil = span[1];
      int rawStart = folded.origin()[span[0]];
      int rawEnd = folded.origin()[span[1] - 1];
      hits.add(new Hit(lineOf(lineStarts, rawStart), clip(folded.text().substring(span[0], span[1])), hidden(raw, rawStart, rawEnd)));
      if (hits.size() == MAX_HITS) {
        break;
      }
    }
    return hits;
  }

  private static String hidden(String raw, int start, int end) {
    int open = raw.lastIndexOf("<!--", start);
    if (open >= 0) {
      int close = raw.indexOf("-->", open + 4);
      if (close < 0 || close >= start) {
        return "inside an HTML comment";
      }
    }
    boolean tags = false;
    boolean invisible = false;
    for (int i = start; i <= end && i < raw.length(); ) {
      int codePoint = raw.codePointAt(i);
      i += Character.charCount(codePoint);
      tags |= codePoint >= 0xE0000 && codePoint <= 0xE007F;
      invisible |= UntrustedText.invisible(codePoint);
    }
    if (tags) {
      return "written in invisible Unicode tag characters";
    }
    return invisible ? "split by invisible characters" : null;
  }

  private static int[] lineStarts(String raw) {
    int count = 1;
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '\n') {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }

  private static int lineOf(int[] lineStarts, int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  private static String clip(String phrase) {
    return phrase.length() <= 100 ? phrase : phrase.substring(0, 99) + "…";
  }

  /** Text folded for matching, with the offset in the raw text of every folded character. */
  private record Folded(String text, int[] origin) {

    static Folded of(String raw) {
      StringBuilder out = new StringBuilder(raw.length());
      int[] origin = new int[raw.length() + 16];
      boolean space = true;
      for (int i = 0; i < raw.length(); ) {
        int at = i;
        int codePoint = raw.codePointAt(i);
        i += Character.charCount(codePoint);
        if (codePoint >= 0xE0020 && codePoint <= 0xE007E) {
          codePoint -= 0xE0000;
        } else if (UntrustedText.invisible(codePoint)) {
          continue;
        }
        String folded = codePoint < 0x80 ? String.valueOf((char) codePoint)
            : Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
        for (int k = 0; k < folded.length(); k++) {
          char c = lookAlike(Character.toLowerCase(folded.charAt(k)));
          if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            if (space) {
              continue;
            }
            c = ' ';
            space = true;
          } else {
            space = false;
          }
          if (out.length() == origin.length) {
            origin = Arrays.copyOf(origin, origin.length * 2);
          }
          origin[out.length()] = at;
          out.append(c);
        }
      }
      return new Folded(out.toString(), origin);
    }

    /** Cyrillic and Greek letters that look like Latin ones, as Latin. */
    private static char lookAlike(char c) {
      return switch (c) {
        case 'а', 'α' -> 'a';
        case 'е' -> 'e';
        case 'о', 'ο' -> 'o';
        case 'р', 'ρ' -> 'p';
        case 'с' -> 'c';
        case 'у' -> 'y';
        case 'х' -> 'x';
        case 'і', 'ι' -> 'i';
        case 'ј' -> 'j';
        case 'ѕ' -> 's';
        case 'ԁ' -> 'd';
        case 'ɡ' -> 'g';
        case 'ν' -> 'v';
        case 'ո' -> 'n';
        default -> c;
      };
    }
  }
}
