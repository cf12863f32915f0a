import { HipaaGateError } from '../core/errors.js';
import type { RegisterCommand } from './commands.js';

// Placeholder registration until the `db` command lands.
export const register: RegisterCommand = (program) => {
  program
    .command('db')
    .description('(db: not available yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new HipaaGateError('E_USAGE', 'db is not available yet');
    });
};
