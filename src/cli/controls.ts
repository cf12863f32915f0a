import { HipaaGateError } from '../core/errors.js';
import type { RegisterCommand } from './commands.js';

// Placeholder registration until the `controls` command lands.
export const register: RegisterCommand = (program) => {
  program
    .command('controls')
    .description('(controls: not available yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new HipaaGateError('E_USAGE', 'controls is not available yet');
    });
};
