package dev.claimaudit.bench;

import dev.claimaudit.lang.Language;
import dev.claimaudit.git.AddedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated corpus of source files of one language: lines drawn from templates of ordinary
 * code, about one in twenty with a word a rule's keyword matches ({@code throw}, {@code assert},
 * {@code skip}) in a line that is no placeholder, and about one in four hundred a real placeholder.
 * Every line counts as added; half of the files are test files.
 */
final class Corpus {
  static final int FILES = 100;
  static final int LINES_PER_FILE = 200;
  static final int LINES = FILES * LINES_PER_FILE;

  /** A file of the corpus: its path, its text and its lines as added lines. */
  record File(String path, String text, List<AddedLine> lines) {}

  /** Ordinary lines, near misses (a keyword, no placeholder) and placeholders, per language; {@code %s} is an identifier. */
  private record Templates(List<String> ordinary, List<String> nearMiss, List<String> placeholder) {}

  private static final Map<String, Templates> TEMPLATES = Map.of(
      "java", new Templates(
          List.of("    private final Map<String, Integer> %s = new HashMap<>();", "    public int %s(int count) {",
              "        return %s.size() + count;", "    }", "        for (int i = 0; i < %s.length; i++) {",
              "        String name = \"%s\" + value;", "        // Keeps the %s sorted so that lookups stay cheap.",
              "        if (%s == null) {", "            log.debug(\"%s: {}\", value);", "@Override", ""),
          List.of("            throw new IllegalArgumentException(\"bad %s: \" + value);", "        assertEquals(expected, %s);",
              "        // the handler is enabled by %s", "    @Test void %s() {"),
          List.of("        // TODO: handle %s", "        throw new UnsupportedOperationException(\"not implemented\");")),
      "python", new Templates(
          List.of("def %s(self, count):", "    return len(self.%s) + count", "    for item in %s:",
              "        name = \"%s\" + str(value)", "    # Keeps the %s sorted so lookups stay cheap.", "    if %s is None:",
              "        logger.debug(\"%s: %%s\", value)", "import %s", ""),
          List.of("        raise ValueError(\"bad %s\")", "    assert %s == expected", "    def test_%s(self):",
              "        # skip %s when empty"),
          List.of("    # TODO: handle %s", "        raise NotImplementedError")),
      "typescript", new Templates(
          List.of("export function %s(count: number): number {", "  return this.%s.length + count;", "}",
              "  for (const item of %s) {", "  const name = `%s-${value}`;", "  // Keeps the %s sorted so lookups stay cheap.",
              "  if (%s === undefined) {", "import { %s } from './util';", ""),
          List.of("    throw new Error(`bad %s: ${value}`);", "  expect(%s).toBe(expected);", "  it('handles %s', () => {",
              "  // skip %s when empty"),
          List.of("  // TODO: handle %s", "  throw new Error('not implemented');")),
      "go", new Templates(
          List.of("func %s(count int) int {", "\treturn len(%s) + count", "}", "\tfor _, item := range %s {",
              "\tname := fmt.Sprintf(\"%s-%%d\", value)", "\t// Keeps the %s sorted so lookups stay cheap.", "\tif %s == nil {",
              "\t\treturn nil, err", ""),
          List.of("\t\tpanic(fmt.Sprintf(\"bad %s: %%v\", value))", "\tif got != %s {", "func Test%s(t *testing.T) {",
              "\t// skip %s when empty"),
          List.of("\t// TODO: handle %s", "\tpanic(\"not implemented\")")),
      "rust", new Templates(
          List.of("pub fn %s(count: usize) -> usize {", "    self.%s.len() + count", "}", "    for item in %s.iter() {",
              "    let name = format!(\"{}-{}\", %s, value);", "    // Keeps the %s sorted so lookups stay cheap.",
              "    if %s.is_none() {", "use crate::%s;", ""),
          List.of("        panic!(\"bad {}: {}\", %s, value);", "    assert_eq!(%s, expected);", "    #[test] fn %s() {",
              "    // assert %s holds"),
          List.of("    // TODO: handle %s", "    todo!()")));

  private Corpus() {}

  static List<File> generate(Language language, long seed) {
    Templates templates = TEMPLATES.get(language.id());
    if (templates == null) {
      throw new IllegalArgumentException("no templates for " + language.id());
    }
    Random random = new Random(seed);
    List<File> files = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      String dir = f % 2 == 0 ? "src/main/" : "src/test/";
      String path = dir + "m" + f + (f % 2 == 0 ? "" : "_test") + "." + language.extension();
      StringBuilder text = new StringBuilder();
      List<AddedLine> lines = new ArrayList<>();
      for (int n = 1; n <= LINES_PER_FILE; n++) {
        int roll = random.nextInt(400);
        List<String> pool = roll == 0 ? templates.placeholder() : roll < 20 ? templates.nearMiss() : templates.ordinary();
        String line = pool.get(random.nextInt(pool.size())).replace("%s", identifier(random)).replace("%%", "%");
        text.append(line).append('\n');
        lines.add(new AddedLine(n, line));
      }
      files.add(new File(path, text.toString(), List.copyOf(lines)));
    }
    return List.copyOf(files);
  }

  private static String identifier(Random random) {
    String[] parts = {"count", "entry", "index", "buffer", "record", "state", "value", "node", "key", "offset"};
    return parts[random.nextInt(parts.length)] + parts[random.nextInt(parts.length)].substring(0, 1).toUpperCase() + random.nextInt(100);
  }
}
