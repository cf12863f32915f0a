import { HipaaGateError } from '../core/errors.js';
import type { Source, SourceOptions } from './types.js';

// Replaced by the staged-blob source (git index, added lines only).
export async function* stagedSource(_opts: SourceOptions): Source {
  throw new HipaaGateError('E_USAGE', '--staged is not available yet');
}
