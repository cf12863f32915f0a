import { readFileSync } from 'node:fs';
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
    if (keepBytes) return { path, text: '', bytes, origin, size: bytes.length };
    return { path, reason: 'binary', detail: 'binary content (NUL byte), not scanned as text', expected: true };
  }
  const text = decoder.decode(bytes);
  return { path, text, origin, size: bytes.length, ...(keepBytes ? { bytes } : {}) };
}

export function readFileArtifact(
  abs: string,
  path: string,
  origin: Origin,
  opts: { wantsBytes?: (path: string) => boolean } = {},
): Artifact | Skipped {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { path, reason: 'unreadable', detail: `cannot read file (${code})` };
  }
  return toArtifact(path, bytes, origin, opts);
}

export function isSkipped(x: Artifact | Skipped): x is Skipped {
  return (x as Skipped).reason !== undefined && (x as Artifact).origin === undefined;
}
