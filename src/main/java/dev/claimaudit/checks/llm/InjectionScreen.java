package dev.claimaudit.checks.llm;

import dev.claimaudit.text.Texts;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private static final String WORDS = "(?:\\W{1,3}+[\\w'-]++){0,4}?\\W{1,3}+";
  /** The longest stretch of folded text one phrase may span. */
  private static final int REACH = 400;

  private static final List<Phrase> PHRASES = List.of(
      // Overriding the prompt.
      Phrase.words("ignore|disregard|forget|override|overrule|bypass", "(?: [\\w'-]++){0,3}? (?:previous|prior|above|earlier|preceding"
          + "|foregoing|former|original|initial|system|your)(?: [\\w'-]++){0,2}? (?:instructions?|prompts?|directions|directives|guidelines"
          + "|guidance|rules|context)\\b"),
      Phrase.words("ignore|disregard|forget|override|overrule|bypass", " (?:all|any|every)(?: of)?(?: the| your| these| those)?"
          + " (?:instructions?|prompts?|directives|guidelines|guidance)\\b"),
      Phrase.words("ignore|disregard|forget", " (?:about )?(?:everything|all|anything|all of that|whatever)(?: (?:that|which|you (?:were|have"
          + " been|'ve been) (?:told|given)|i (?:said|wrote)|is|was))?(?: (?:written|said|stated|mentioned|given))? (?:above|before|previously"
          + "|earlier|prior|so far|until now|up to (?:here|now|this point))\\b"),
      Phrase.words("ignore|disregard|forget", " (?:what|whatever) (?:you (?:were|have been|'ve been) told|was said|i said|is written)"
          + "(?: (?:above|before|earlier|previously|so far))?\\b"),
      Phrase.words("ignore|disregard|forget", " (?:all |everything )?(?:of )?(?:the )?(?:above|preceding|foregoing)(?: (?:text|message"
          + "|messages|content|prompt|lines))?(?= ?(?:[.,;:!]|$| and\\b| then\\b))"),
      Phrase.words("ignore|disregard|dismiss|overlook", " (?:all |any |the |these |those |every )*(?:previous |prior |above |earlier )?"
          + "(?:claim-audit |audit |blocking )?(?:findings|audit results?|results of the audit)\\b"),
      // A role's name and an order, as a chat transcript or a comment addressed to the model spells it.
      Phrase.words("assistant|system|developer|ai|model|llm|chatgpt|claude|gpt|copilot|gemini", " ?: ?(?:please )?(?:ignore"
          + "|disregard|forget|approve|reply|respond|answer|report|return|output|mark|say|state|confirm|accept|merge|pass|do not|don't"
          + "|never|you (?:must|should|will|are now))\\b"),
      // Dictating the answer.
      Phrase.words("reply|respond|answer|say|state|report|output|return|confirm|conclude|declare|tell", WORDS
          + "(?:claims?|changes?|statements?|commits?)\\b" + WORDS + "(?:verified|backed|valid|correct|true|accurate|confirmed|satisfied"
          + "|supported|legit|fine)\\b"),
      Phrase.literal("\"gaps\"", " ?: ?\\[ ?\\]"),
      Phrase.words("report|return|output|find|list|flag|raise|answer", "(?: with)? (?:no|zero|0) (?:gaps|issues|findings|problems)\\b"),
      Phrase.words("do|must", " not (?:report|flag|mention|list|raise|output|return)\\b (?:any )?(?:gaps|findings)\\b"),
      Phrase.words("don", "'t (?:report|flag|mention|list|raise|output|return)\\b (?:any )?(?:gaps|findings)\\b"),
      Phrase.words("never", " (?:report|flag|mention|list|raise|output|return)\\b (?:any )?(?:gaps|findings)\\b"),
      // Dictating the verdict.
      Phrase.words("remove|lift|clear|dismiss|drop|override|waive|cancel", " (?:the |this |that |any |all |every )?(?:claim-audit |audit "
          + "|merge )?(?:block|blocks|blocking findings?|blocking verdict|block verdict|verdict)\\b(?! (?:of|comment|comments|element"
          + "|elements|quote|quotes|size|device|list|cache|header|height|editor|scope|statement)\\b)"),
      Phrase.words("unblock", " (?:this|the|my) (?:pr|pull request|merge|change|branch)\\b"),
      Phrase.words("mark|set|treat|consider|report|flag|label|record", " (?:this|the|my) (?:pr|pull request|change|changes|commit|commits"
          + "|diff|audit|verdict|review|branch)(?: as| to)? (?:a )?(?:pass|passed|passing|approved|verified|clean|green|safe|ok|okay"
          + "|success|successful)\\b"),
      Phrase.words("approve|pass|accept|merge", " (?:this|the) (?:pr|pull request|change|changes|audit)\\b(?: [\\w'-]++){0,3}?"
          + " (?:regardless|anyway|without (?:checking|review|reviewing|looking))\\b"),
      Phrase.words("verdict", " (?:should|must|has to|needs to|will) be (?:pass|passed|green|approved|clean)\\b"),
      Phrase.words("set|change|turn", " the verdict to (?:pass|green|approved|clean)\\b"),
      // Addressing the model.
      Phrase.words("note|notes|message|messages|instruction|instructions|attention|hint|hints|reminder|reminders|directive|directives"
          + "|request|requests", " (?:to|for) (?:the |any |all |every )?(?:ai reviewers?|ai assistants?|ai agents?|ai|a\\.i\\.|llms?"
          + "|large language models?|language models?|automated reviewers?|review bots?|reviewer bots?|gpts?|chatgpt|claude|copilot"
          + "|gemini)(?![\\w-])"),
      Phrase.words("if", " you are (?:an?|the) (?:ai|llm|large language model|language model|assistant|bot|automated reviewer|ai reviewer"
          + "|ai agent|model)\\b"),
      Phrase.words("dear|hey|hello|hi|attention", ",? (?:ai assistant|ai|llm|reviewer bot|gpt|chatgpt|claude|copilot|gemini)(?![\\w-])"),
      // Speaking as the prompt.
      Phrase.literal("<|", "(?:im_start|im_end|im_sep|system|assistant|user|start|end|message|channel|return|endoftext|eot_id"
          + "|start_header_id|end_header_id)\\|>"),
      Phrase.literal("[inst]", ""),
      Phrase.literal("[/inst]", ""),
      Phrase.literal("<<sys>>", ""),
      Phrase.literal("<</sys>>", ""),
      Phrase.words("new|revised|real|actual|hidden|secret", " system (?:instructions?|prompt)\\b"),
      Phrase.words("system", " (?:prompt )?(?:override|update)\\b"),
      Phrase.words("you", " are now (?:a|an|the|my|acting)\\b"),
      Phrase.words("from", " now on,? you (?:are|will|must|should)\\b"),
      Phrase.words("enter|enable|activate", " (?:developer|god|dan|jailbreak) mode\\b"),
      // German, French and Spanish, as folded: lower case, accents dropped.
      Phrase.words("ignoriere|ignorier|ignorieren|vergiss|vergessen|missachte|missachten|uberschreibe", "(?: sie)?(?: [\\w'-]++){0,4}?"
          + " (?:anweisungen|anweisung|instruktionen|befehle|regeln|vorgaben|richtlinien|hinweise|anordnungen)\\b"),
      Phrase.words("vergiss|vergessen", "(?: sie)? (?:alles|all das)\\b"),
      Phrase.words("antworte|antworten|melde|melden|bestatige|bestatigen|sage|sag|schreibe|schreib|gib", WORDS + "(?:behauptungen|anspruche"
          + "|aussagen|anderungen|angaben)\\b" + WORDS + "(?:verifiziert|bestatigt|korrekt|belegt|erfullt|wahr|gultig|richtig)\\b"),
      Phrase.words("markiere|markieren|setze|setzen|behandle|behandeln|betrachte|betrachten|werte|werten", "(?: sie)?(?: [\\w'-]++){0,4}?"
          + " als (?:bestanden|genehmigt|verifiziert|sauber|grun|in ordnung|ok|erfolgreich)\\b"),
      Phrase.words("melde|melden|berichte|berichten|gib", "(?: sie)?(?: [\\w'-]++){0,3}? keine (?:lucken|befunde|probleme|fehler|mangel)\\b"),
      Phrase.words("du", " bist (?:jetzt|nun|ab sofort|ab jetzt) (?:ein|eine|der|die|das|mein|meine)\\b"),
      Phrase.words("neue|geheime|echte|versteckte", " (?:systemanweisung|systemanweisungen|systemprompt|system-prompt|systemnachricht)\\b"),
      Phrase.words("ignore|ignorez|ignorer|oublie|oubliez|oublier", " (?:toutes? |tous )?(?:les|tes|vos|ces)(?: [\\w'-]++){0,2}?"
          + " (?:instructions|consignes|directives|regles)\\b"),
      Phrase.words("reponds|repondez|repondre|dis|dites|confirme|confirmez|declare|declarez", WORDS
          + "(?:affirmations|revendications|modifications|declarations)\\b" + WORDS + "(?:verifiees?|validees?|correctes?|confirmees?|vraies?)\\b"),
      Phrase.words("ignora|ignoren|ignore|olvida|olvide|olviden|omite|omita", " (?:todas? |todos )?(?:las|los|tus|sus|estas|estos)"
          + "(?: [\\w'-]++){0,2}? (?:instrucciones|indicaciones|reglas|directrices|ordenes)\\b"),
      Phrase.words("responde|responda|di|diga|confirma|confirme|declara", WORDS + "(?:afirmaciones|cambios|declaraciones)\\b" + WORDS
          + "(?:verificad[oa]s?|validad[oa]s?|correct[oa]s?|confirmad[oa]s?|ciert[oa]s?)\\b"),
      // Chinese and Japanese, which have no spaces between words: tried where their first characters are.
      Phrase.literal("忽略", ".{0,16}?(?:指令|指示|说明|提示|规则|要求|设定|内容)"),
      Phrase.literal("无视", ".{0,16}?(?:指令|指示|说明|提示|规则|要求|设定|内容)"),
      Phrase.literal("不要理会", ".{0,16}?(?:指令|指示|说明|提示|规则|要求|内容)"),
      Phrase.literal("忘记", ".{0,8}?(?:指令|指示|提示|规则|一切|所有|全部|以上|之前)"),
      Phrase.literal("忘掉", ".{0,8}?(?:指令|指示|提示|规则|一切|所有|全部|以上|之前)"),
      Phrase.literal("回复", ".{0,24}?(?:已验证|已经验证|已确认|已经确认|全部通过|都通过|没有问题|无问题|都正确|均已验证)"),
      Phrase.literal("回答", ".{0,24}?(?:已验证|已经验证|已确认|已经确认|全部通过|都通过|没有问题|无问题|都正确|均已验证)"),
      Phrase.literal("输出", ".{0,24}?(?:已验证|已确认|全部通过|没有问题|无问题|空列表)"),
      Phrase.literal("不要报告", ""),
      Phrase.literal("标记为", "(?:通过|已通过|已验证|批准|已批准)"),
      Phrase.literal("你现在是", ""),
      Phrase.literal("新的系统提示", ""),
      Phrase.literal("指示を無視", ""),
      Phrase.literal("命令を無視", ""),
      Phrase.literal("以前の指示", ""));

  /** Indexes into {@link #PHRASES} by the word the phrase starts with; the text is walked word by word and only these are tried. */
  private static final Map<String, int[]> BY_HEAD = byHead();

  /**
   * One kind of instruction: a pattern tried only where the text has one of its first words (or
   * its literal start), so that a long text costs one pass over its words.
   *
   * @param heads the words it may start with, or empty for a literal start
   * @param literal the text it starts with, or {@code null} when it starts with a word
   */
  private record Phrase(List<String> heads, String literal, Pattern pattern) {
    static Phrase words(String heads, String rest) {
      return new Phrase(List.of(heads.split("\\|")), null, Pattern.compile("(?:" + heads + ")\\b" + rest));
    }

    static Phrase literal(String literal, String rest) {
      return new Phrase(List.of(), literal, Pattern.compile(Pattern.quote(literal) + rest));
    }
  }

  private static Map<String, int[]> byHead() {
    Map<String, int[]> byHead = new HashMap<>();
    for (int i = 0; i < PHRASES.size(); i++) {
      for (String head : PHRASES.get(i).heads()) {
        int[] known = byHead.getOrDefault(head, new int[0]);
        int[] grown = Arrays.copyOf(known, known.length + 1);
        grown[known.length] = i;
        byHead.put(head, grown);
      }
    }
    return Map.copyOf(byHead);
  }

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
    List<int[]> spans = spans(folded.text());
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

  /** Where phrases match in the folded text: each word that can start one is tried, then each literal start. */
  private static List<int[]> spans(String text) {
    List<int[]> spans = new ArrayList<>();
    Matcher[] matchers = new Matcher[PHRASES.size()];
    int length = text.length();
    for (int at = 0; at < length; ) {
      if (!word(text.charAt(at))) {
        at++;
        continue;
      }
      int start = at;
      while (at < length && word(text.charAt(at))) {
        at++;
      }
      if (at - start > 12) {
        continue;
      }
      int[] phrases = BY_HEAD.get(text.substring(start, at));
      if (phrases != null) {
        for (int phrase : phrases) {
          tryAt(matchers, phrase, text, start, spans);
        }
      }
    }
    for (int phrase = 0; phrase < PHRASES.size(); phrase++) {
      String literal = PHRASES.get(phrase).literal();
      if (literal != null) {
        for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
          tryAt(matchers, phrase, text, at, spans);
        }
      }
    }
    return spans;
  }

  private static void tryAt(Matcher[] matchers, int phrase, String text, int start, List<int[]> spans) {
    if (matchers[phrase] == null) {
      matchers[phrase] = PHRASES.get(phrase).pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }
    Matcher matcher = matchers[phrase];
    matcher.region(start, Math.min(text.length(), start + REACH));
    if (matcher.lookingAt()) {
      spans.add(new int[] {matcher.start(), matcher.end()});
    }
  }

  private static boolean word(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
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
    return Texts.truncate(phrase, 100);
  }

  /** Text folded for matching, with the offset in the raw text of every folded character. */
  private record Folded(String text, int[] origin) {

    static Folded of(String raw) {
      Builder out = new Builder(raw.length());
      Map<Integer, String> foldedCodePoints = new HashMap<>();
      for (int i = 0; i < raw.length(); ) {
        int at = i;
        char plain = raw.charAt(i);
        if (plain < 0x80) {
          i++;
          out.add(plain >= 'A' && plain <= 'Z' ? (char) (plain + ('a' - 'A')) : plain, at);
          continue;
        }
        int codePoint = raw.codePointAt(i);
        i += Character.charCount(codePoint);
        if (codePoint >= 0xE0020 && codePoint <= 0xE007E) {
          out.add(Character.toLowerCase((char) (codePoint - 0xE0000)), at);
        } else if (!UntrustedText.invisible(codePoint)) {
          String folded = foldedCodePoints.computeIfAbsent(codePoint, Folded::fold);
          for (int k = 0; k < folded.length(); k++) {
            out.add(folded.charAt(k), at);
          }
        }
      }
      return new Folded(out.text.toString(), out.origin);
    }

    /** Collects folded characters; runs of whitespace become one space. */
    private static final class Builder {
      private final StringBuilder text;
      private int[] origin;
      private boolean space = true;

      Builder(int capacity) {
        text = new StringBuilder(capacity);
        origin = new int[capacity + 16];
      }

      void add(char c, int at) {
        char folded = c;
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
          if (space) {
            return;
          }
          folded = ' ';
          space = true;
        } else {
          space = false;
        }
        if (text.length() == origin.length) {
          origin = Arrays.copyOf(origin, origin.length * 2);
        }
        origin[text.length()] = at;
        text.append(folded);
      }
    }

    /** A character as plain lower-case letters: compatibility forms unfolded (wide, script, ligatures), accents dropped, look-alikes replaced. */
    private static String fold(int codePoint) {
      String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
      StringBuilder folded = new StringBuilder(decomposed.length());
      for (int k = 0; k < decomposed.length(); k++) {
        char c = decomposed.charAt(k);
        if (Character.getType(c) != Character.NON_SPACING_MARK) {
          folded.append(lookAlike(Character.toLowerCase(c)));
        }
      }
      return folded.toString();
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
