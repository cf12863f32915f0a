import { HipaaGateError } from '../core/errors.js';
import type { RegisterCommand } from './commands.js';

// Placeholder registration until the `rules` command lands.
export const register: RegisterCommand = (program) => {
  program
    .command('rules')
    .description('(rules: not available yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new HipaaGateError('E_USAGE', 'rules is not available yet');
    });
};
