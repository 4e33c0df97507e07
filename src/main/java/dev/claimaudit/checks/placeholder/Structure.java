package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.CodeReason;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.RuleClass;
import dev.claimaudit.lang.Outline;
import dev.claimaudit.lang.Outline.Block;
import dev.claimaudit.lang.Outline.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the blocks around a placeholder say of it. A {@code raise NotImplementedError} under
 * {@code @abstractmethod}, a {@code TODO()} in a fake of a test, a throwing private constructor
 * of a utility class are the language's way of writing a contract, a double or a guard, not
 * unfinished work; and every placeholder is reported with the symbol it sits in, which the claims'
 * scopes are matched against.
 */
final class Structure {
  private static final Pattern ABSTRACT_ANNOTATION = Pattern.compile("^@(?:abc\\.)?abstract(?:method|property|classmethod|staticmethod)\\b");
  private static final Pattern ABSTRACT_MEMBER = Pattern.compile("(?:^|\\s)(?:abstract|default|virtual)\\s");
  private static final Pattern CONTRACT_TYPE = Pattern.compile(
      "^(?:[\\w@]+\\s+)*(?:interface|protocol|trait|abstract\\s+class)\\b|^class\\s+\\w+\\s*(?:\\[[^\\]]*\\])?\\s*\\([^)]*\\bProtocol\\b");
  private static final Pattern DOUBLE_NAME = Pattern.compile(
      "(?:^|[._])(?:Fake|Mock|Stub|Dummy|Spy|Noop|NoOp|Test|fake|mock|stub|dummy|spy|noop|test)(?:[A-Z_0-9]|$)|(?:Fake|Mock|Stub|Dummy|Spy)$");
  private static final Pattern UNUSED = Pattern.compile(
      "^#!?\\[(?:allow|expect)\\((?:[\\w, ]*\\b)?(?:dead_code|unused)\\b|^@SuppressWarnings\\([^)]*\"unused\"|^@(?:Deprecated|Unused)\\b");
  private static final Pattern TEST_FUNCTION = Pattern.compile("(?i)^test|^Test[A-Z_]|_test$|^should|^it_|^spec");
  private static final Pattern TEST_ANNOTATION = Pattern.compile(
      "^(?:@(?:\\w+\\.)*(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property)\\b|#\\[(?:\\w+::)*test\\b|\\[(?:Fact|Theory|Test|TestMethod|TestCase)\\b)");

  private final Outline outline;
  private final boolean testFile;

  Structure(Outline outline, boolean testFile) {
    this.outline = outline;
    this.testFile = testFile;
  }

  /** The names of the blocks around {@code line}, outermost first, as a finding carries them; {@code null} when none. */
  String symbol(int line) {
    List<Block> chain = outline.enclosing(line);
    if (chain.isEmpty()) {
      return null;
    }
    return String.join(Finding.SYMBOL_SEPARATOR, chain.stream().map(Block::name).toList());
  }

  /**
   * Why the placeholder on {@code line} is not one, or empty when it is: an abstract, interface
   * or protocol member, a member of a test double, a private constructor that guards a utility
   * class.
   */
  Optional<String> lookAlike(int line, RuleClass ruleClass) {
    if (ruleClass != RuleClass.HARD_STUB) {
      return Optional.empty();
    }
    List<Block> chain = outline.enclosing(line);
    Block function = innermost(chain, Kind.FUNCTION);
    Block type = innermost(chain, Kind.TYPE);
    if (function != null && abstractMember(function, type)) {
      return Optional.of("an abstract or interface member");
    }
    if (type != null && DOUBLE_NAME.matcher(type.name()).find() || function != null && function.name().contains(".")
        && DOUBLE_NAME.matcher(function.name().substring(0, function.name().indexOf('.'))).find()) {
      return Optional.of("a member of a test double");
    }
    if (function != null && type != null && overriddenElsewhere(function, type)) {
      return Optional.of("a base method that other types of the file override");
    }
    if (testFile && madeInsideATest(chain)) {
      return Optional.of("a double declared inside a test");
    }
    if (function != null && type != null && function.name().equals(type.name()) && function.header().matches("(?s)^\\s*private\\b.*")) {
      return Optional.of("the private constructor that keeps a utility class from being made");
    }
    return Optional.empty();
  }

  /**
   * What the code around a stub says of it: a block marked unused or dead ({@code #[expect(unused)]},
   * {@code #[allow(dead_code)]}, {@code @SuppressWarnings("unused")}) owns up to not being called yet.
   */
  CodeReason reason(int line) {
    for (Block block : outline.enclosing(line)) {
      if (block.annotations().stream().anyMatch(annotation -> UNUSED.matcher(annotation).find())) {
        return CodeReason.ADMITTED;
      }
    }
    return CodeReason.NONE;
  }

  /**
   * Whether a type of the file that derives from {@code type} declares a function of the same
   * name: the stub is the base's default, and the subclasses the change adds replace it.
   */
  private boolean overriddenElsewhere(Block function, Block type) {
    Pattern base = Pattern.compile("\\b" + Pattern.quote(type.name()) + "\\b");
    for (Block other : outline.blocks()) {
      if (other.kind() != Kind.FUNCTION || !other.name().equals(function.name()) || other == function) {
        continue;
      }
      Block owner = outline.innermost(other.startLine(), Kind.TYPE);
      if (owner != null && owner != type && !owner.name().equals(type.name()) && base.matcher(owner.header()).find()) {
        return true;
      }
    }
    return false;
  }

  /** The function's own modifiers or decorators, or the type it belongs to, make it a contract for others to fulfil. */
  private static boolean abstractMember(Block function, Block type) {
    if (function.annotations().stream().anyMatch(annotation -> ABSTRACT_ANNOTATION.matcher(annotation).find())) {
      return true;
    }
    if (ABSTRACT_MEMBER.matcher(function.header()).find()) {
      return true;
    }
    if (type == null || type.startLine() > function.startLine()) {
      return false;
    }
    // In a Python ABC only the abstract methods are contracts: a concrete method that raises is a stub.
    return CONTRACT_TYPE.matcher(type.header().strip()).find();
  }

  /**
   * Whether a block declared inside a test holds the line: a fake class, an anonymous object or
   * a local function made for that test. A stub in a test itself, or in a helper at the top of
   * the file, is still a stub.
   */
  private static boolean madeInsideATest(List<Block> chain) {
    if (chain.isEmpty() || isTest(chain.get(chain.size() - 1))) {
      return false;
    }
    return chain.subList(0, chain.size() - 1).stream().anyMatch(Structure::isTest);
  }

  private static boolean isTest(Block block) {
    if (block.kind() == Kind.TEST || block.kind() == Kind.SUITE) {
      return true;
    }
    if (block.kind() != Kind.FUNCTION) {
      return false;
    }
    String name = block.name().contains(".") ? block.name().substring(block.name().lastIndexOf('.') + 1) : block.name();
    return TEST_FUNCTION.matcher(name).find() || name.toLowerCase(Locale.ROOT).contains(" ")
        || block.annotations().stream().anyMatch(annotation -> TEST_ANNOTATION.matcher(annotation).find());
  }

  private static Block innermost(List<Block> chain, Kind kind) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (chain.get(i).kind() == kind) {
        return chain.get(i);
      }
    }
    return null;
  }
}
