import { HipaaGateError } from '../core/errors.js';
import type { Reporter } from './types.js';

// Placeholder until the gitlab format lands.
export const reporter: Reporter = {
  format: 'gitlab',
  extension: 'gitlab',
  render: () => {
    throw new HipaaGateError('E_USAGE', 'format gitlab is not available yet');
  },
};
