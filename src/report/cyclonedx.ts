import { HipaaGateError } from '../core/errors.js';
import type { Reporter } from './types.js';

// Placeholder until the cyclonedx format lands.
export const reporter: Reporter = {
  format: 'cyclonedx',
  extension: 'cyclonedx',
  render: () => {
    throw new HipaaGateError('E_USAGE', 'format cyclonedx is not available yet');
  },
};
