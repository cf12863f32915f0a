import { HipaaGateError } from '../core/errors.js';
import type { RegisterCommand } from './commands.js';

// Placeholder registration until the `baseline` command lands.
export const register: RegisterCommand = (program) => {
  program
    .command('baseline')
    .description('(baseline: not available yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new HipaaGateError('E_USAGE', 'baseline is not available yet');
    });
};
