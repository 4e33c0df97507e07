package dev.claimaudit.verdict;

/** The audited range as resolved: full object ids and the number of commits. */
public record RangeInfo(String spec, String base, String head, String mergeBase, int commits) {}
