import type { Artifact, Origin, Skipped } from '../core/types.js';

/** A file on disk that a scanner thread reads itself (so bytes are not copied between threads). */
export interface FileEntry {
  kind: 'file';
  /** Absolute path. */
  abs: string;
  /** Relative to the scan root, forward slashes. */
  path: string;
  size: number;
  origin: Origin;
}

/** Content already in memory (stdin, staged blobs, history fragments, image layers). */
export interface ArtifactEntry {
  kind: 'artifact';
  artifact: Artifact;
}

export interface SkippedEntry {
  kind: 'skipped';
  skipped: Skipped;
}

export type SourceEntry = FileEntry | ArtifactEntry | SkippedEntry;

export interface SourceOptions {
  root: string;
  exclude: string[];
  maxFileSize: number;
  /**
   * Binary paths some scanner parses as bytes (DICOM, images). Sources holding content in memory
   * (staged, history) pass such blobs on as bytes instead of skipping them as binary.
   */
  wantsBytes?: (path: string) => boolean;
}

/**
 * A source yields entries and knows nothing of rules. `close` releases what a source started before
 * it was iterated (the staged source's git processes) when it is dropped unread.
 */
export type Source = AsyncIterable<SourceEntry> & { close?(): void };
