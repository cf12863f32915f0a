/**
 * hipaa-gate library entry point.
 *
 * @example
 * import { scan, render } from 'hipaa-gate';
 * const result = await scan({ root: '.' });
 * process.stdout.write(await render(result, 'sarif'));
 */
export { scan, type ScanOptions, REPORT_SCHEMA_VERSION } from './engine/scan.js';
export { render, writeReport, FORMATS } from './report/index.js';
export { loadConfig, parseConfig, type ResolvedConfig } from './config/config.js';
export { HipaaGateError, type ErrorCode } from './core/errors.js';
export { redact, redactObject, pinoRedaction, createRedactStream, REDACT_KINDS, type RedactOptions, type RedactStreamOptions } from './redact/index.js';
export type * from './core/types.js';
