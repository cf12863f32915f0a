/**
 * Ready-made pino integration (the "avoid PHI in logs" safeguard). pino is not a dependency: the
 * returned object is plain pino options.
 *
 * @example
 * import pino from 'pino';
 * import { pinoRedaction } from 'hipaa-gate';
 * const log = pino({ ...pinoRedaction() });
 * log.info({ patient: { dob: '1961-03-04' } }, 'seen Maria Gonzalez'); // both masked
 */
import { redact, redactObject, type RedactOptions } from './redact.js';

export interface PinoRedactionOptions {
  formatters: { log(object: Record<string, unknown>): Record<string, unknown> };
  hooks: { logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void): void };
}

export function pinoRedaction(options: RedactOptions = {}): PinoRedactionOptions {
  return {
    formatters: {
      log: (object) => redactObject(object, options),
    },
    hooks: {
      // The message and its interpolation arguments do not pass through formatters.log.
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? redact(a, options) : a)));
      },
    },
  };
}
