package dev.claimaudit.claims;

/**
 * One unit of prose that may make claims: a sentence-bearing line, a list item or a table row,
 * with Markdown decoration removed.
 *
 * @param text the cleaned text
 * @param line 1-based line in the source
 * @param heading the nearest list heading above ("New files:", "Updated:"), lower-cased, or ""
 * @param listItem whether the text came from a list item or an indented line under a heading
 */
record Segment(String text, int line, String heading, boolean listItem) {}
