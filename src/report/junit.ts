import { HipaaGateError } from '../core/errors.js';
import type { Reporter } from './types.js';

// Placeholder until the junit format lands.
export const reporter: Reporter = {
  format: 'junit',
  extension: 'junit',
  render: () => {
    throw new HipaaGateError('E_USAGE', 'format junit is not available yet');
  },
};
