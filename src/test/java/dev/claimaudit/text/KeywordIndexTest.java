package dev.claimaudit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The keyword index agrees with lowering the line and calling {@code contains} for each keyword. */
class KeywordIndexTest {

  @Test
  void findsEveryGroupWithAKeywordInTheLineWhateverItsCase() {
    KeywordIndex index = KeywordIndex.of(List.of(List.of("todo", "fixme"), List.of("throw"), List.of("todo!", "unimplemented!")));

    assertThat(index.groupsIn("    // TODO: parse the header").stream().toArray()).containsExactly(0);
    assertThat(index.groupsIn("Throw new X(); todo!()").stream().toArray()).containsExactly(0, 1, 2);
    assertThat(index.anyIn("let x = 1;")).isFalse();
    assertThat(index.groupsIn("let x = 1;").isEmpty()).isTrue();
  }

  @Test
  void overlappingKeywordsAreAllFound() {
    KeywordIndex index = KeywordIndex.of(List.of(List.of("skip"), List.of(".skip"), List.of("kip")));

    assertThat(index.groupsIn("it.skip(").stream().toArray()).containsExactly(0, 1, 2);
    assertThat(index.groupsIn("skipper").stream().toArray()).containsExactly(0, 2);
  }

  @Test
  void lowersCharactersOutsideAsciiAsTheStringDoes() {
    KeywordIndex index = KeywordIndex.of(List.of(List.of("kludge"), List.of("i\u0307mplemented")));

    assertThat(index.anyIn("\u212Aludge here")).as("the Kelvin sign lowers to k").isTrue();
    assertThat(index.groupsIn("\u0130MPLEMENTED").stream().toArray()).as("dotted capital I lowers to two characters").containsExactly(1);
  }

  @Property(tries = 2000)
  void agreesWithLoweredContains(@ForAll("lines") String line, @ForAll("groups") List<List<String>> groups) {
    KeywordIndex index = KeywordIndex.of(groups);
    String lower = line.toLowerCase(Locale.ROOT);
    BitSet expected = new BitSet();
    for (int group = 0; group < groups.size(); group++) {
      for (String keyword : groups.get(group)) {
        if (lower.contains(keyword.toLowerCase(Locale.ROOT))) {
          expected.set(group);
        }
      }
    }

    assertThat(index.groupsIn(line)).isEqualTo(expected);
    assertThat(index.anyIn(line)).isEqualTo(!expected.isEmpty());
    boolean ascii = line.chars().allMatch(c -> c < 128) && groups.stream().flatMap(List::stream).allMatch(k -> k.chars().allMatch(c -> c < 128));
    assertThat(index.inAsciiText(line)).isEqualTo(!ascii ? -1 : expected.isEmpty() ? 0 : 1);
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.strings().withChars("abkiTODtodo!( .\u0130\u212A\u00e9\u0307").ofMaxLength(40);
  }

  @Provide
  Arbitrary<List<List<String>>> groups() {
    Arbitrary<String> keyword = Arbitraries.strings().withChars("abkiTODtod!(.\u00e9\u0307").ofMinLength(1).ofMaxLength(4);
    return keyword.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(5);
  }
}
