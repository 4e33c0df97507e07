package dev.claimaudit.verdict;

/**
 * Everything the verdict depends on, so that anyone can check that equal inputs give an equal
 * verdict.
 */
public record Inputs(
    String head, String base, String mergeBase, String prBodySha256, String policySha256, String catalogVersion, String toolVersion) {}
