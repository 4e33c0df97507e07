package dev.claimaudit.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.InlineSuppressions;
import dev.claimaudit.checks.Suppression;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The inline suppression parser on any comment: it ends quickly, and what it accepts is well-formed. */
class SuppressionParserPropertiesTest {

  @Provide
  Arbitrary<String> comments() {
    Arbitrary<String> pieces = Arbitraries.of(
        "claim-audit:", " allow", "(", ")", "py-raise-not-implemented", "todo-marker", "-", "—", ":", " reason", " until=", "2030-01-01",
        "2001-13-45", "*/", "-->", "//", "#", " ", "\t", "x", "\u0000", "\u001b", "é", "claim-audit: allow(");
    Arbitrary<String> shaped = pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    Arbitrary<String> long_ = Arbitraries.strings().all().ofMinLength(500).ofMaxLength(3_000).map(tail -> "# claim-audit: allow(x) " + tail);
    return Arbitraries.oneOf(shaped, shaped, long_, Arbitraries.strings().all().ofMaxLength(200));
  }

  @Property
  void anyCommentParsesToAWellFormedDirectiveOrNothing(@ForAll("comments") String comment, @ForAll int line) {
    Optional<Suppression> parsed = Bounds.withinBound("suppression parsing", comment, text -> InlineSuppressions.parse(text, line));

    if (!comment.contains(InlineSuppressions.MARKER)) {
      assertThat(parsed).isEmpty();
    }
    parsed.ifPresent(suppression -> {
      assertThat(suppression.line()).isEqualTo(line);
      assertThat(suppression.reason()).isNotNull();
      assertThat(suppression.reason().codePointCount(0, suppression.reason().length())).isLessThanOrEqualTo(500);
      if (suppression.rule() != null) {
        assertThat(suppression.rule()).matches("[A-Za-z0-9_-]{1,80}");
      }
    });
  }

  @Property(tries = 12)
  void parsingGrowsLinearlyWithTheComment(@ForAll("comments") String seed) {
    Bounds.growsLinearly("suppression parsing", seed, 20_000, text -> InlineSuppressions.parse(text, 1));
  }
}
