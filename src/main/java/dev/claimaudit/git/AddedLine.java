package dev.claimaudit.git;

/** One line that the net diff adds, numbered as in the head version of its file (1-based). */
public record AddedLine(int number, String text) {}
