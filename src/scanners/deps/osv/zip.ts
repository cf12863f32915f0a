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

/**
 * Read every entry of a zip, in order, into memory one at a time (nothing is extracted to disk).
 * Entry names with `..`, absolute paths or drive letters are refused (yauzl refuses them too),
 * and the limits stop decompression bombs before they inflate.
 */
export async function readZipEntries(file: string, onEntry: (name: string, data: Buffer) => void, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<number> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: true }, (err, z) => (err ? rej(err) : res(z!))),
  ).catch((e: Error) => {
    throw new HipaaGateError('E_DB', `not a readable zip archive: ${e.message}`, { file, cause: e });
  });
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new HipaaGateError('E_DB', `archive has ${zip.entryCount} entries (limit ${limits.maxEntries})`, { file });
  }
  let total = 0;
  let count = 0;
  return new Promise<number>((resolve, reject) => {
    const fail = (msg: string, cause?: unknown) => {
      zip.close();
      reject(new HipaaGateError('E_DB', msg, { file, cause }));
    };
    zip.on('error', (e: Error) => fail(`corrupt zip archive: ${e.message}`, e));
    zip.on('end', () => resolve(count));
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (name.endsWith('/')) return zip.readEntry();
      if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..')) return fail(`unsafe entry name "${name}" (path traversal)`);
      if (entry.uncompressedSize > limits.maxEntryBytes) return fail(`entry "${name}" would inflate to ${entry.uncompressedSize} bytes (limit ${limits.maxEntryBytes})`);
      if (entry.uncompressedSize > 1024 ** 2 && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
        return fail(`entry "${name}" has compression ratio ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))} (limit ${limits.maxRatio}): zip bomb?`);
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) return fail(`archive would inflate past ${limits.maxTotalBytes} bytes`);
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(`cannot read entry "${name}": ${err?.message}`, err);
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          // Sizes in the header can lie; count what actually inflates.
          if (size > limits.maxEntryBytes) {
            stream.destroy();
            fail(`entry "${name}" inflates past ${limits.maxEntryBytes} bytes`);
          } else chunks.push(c);
        });
        stream.on('error', (e: Error) => fail(`corrupt entry "${name}": ${e.message}`, e));
        stream.on('end', () => {
          count++;
          try {
            onEntry(name, Buffer.concat(chunks));
          } catch (e) {
            return fail(e instanceof Error ? e.message : String(e), e);
          }
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}
