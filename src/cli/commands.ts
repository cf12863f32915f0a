import type { Command } from 'commander';
import { register as baseline } from './baseline.js';
import { register as controls } from './controls.js';
import { register as db } from './db.js';
import { register as evidence } from './evidence.js';
import { register as hook } from './hook.js';
import { register as iac } from './iac.js';
import { register as init } from './init.js';
import { register as redact } from './redact.js';
import { register as rules } from './rules.js';
import { register as scan } from './scan.js';

/** A command module adds itself to the program; `setExit` records the process exit code. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

/** Every CLI command, one module each. */
export const COMMANDS: RegisterCommand[] = [scan, init, hook, controls, rules, baseline, redact, db, evidence, iac];
