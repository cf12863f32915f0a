import { HipaaGateError } from '../core/errors.js';
import type { RegisterCommand } from './commands.js';

// Placeholder registration until the `evidence` command lands.
export const register: RegisterCommand = (program) => {
  program
    .command('evidence')
    .description('(evidence: not available yet)')
    .allowUnknownOption(true)
    .action(() => {
      throw new HipaaGateError('E_USAGE', 'evidence is not available yet');
    });
};
