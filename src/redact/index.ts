export { redact, redactObject, REDACT_KINDS, type RedactOptions } from './redact.js';
export { pinoRedaction, type PinoRedactionOptions } from './pino.js';
export { createRedactStream, type RedactStreamOptions } from './stream.js';
