package dev.claimaudit.cli.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The tool's version with the commit it was built from, e.g. {@code 0.1.0+4221baf6b4ff}: every
 * verdict records it, so a verdict record is only reused by the build that made it. Read from the
 * {@code version.properties} the build fills in; {@code dev} when that was not filtered.
 */
public final class Version implements CommandLine.IVersionProvider {
  private static final String CURRENT = read();

  public static String current() {
    return CURRENT;
  }

  private static String read() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/dev/claimaudit/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "dev";
    }
    String version = properties.getProperty("version", "");
    String commit = properties.getProperty("commit", "");
    if (version.isEmpty() || version.startsWith("${")) {
      return "dev";
    }
    return commit.isEmpty() || commit.startsWith("${") ? version : version + "+" + commit;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"claim-audit " + current()};
  }
}
