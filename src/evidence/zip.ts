import { unzipSync, zipSync, type Zippable } from 'fflate';

import { crc32 } from '../core/crc32.js';

export { crc32 };

export function writeZip(files: Record<string, string | Uint8Array>, mtime: Date): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = [typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { mtime, level: 6 }];
  return zipSync(z);
}

/**
 * Read a zip and check every member against the CRC-32 in the central directory. fflate does not
 * check CRCs itself, so a flipped byte inside stored or deflated data would otherwise pass.
 */
export function readZip(data: Uint8Array): Record<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data);
  } catch (e) {
    throw new Error(`not a readable zip archive (${(e as Error).message})`);
  }
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a readable zip archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Error('the zip central directory is damaged');
    const crc = buf.readUInt32LE(p + 16);
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const body = files[name];
    if (!body) throw new Error(`zip member ${name} could not be read`);
    if (crc32(body) !== crc) throw new Error(`zip member ${name} is corrupted (CRC mismatch)`);
    seen.add(name);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  for (const n of Object.keys(files)) if (!seen.has(n)) throw new Error(`zip member ${n} is not in the central directory`);
  return files;
}
