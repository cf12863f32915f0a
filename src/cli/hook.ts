import { HipaaGateError } from '../core/errors.js';
import type { RegisterCommand } from './commands.js';

// Placeholder registration until the `hook` command lands.
export const register: RegisterCommand = (program) => {
  program
    .command('hook')
    .description('(hook: not available yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new HipaaGateError('E_USAGE', 'hook is not available yet');
    });
};
