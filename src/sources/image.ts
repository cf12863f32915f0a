import { HipaaGateError } from '../core/errors.js';
import type { Source, SourceOptions } from './types.js';

// Replaced by the image tarball / OCI layout source.
export async function* imageSource(_file: string, _opts: SourceOptions): Source {
  throw new HipaaGateError('E_USAGE', '--image is not available yet');
}
