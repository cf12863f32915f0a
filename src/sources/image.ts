import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { posix } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import type { Skipped } from '../core/types.js';
import { toArtifact, isSkipped } from './read.js';
import type { Source, SourceOptions } from './types.js';
import { maybeGunzip, readTar, TarLimitError, type TarEntry } from './image/tar.js';

/** Limits for image input, all in memory (nothing is extracted to disk). */
export const IMAGE_LIMITS = { maxImageBytes: 4 * 1024 ** 3, maxLayerBytes: 4 * 1024 ** 3, maxEntries: 1_000_000, maxTotalFileBytes: 2 * 1024 ** 3 };

interface Layer {
  digest: string;
  bytes: Buffer;
}

interface FsNode {
  layer: string;
  data?: Buffer;
  size: number;
  symlink?: string;
}

/**
 * A container image without a daemon: a `docker save` tarball (legacy or OCI-style) or an OCI
 * image layout directory. Layers are applied in order with whiteouts (`.wh.NAME` deletes,
 * `.wh..wh..opq` empties a directory of what lower layers put there); the resulting files are
 * yielded with the digest of the layer that last wrote them. Paths that would escape the image
 * root (`..`, absolute) are refused and reported.
 */
export async function* imageSource(file: string, opts: SourceOptions): Source {
  if (!file || !existsSync(file)) throw new HipaaGateError('E_PATH', 'image not found', { file });
  const image = await loadImage(file);
  const fs = new Map<string, FsNode>();
  const problems: Skipped[] = [];
  for (const layer of image.layers) {
    let entries: TarEntry[];
    try {
      entries = await readTar(maybeGunzip(layer.bytes, IMAGE_LIMITS.maxLayerBytes), { maxEntries: IMAGE_LIMITS.maxEntries, maxEntryBytes: opts.maxFileSize, maxTotalBytes: IMAGE_LIMITS.maxTotalFileBytes });
    } catch (e) {
      problems.push({ path: `${image.name}@${layer.digest}`, reason: 'unreadable', detail: `layer could not be read: ${(e as Error).message}` });
      continue;
    }
    applyLayer(fs, entries, layer.digest, problems);
  }
  for (const p of problems) yield { kind: 'skipped', skipped: p };
  const paths = [...fs.keys()].sort();
  for (const path of paths) {
    const node = fs.get(path)!;
    if (node.symlink !== undefined) continue;
    const origin = { kind: 'image' as const, layer: node.layer, image: image.name };
    if (!node.data) {
      yield { kind: 'skipped', skipped: { path, reason: 'too-large', detail: `${node.size} bytes exceeds max_file_size ${opts.maxFileSize} (layer ${node.layer})` } };
      continue;
    }
    const a = toArtifact(path, node.data, origin);
    if (isSkipped(a)) continue; // binaries are expected in images; not a coverage gap worth listing one by one
    yield { kind: 'artifact', artifact: a };
  }
}

/** Normalise a tar path to image-relative form; undefined when it would leave the root. */
export function safePath(name: string): string | undefined {
  const trimmed = name.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  if (trimmed === '' || trimmed === '.') return undefined;
  if (trimmed.split('/').includes('..')) return undefined;
  const norm = posix.normalize(trimmed).replace(/\/$/, '');
  return norm.startsWith('../') || norm === '..' ? undefined : norm;
}

export function applyLayer(fs: Map<string, FsNode>, entries: TarEntry[], digest: string, problems: Skipped[]): void {
  // Whiteouts hide what lower layers wrote; they do not hide this layer's own entries.
  for (const e of entries) {
    const path = safePath(e.name);
    if (!path) continue;
    const base = posix.basename(path);
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    if (base === '.wh..wh..opq') {
      for (const k of [...fs.keys()]) if (dir === '' || k.startsWith(`${dir}/`)) fs.delete(k);
    } else if (base.startsWith('.wh.')) {
      const target = (dir ? `${dir}/` : '') + base.slice(4);
      for (const k of [...fs.keys()]) if (k === target || k.startsWith(`${target}/`)) fs.delete(k);
    }
  }
  for (const e of entries) {
    const path = safePath(e.name);
    if (!path) {
      if (e.name.replace(/^(\.\/)+/, '').replace(/\/$/, '') !== '' && e.name !== './') {
        problems.push({ path: e.name.slice(0, 200), reason: 'error', detail: `tar entry escapes the image root (layer ${digest}); ignored` });
      }
      continue;
    }
    if (posix.basename(path).startsWith('.wh.')) continue;
    if (e.type === 'file') fs.set(path, { layer: digest, ...(e.data ? { data: e.data } : {}), size: e.data?.length ?? 0 });
    else if (e.type === 'symlink') fs.set(path, { layer: digest, size: 0, symlink: e.linkname ?? '' });
    else if (e.type === 'link') {
      // Hard links share content with an earlier entry; link targets are image paths, never host paths.
      const target = e.linkname ? safePath(e.linkname) : undefined;
      const t = target ? fs.get(target) : undefined;
      if (t && t.symlink === undefined) fs.set(path, { ...t, layer: digest });
    } else if (e.type === 'directory') {
      // Replacing a file with a directory removes the file.
      if (fs.get(path)?.symlink === undefined && fs.get(path)?.data) fs.delete(path);
    }
  }
}

