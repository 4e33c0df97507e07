package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A pattern's top-level alternatives: split at the bars that no group, class or escape holds. */
class PatternsTest {
  @Test
  void aBarInAGroupAClassOrAnEscapeSplitsNothing() {
    assertThat(Patterns.topLevelAlternatives("\\bfoo|(?:a|b)c|[|x]y|d\\|e|")).containsExactly("\\bfoo", "(?:a|b)c", "[|x]y", "d\\|e", "");
    assertThat(Patterns.topLevelAlternatives("^abc")).containsExactly("^abc");
  }
}
