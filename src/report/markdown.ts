import { HipaaGateError } from '../core/errors.js';
import type { Reporter } from './types.js';

// Placeholder until the markdown format lands.
export const reporter: Reporter = {
  format: 'markdown',
  extension: 'markdown',
  render: () => {
    throw new HipaaGateError('E_USAGE', 'format markdown is not available yet');
  },
};