async function loadImage(file: string): Promise<{ name: string; layers: Layer[] }> {
  const blobs = new Map<string, Buffer>();
  const read = (name: string): Buffer | undefined => blobs.get(safePath(name) ?? '');
  if (statSync(file).isDirectory()) {
    const get = (name: string): Buffer | undefined => {
      const rel = safePath(name);
      if (!rel) return undefined;
      const p = join(file, rel);
      return existsSync(p) && statSync(p).isFile() ? readFileSync(p) : undefined;
    };
    return fromLayout(get, basename(file), file);
  }
  const size = statSync(file).size;
  if (size > IMAGE_LIMITS.maxImageBytes) throw new HipaaGateError('E_IO', `image tarball is ${size} bytes (limit ${IMAGE_LIMITS.maxImageBytes})`, { file });
  let entries: TarEntry[];
  try {
    entries = await readTar(maybeGunzip(readFileSync(file), IMAGE_LIMITS.maxImageBytes), { maxEntries: 100_000, maxEntryBytes: IMAGE_LIMITS.maxLayerBytes, maxTotalBytes: IMAGE_LIMITS.maxImageBytes });
  } catch (e) {
    const what = e instanceof TarLimitError ? e.message : `not a readable tar archive (${(e as Error).message})`;
    throw new HipaaGateError('E_PARSE', `image: ${what}`, { file, cause: e });
  }
  for (const e of entries) {
    const p = safePath(e.name);
    if (p && e.data) blobs.set(p, e.data);
  }
  return fromLayout(read, basename(file).replace(/\.(tar|tar\.gz|tgz)$/, ''), file);
}

function json(buf: Buffer | undefined, what: string, file: string): any {
  if (!buf) throw new HipaaGateError('E_PARSE', `image: missing ${what}`, { file });
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    throw new HipaaGateError('E_PARSE', `image: ${what} is not valid JSON`, { file });
  }
}

const blobPath = (digest: string) => `blobs/${digest.replace(':', '/')}`;
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** docker save's manifest.json when present, else the OCI index.json -> manifest. */
function fromLayout(get: (name: string) => Buffer | undefined, fallbackName: string, file: string): { name: string; layers: Layer[] } {
  const docker = get('manifest.json');
  if (docker) {
    const m = json(docker, 'manifest.json', file);
    const entry = Array.isArray(m) ? m[0] : undefined;
    if (!entry || !Array.isArray(entry.Layers)) throw new HipaaGateError('E_PARSE', 'image: manifest.json lists no layers', { file });
    const layers = (entry.Layers as string[]).map((l) => {
      const bytes = get(l);
      if (!bytes) throw new HipaaGateError('E_PARSE', `image: layer ${l} is missing from the tarball`, { file });
      return { digest: sha256(bytes), bytes };
    });
    return { name: (entry.RepoTags as string[] | undefined)?.[0] ?? fallbackName, layers };
  }
  const index = json(get('index.json'), 'index.json or manifest.json (not a docker save tarball or OCI layout)', file);
  let desc = index.manifests?.[0];
  let name: string = desc?.annotations?.['org.opencontainers.image.ref.name'] ?? fallbackName;
  let manifest = json(desc ? get(blobPath(desc.digest)) : undefined, 'image manifest', file);
  for (let depth = 0; manifest.manifests && depth < 4; depth++) {
    desc = manifest.manifests[0];
    name = desc?.annotations?.['org.opencontainers.image.ref.name'] ?? name;
    manifest = json(desc ? get(blobPath(desc.digest)) : undefined, 'image manifest', file);
  }
  if (!Array.isArray(manifest.layers)) throw new HipaaGateError('E_PARSE', 'image: manifest lists no layers', { file });
  const layers = (manifest.layers as Array<{ digest: string }>).map((l) => {
    const bytes = get(blobPath(l.digest));
    if (!bytes) throw new HipaaGateError('E_PARSE', `image: layer blob ${l.digest} is missing`, { file });
    if (sha256(bytes) !== l.digest) throw new HipaaGateError('E_PARSE', `image: layer blob ${l.digest} does not match its digest`, { file });
    return { digest: l.digest, bytes };
  });
  return { name, layers };
}
