import type { Command } from 'commander';
import { register as scan } from './scan.js';

/** A command module adds itself to the program; `setExit` records the process exit code. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

/** Every CLI command, one module each. */
export const COMMANDS: RegisterCommand[] = [scan];
