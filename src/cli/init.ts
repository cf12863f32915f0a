import { HipaaGateError } from '../core/errors.js';
import type { RegisterCommand } from './commands.js';

// Placeholder registration until the `init` command lands.
export const register: RegisterCommand = (program) => {
  program
    .command('init')
    .description('(init: not available yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new HipaaGateError('E_USAGE', 'init is not available yet');
    });
};
