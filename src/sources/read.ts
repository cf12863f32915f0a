import { closeSync, openSync, readSync } from 'node:fs';
import type { Artifact, Origin, Skipped } from '../core/types.js';

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Binary by content, as git does: a NUL byte in the first 8000 bytes. */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  // Buffer#indexOf is a native memchr over a zero-copy view; a JS loop here cost more CPU than
  // reading the file on a large scan.
  return Buffer.from(bytes.buffer, bytes.byteOffset, n).indexOf(0) !== -1;
}

/**
 * Turn bytes into an artifact, or a skip record. Invalid UTF-8 is decoded with replacement
 * characters and still scanned: a secret next to a bad byte is still a secret.
 */
export function toArtifact(
  path: string,
  bytes: Uint8Array,
  origin: Origin,
  opts: { wantsBytes?: (path: string) => boolean } = {},
): Artifact | Skipped {
  const keepBytes = opts.wantsBytes?.(path) ?? false;
  if (isBinary(bytes)) {
    if (keepBytes) return { path, text: '', bytes: own(bytes), origin, size: bytes.length };
    return { path, reason: 'binary', detail: 'binary content (NUL byte), not scanned as text', expected: true };
  }
  const text = decoder.decode(bytes);
  return { path, text, origin, size: bytes.length, ...(keepBytes ? { bytes: own(bytes) } : {}) };
}

export function readFileArtifact(
  abs: string,
  path: string,
  origin: Origin,
  opts: { wantsBytes?: (path: string) => boolean } = {},
): Artifact | Skipped {
  let bytes: Buffer;
  try {
    bytes = readInto(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { path, reason: 'unreadable', detail: `cannot read file (${code})` };
  }
  return toArtifact(path, bytes, origin, opts);
}

/**
 * One read buffer per thread, grown as needed and reused: a fresh buffer per file cost a page fault
 * per 4 kB touched (expensive on VMs), and `readFileSync`'s extra `fstat` is a syscall per file. The
 * view is only valid until the next read: `toArtifact` decodes it, and copies it where bytes are kept.
 */
let shared = Buffer.allocUnsafe(1 << 20);
function readInto(abs: string): Buffer {
  const fd = openSync(abs, 'r');
  try {
    let n = 0;
    for (;;) {
      if (n === shared.length) {
        const bigger = Buffer.allocUnsafe(shared.length * 2);
        shared.copy(bigger, 0, 0, n);
        shared = bigger;
      }
      const r = readSync(fd, shared, n, shared.length - n, null);
      if (r === 0) {
        const view = shared.subarray(0, n);
        // After an unusually large file, do not keep its buffer for the rest of the scan.
        if (shared.length > 64 << 20) shared = Buffer.allocUnsafe(1 << 20);
        return view;
      }
      n += r;
    }
  } finally {
    closeSync(fd);
  }
}

/** A copy that outlives the shared read buffer. */
const own = (b: Uint8Array): Uint8Array => (b.buffer === shared.buffer ? Uint8Array.prototype.slice.call(b) : b);

export function isSkipped(x: Artifact | Skipped): x is Skipped {
  return (x as Skipped).reason !== undefined && (x as Artifact).origin === undefined;
}
