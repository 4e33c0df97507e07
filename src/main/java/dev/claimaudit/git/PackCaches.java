package dev.claimaudit.git;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/** JGit's caches of pack data, which serve the whole process, sized for an audit. */
public final class PackCaches {
  /**
   * Bytes of pack data JGit keeps in memory at once; its default is 10 MB. Each window lives long
   * enough to be copied into the old generation before it is evicted, so a range that reads
   * thousands of trees and blobs (kafka's three releases) filled the old generation with evicted
   * windows and cost a full collection; the objects an audit reads again are few and recent.
   */
  static final long PACKED_BYTES = 4L << 20;

  private PackCaches() {}

  /** Sizes the caches; once, before the first repository is read. */
  public static void install() {
    WindowCacheConfig config = new WindowCacheConfig();
    config.setPackedGitLimit(PACKED_BYTES);
    config.install();
  }
}
