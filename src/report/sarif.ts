import { HipaaGateError } from '../core/errors.js';
import type { Reporter } from './types.js';

// Placeholder until the sarif format lands.
export const reporter: Reporter = {
  format: 'sarif',
  extension: 'sarif',
  render: () => {
    throw new HipaaGateError('E_USAGE', 'format sarif is not available yet');
  },
};
