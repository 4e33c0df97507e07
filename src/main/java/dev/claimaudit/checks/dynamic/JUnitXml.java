package dev.claimaudit.checks.dynamic;

import dev.claimaudit.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads JUnit XML reports (Surefire, Gradle, pytest, node, Bun): every {@code testcase}, with the
 * outcome its children say. The report is written by the change's code, so no DTD, no entity.
 */
final class JUnitXml {
  static final long MAX_BYTES = 32L * 1024 * 1024;

  private JUnitXml() {}

  static List<TestCase> parse(Path report) throws ReportException {
    try {
      if (Files.size(report) > MAX_BYTES) {
        throw new ReportException(report.getFileName() + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      try (InputStream in = Files.newInputStream(report)) {
        return parse(in);
      }
    } catch (IOException e) {
      throw new ReportException("cannot read " + report.getFileName() + ": " + e.getMessage(), e);
    } catch (XMLStreamException e) {
      throw new ReportException(report.getFileName() + " is not well-formed JUnit XML: " + firstLine(e.getMessage()), e);
    }
  }

  static List<TestCase> parse(InputStream in) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader xml = factory.createXMLStreamReader(in);
    List<TestCase> cases = new ArrayList<>();
    Deque<String[]> suites = new ArrayDeque<>();
    Open open = null;
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String element = xml.getLocalName();
          if (element.equals("testsuite")) {
            suites.push(new String[] {xml.getAttributeValue(null, "name"), xml.getAttributeValue(null, "file")});
          } else if (element.equals("testcase")) {
            String file = xml.getAttributeValue(null, "file");
            if (file == null && !suites.isEmpty()) {
              file = suites.peek()[1];
            }
            String suite = xml.getAttributeValue(null, "classname");
            if ((suite == null || suite.isEmpty()) && !suites.isEmpty()) {
              suite = suites.peek()[0];
            }
            open = new Open(file, suite, xml.getAttributeValue(null, "name"));
            String failureAttribute = xml.getAttributeValue(null, "failure");
            if (failureAttribute != null) {
              open.outcome(TestCase.Outcome.FAILED, failureAttribute);
            }
          } else if (open != null) {
            switch (element) {
              case "failure", "rerunFailure" -> open.outcome(TestCase.Outcome.FAILED, xml.getAttributeValue(null, "message"));
              case "error", "rerunError" -> open.outcome(TestCase.Outcome.ERRORED, xml.getAttributeValue(null, "message"));
              case "skipped" -> open.outcome(TestCase.Outcome.SKIPPED, xml.getAttributeValue(null, "message"));
              default -> { }
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String element = xml.getLocalName();
          if (element.equals("testcase") && open != null) {
            cases.add(open.close());
            open = null;
          } else if (element.equals("testsuite") && !suites.isEmpty()) {
            suites.pop();
          }
        }
      }
    } finally {
      xml.close();
    }
    return cases;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip().lines().findFirst().orElse("");
    return Texts.truncate(line, 200);
  }

  /** A test case being read; the worst outcome of its children wins. */
  private static final class Open {
    private final String file;
    private final String suite;
    private final String name;
    private TestCase.Outcome outcome = TestCase.Outcome.PASSED;
    private String message;

    Open(String file, String suite, String name) {
      this.file = file;
      this.suite = suite;
      this.name = name == null ? "" : name;
    }

    void outcome(TestCase.Outcome child, String childMessage) {
      if (rank(child) > rank(outcome)) {
        outcome = child;
        message = firstLine(childMessage);
      }
    }

    private static int rank(TestCase.Outcome outcome) {
      return switch (outcome) {
        case PASSED -> 0;
        case SKIPPED -> 1;
        case FAILED -> 2;
        case ERRORED -> 3;
      };
    }

    TestCase close() {
      return new TestCase(file, suite, name, outcome, message);
    }
  }
}
