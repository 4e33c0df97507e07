package dev.claimaudit.checks.placeholder;

import dev.claimaudit.checks.CodeReason;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.rules.RuleClass;
import dev.claimaudit.lang.LexedText;
import dev.claimaudit.lang.Outline;
import dev.claimaudit.lang.Outline.Block;
import dev.claimaudit.lang.Outline.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
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
  /** A type declared to stand in for another: it implements, extends or derives from something, or is an anonymous object of one. */
  private static final Pattern STANDS_IN = Pattern.compile(
      "\\b(?:implements|extends)\\b|^(?:[\\w@]+\\s+)*class\\s+\\w+\\s*(?:\\[[^\\]]*\\])?\\s*\\((?!\\s*\\))|\\bimpl\\b.*\\bfor\\b"
          + "|^(?:[\\w@]+\\s+)*(?:class|object|struct)\\s+\\w+[^{]*?:\\s*\\w|\\bnew\\s+[\\w.]+\\s*(?:<[^>]*>)?\\s*\\(|\\bobject\\s*:");
  private static final Pattern TEST_TYPE_NAME = Pattern.compile("^Test|Tests?$|IT$|Spec$|Suite$|TestCase$|^tests?$");
  private static final Pattern UNUSED = Pattern.compile(
      "^#!?\\[(?:allow|expect)\\((?:[\\w, ]*\\b)?(?:dead_code|unused)\\b|^@SuppressWarnings\\([^)]*\"unused\"|^@(?:Deprecated|Unused)\\b");
  private static final Pattern TEST_FUNCTION = Pattern.compile("(?i)^test|^Test[A-Z_]|_test$|^should|^it_|^spec");
  private static final Pattern TEST_ANNOTATION = Pattern.compile(
      "^(?:@(?:\\w+\\.)*(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property)\\b|#\\[(?:\\w+::)*test\\b|\\[(?:Fact|Theory|Test|TestMethod|TestCase)\\b)");

  private final Outline outline;
  private final LexedText lexed;
  private final boolean testFile;
  private final boolean typedByShape;
  private final boolean exampleFile;

  /**
   * @param typedByShape whether the language lets a class stand in for a type without declaring
   *     it, so that any class of a test file may be a fake
   * @param exampleFile whether the file is example code, whose stubs are left for its reader
   */
  Structure(LexedText lexed, Outline outline, boolean testFile, boolean typedByShape, boolean exampleFile) {
    this.lexed = lexed;
    this.outline = outline;
    this.testFile = testFile;
    this.typedByShape = typedByShape;
    this.exampleFile = exampleFile;
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
  Optional<String> lookAlike(int line, RuleClass ruleClass, IntPredicate added) {
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
    if (testFile && madeForATest(chain)) {
      return Optional.of("a double made for the tests: a member of a class of the test file that stands in for another, or a function declared inside a test");
    }
    if (exampleFile) {
      return Optional.of("a hook that example code leaves for its reader to fill in");
    }
    if (function != null && repeatsAnExistingStub(line, function, added)) {
      return Optional.of("the stub that a member of the same name already had in the file: the file's own way with that member");
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

  /**
   * Whether a function of the same name elsewhere in the file holds the same line, and the change
   * did not add it there: a new client that leaves out the health check its sibling already
   * leaves out follows the file, it does not start a gap.
   */
  private boolean repeatsAnExistingStub(int line, Block function, IntPredicate added) {
    String stub = lexed.line(line).strip();
    for (Block other : outline.blocks()) {
      if (other == function || other.kind() != Kind.FUNCTION || !other.name().equals(function.name())) {
        continue;
      }
      for (int at = other.startLine(); at <= other.endLine(); at++) {
        if (!added.test(at) && lexed.line(at).strip().equals(stub)) {
          return true;
        }
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
   * Whether, in a test file, the line belongs to something made for the tests rather than to a
   * test: walking out from the line, a type that is not a test class comes before any test and
   * stands in for another (a fake store that implements one, an anonymous object of an interface,
   * any class where types go by shape), or a test holds a function that is not one. A stub in a
   * test, in a helper method of a test class, in a plain class of a language that declares its
   * types, or in a function at the top of the file is still a stub.
   */
  private boolean madeForATest(List<Block> chain) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      Block block = chain.get(i);
      if (isTest(block)) {
        return i < chain.size() - 1;
      }
      if (block.kind() == Kind.TYPE && !testType(block)) {
        return typedByShape || STANDS_IN.matcher(block.header()).find() || chain.subList(0, i).stream().anyMatch(Structure::isTest);
      }
    }
    return false;
  }

  /** A test class: named as one ({@code FooTest}, {@code TestFoo}, {@code FooIT}, {@code FooSpec}), or holding a test. */
  private boolean testType(Block type) {
    if (TEST_TYPE_NAME.matcher(type.name()).find()) {
      return true;
    }
    return outline.blocks().stream()
        .anyMatch(block -> block.startLine() > type.startLine() && block.endLine() <= type.endLine() && isTest(block));
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
