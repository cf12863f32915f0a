import { HipaaGateError } from '../core/errors.js';
import type { RegisterCommand } from './commands.js';

// Placeholder registration until the `redact` command lands.
export const register: RegisterCommand = (program) => {
  program
    .command('redact')
    .description('(redact: not available yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new HipaaGateError('E_USAGE', 'redact is not available yet');
    });
};
