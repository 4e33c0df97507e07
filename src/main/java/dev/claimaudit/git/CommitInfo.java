package dev.claimaudit.git;

import dev.claimaudit.text.Texts;

/**
 * A commit of the audited range with its full message.
 *
 * @param tree the id of the commit's tree
 * @param firstParent the id of its first parent; null for a root commit
 */
public record CommitInfo(String sha, String message, String author, int parentCount, String tree, String firstParent) {

  public String shortSha() {
    return Texts.shortSha(sha);
  }

  public String subject() {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
