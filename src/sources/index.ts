import type { Source, SourceOptions } from './types.js';
import { worktreeSource } from './worktree.js';
import { stagedSource } from './staged.js';
import { historySource } from './history.js';
import { stdinSource } from './stdin.js';

export type { Source, SourceEntry, SourceOptions, FileEntry } from './types.js';

export interface SourceSelection {
  mode: 'worktree' | 'staged' | 'history' | 'stdin' | 'image';
  /** For image: the tarball or OCI layout path. */
  image?: string;
  /** For stdin: the text (already read) and the display path. */
  stdinText?: string;
  stdinPath?: string;
  since?: string;
  allBranches?: boolean;
}

export function selectSource(sel: SourceSelection, opts: SourceOptions): Source {
  switch (sel.mode) {
    case 'staged':
      return stagedSource(opts);
    case 'history':
      return historySource({ ...opts, since: sel.since, allBranches: sel.allBranches });
    case 'stdin':
      return stdinSource(sel.stdinText ?? '', sel.stdinPath ?? '<stdin>');
    case 'image':
      return lazyImageSource(sel.image ?? '', opts);
    default:
      return worktreeSource(opts);
  }
}

/** The tar reader loads only for image scans. */
async function* lazyImageSource(file: string, opts: SourceOptions): Source {
  const { imageSource } = await import('./image.js');
  yield* imageSource(file, opts);
}
