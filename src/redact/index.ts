export { redact, redactObject, REDACT_KINDS, type RedactOptions } from './redact.js';
export { pinoRedaction, type PinoRedactionOptions } from './pino.js';
export { createRedactStream } from './stream.js';
