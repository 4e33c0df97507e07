package dev.claimaudit.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.claims.Claim;
import dev.claimaudit.claims.ClaimExtractor;
import dev.claimaudit.claims.ClaimSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The claim extractor on any commit message or PR body: it ends, in linear time, with well-formed claims. */
class ClaimExtractorPropertiesTest {
  private final ClaimExtractor extractor = new ClaimExtractor();

  /** Markdown and claim vocabulary, shuffled: the inputs most likely to reach every branch of the extractor. */
  @Provide
  Arbitrary<String> messages() {
    Arbitrary<String> words = Arbitraries.of(
        "Implemented", "done", "complete", "shipped", "fixes #12", "WIP", "stub", "draft", "all tests pass", "12 tests pass", "0 fail",
        "adds 3 tests in", "`src/a_test.py`", "src/main.rs", "../../etc/passwd", "/etc/shadow", "https://x.invalid/y", "no TODOs left",
        "- ", "* ", "1. ", "- [x] ", "- [ ] ", "> ", "# ", "## ", "```", "~~~", "<!--", "-->", "|", "---|---", "**", "~~", "`", ":",
        "Signed-off-by: A <a@b>", "\n", "\n\n", "\r\n", "\r", "\t", "  ", "adds `parse()` to `src/p.py`", "Files:", "carry-over",
        "\u001b[31m", "\u0000", "\u202e", "🚀", "ünï", "follow-up", "N/A", "tests: 5 passed, 1 failed", "(", ")", "[", "]");
    Arbitrary<String> structured = words.list().ofMaxSize(60).map(list -> String.join(" ", list));
    Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(400);
    return Arbitraries.oneOf(structured, structured, noise);
  }

  @Property
  void anyMessageGivesWellFormedClaimsWithinTheBound(@ForAll("messages") String message, @ForAll boolean draft) {
    List<Claim> claims = Bounds.withinBound("claim extraction", message, text -> extractor.extract(List.of(
        ClaimSource.prTitle(text.length() > 80 ? text.substring(0, 80) : text, draft),
        ClaimSource.prBody(text, draft),
        ClaimSource.commit("0123456789abcdef0123456789abcdef01234567", text))));

    Set<String> ids = new HashSet<>();
    int lines = message.split("\r\n|\r|\n", -1).length;
    for (Claim claim : claims) {
      assertThat(ids.add(claim.id())).as("claim ids are unique").isTrue();
      assertThat(claim.text()).isNotNull();
      assertThat(claim.kind()).isNotNull();
      assertThat(claim.strength()).isNotNull();
      assertThat(claim.line()).isBetween(1, Math.max(lines, 1));
    }
  }

  @Property(tries = 8)
  void extractionGrowsLinearlyWithTheMessage(@ForAll("messages") String seed) {
    Bounds.growsLinearly("claim extraction", seed, 8_000, text -> extractor.extract(List.of(ClaimSource.prBody(text, false))));
  }
}
