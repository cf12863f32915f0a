import { HipaaGateError } from '../core/errors.js';
import type { RegisterCommand } from './commands.js';

// Placeholder registration until the `iac` command lands.
export const register: RegisterCommand = (program) => {
  program
    .command('iac')
    .description('(iac: not available yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new HipaaGateError('E_USAGE', 'iac is not available yet');
    });
};
