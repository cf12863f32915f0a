import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { HipaaGateError } from '../../../core/errors.js';

/** Zip-bomb limits for advisory exports (the real npm all.zip is ~200k entries, ~1 GB unpacked). */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Highest uncompressed/compressed ratio for entries above 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000_000, maxEntryBytes: 32 * 1024 ** 2, maxTotalBytes: 8 * 1024 ** 3, maxRatio: 200 };

interface Pending {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * Read every entry of a zip into memory one at a time (nothing is extracted to disk). yauzl parses
 * and validates the central directory (refusing `..`, absolute and drive-letter names); each
 * entry is then inflated natively from the in-memory archive with its output capped at the size
 * the directory declares, so a lying header cannot inflate further. Entry count, per-entry and
 * total sizes and the compression ratio are checked before anything inflates.
 */
export async function readZipEntries(file: string, onEntry: (name: string, data: Buffer) => void, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<number> {
  const fail = (msg: string, cause?: unknown): never => {
    throw new HipaaGateError('E_DB', msg, { file, cause });
  };
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    return fail(`cannot read archive: ${(e as Error).message}`, e);
  }
  const entries = await centralDirectory(buf, limits).catch((e: Error) => (e instanceof HipaaGateError ? fail(e.message, e) : fail(`not a readable zip archive: ${e.message}`, e)));
  let count = 0;
  for (const e of entries) {
    // Local header: signature, then name and extra-field lengths at 26/28; data follows them.
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) fail(`corrupt zip archive: bad local header for "${e.name}"`);
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const raw = buf.subarray(start, start + e.compressed);
    if (raw.length !== e.compressed) fail(`corrupt zip archive: "${e.name}" is truncated`);
    let data: Buffer;
    if (e.method === 0) data = Buffer.from(raw);
    else if (e.method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1) });
      } catch (err) {
        return fail(`corrupt entry "${e.name}": ${(err as Error).message}`, err);
      }
    } else return fail(`entry "${e.name}" uses unsupported compression method ${e.method}`);
    if (data.length !== e.size) fail(`corrupt entry "${e.name}": inflated to ${data.length} bytes, directory says ${e.size}`);
    count++;
    try {
      onEntry(e.name, data);
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err), err);
    }
  }
  return count;
}

function centralDirectory(buf: Buffer, limits: ZipLimits): Promise<Pending[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      if (zip.entryCount > limits.maxEntries) return reject(new HipaaGateError('E_DB', `archive has ${zip.entryCount} entries (limit ${limits.maxEntries})`));
      const out: Pending[] = [];
      let total = 0;
      const stop = (msg: string) => {
        zip.close();
        reject(new HipaaGateError('E_DB', msg));
      };
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (e: yauzl.Entry) => {
        const name = e.fileName;
        if (name.endsWith('/')) return zip.readEntry();
        if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..')) return stop(`unsafe entry name "${name}" (path traversal)`);
        if (e.uncompressedSize > limits.maxEntryBytes) return stop(`entry "${name}" would inflate to ${e.uncompressedSize} bytes (limit ${limits.maxEntryBytes})`);
        const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
        if (e.uncompressedSize > 1024 ** 2 && ratio > limits.maxRatio) return stop(`entry "${name}" has compression ratio ${Math.round(ratio)} (limit ${limits.maxRatio}): zip bomb?`);
        total += e.uncompressedSize;
        if (total > limits.maxTotalBytes) return stop(`archive would inflate past ${limits.maxTotalBytes} bytes`);
        if ((e.generalPurposeBitFlag & 1) !== 0) return stop(`entry "${name}" is encrypted`);
        out.push({ name, method: e.compressionMethod, compressed: e.compressedSize, size: e.uncompressedSize, offset: e.relativeOffsetOfLocalHeader });
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}
