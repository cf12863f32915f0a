import { HipaaGateError } from '../core/errors.js';
import type { Source, SourceOptions } from './types.js';

// Replaced by the streaming `git log -p` source.
export async function* historySource(_opts: SourceOptions & { since?: string; allBranches?: boolean }): Source {
  throw new HipaaGateError('E_USAGE', '--history is not available yet');
}
