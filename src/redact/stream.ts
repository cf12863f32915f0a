/**
 * Streaming redaction for pipes: input is cut at line ends and redacted in batches of whole lines,
 * so memory stays bounded and every output line matches an input line. A live pipe
 * (`tail -f app.log | hipaa-gate redact`) must not wait for a full batch: when input pauses, the
 * complete lines received so far are redacted and written.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { redact, type RedactOptions } from './redact.js';

const BATCH = 256 * 1024;
/** How long input may pause before the complete lines received so far are written. */
const IDLE_MS = 50;

export function createRedactStream(options: RedactOptions = {}): Transform {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let idle: NodeJS.Timeout | undefined;
  const stream: Transform = new Transform({
    transform(chunk: Buffer | string, _enc: BufferEncoding, cb: TransformCallback) {
      clearTimeout(idle);
      pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (pending.length < BATCH) {
        idle = setTimeout(flushLines, IDLE_MS);
        return cb();
      }
      const cut = pending.lastIndexOf('\n');
      if (cut === -1) {
        // One enormous line: redact it as is rather than buffer without bound.
        if (pending.length > 16 * BATCH) {
          const out = redact(pending, options);
          pending = '';
          return cb(null, out);
        }
        return cb();
      }
      const ready = pending.slice(0, cut + 1);
      pending = pending.slice(cut + 1);
      cb(null, redact(ready, options));
    },
    flush(cb: TransformCallback) {
      clearTimeout(idle);
      pending += decoder.end();
      cb(null, pending ? redact(pending, options) : undefined);
    },
    destroy(err, cb) {
      clearTimeout(idle);
      cb(err);
    },
  });
  function flushLines(): void {
    const cut = pending.lastIndexOf('\n');
    if (cut === -1 || stream.destroyed) return;
    const ready = pending.slice(0, cut + 1);
    pending = pending.slice(cut + 1);
    stream.push(redact(ready, options));
  }
  return stream;
}
