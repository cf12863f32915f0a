import { HipaaGateError } from '../core/errors.js';
import type { Reporter } from './types.js';

// Placeholder until the html format lands.
export const reporter: Reporter = {
  format: 'html',
  extension: 'html',
  render: () => {
    throw new HipaaGateError('E_USAGE', 'format html is not available yet');
  },
};
