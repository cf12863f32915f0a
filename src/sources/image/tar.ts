import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface TarEntry {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'link' | 'other';
  linkname?: string;
  data?: Buffer;
}

export interface TarLimits {
  maxEntries: number;
  /** Entries above this are recorded without their bytes. */
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export class TarLimitError extends Error {}

/** Read a whole tar (already in memory) into entries, bytes kept only for files within the limits. */
export async function readTar(buf: Buffer, limits: TarLimits, keep: (name: string, size: number) => boolean = () => true): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  let total = 0;
  const ex = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, stream, next) => {
      if (out.length >= limits.maxEntries) {
        stream.resume();
        return reject(new TarLimitError(`more than ${limits.maxEntries} entries`));
      }
      const type = header.type === 'file' || header.type === 'contiguous-file' ? 'file' : header.type === 'directory' ? 'directory' : header.type === 'symlink' ? 'symlink' : header.type === 'link' ? 'link' : 'other';
      const size = header.size ?? 0;
      const want = type === 'file' && size <= limits.maxEntryBytes && keep(header.name, size);
      const entry: TarEntry = { name: header.name, type, ...(header.linkname ? { linkname: header.linkname } : {}) };
      out.push(entry);
      if (!want) {
        stream.on('end', next);
        stream.resume();
        return;
      }
      total += size;
      if (total > limits.maxTotalBytes) {
        stream.resume();
        return reject(new TarLimitError(`contents exceed ${limits.maxTotalBytes} bytes`));
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        entry.data = Buffer.concat(chunks);
        next();
      });
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
  });
  Readable.from([buf]).pipe(ex);
  await done;
  return out;
}

/** Layers may be gzip-compressed; the output is capped so a gzip bomb cannot exhaust memory. */
export function maybeGunzip(buf: Buffer, maxBytes: number): Buffer {
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) return gunzipSync(buf, { maxOutputLength: maxBytes });
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0xfd2fb528) throw new TarLimitError('zstd-compressed layers are not supported');
  return buf;
}
