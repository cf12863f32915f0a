import { HipaaGateError } from '../../../core/errors.js';
import { baseEcosystem } from '../versions/index.js';
import { bestScore } from './cvss.js';
import { normalizeName } from './db.js';
import type { OsvRecord, StoredAdvisory } from './types.js';

export const DEFAULT_OSV_URL = 'https://api.osv.dev';

/**
 * The optional online source: OSV's `POST /v1/querybatch` finds advisory ids per package version,
 * then `GET /v1/vulns/{id}` fetches each record once. The records are then evaluated by the same
 * range logic as the offline database, so both modes decide identically.
 */
export async function fetchAdvisories(
  packages: Array<{ ecosystem: string; name: string; version: string }>,
  opts: { url?: string; timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<Map<string, StoredAdvisory[]>> {
  const base = (opts.url ?? DEFAULT_OSV_URL).replace(/\/+$/, '');
  const doFetch = opts.fetchImpl ?? fetch;
  const timeout = opts.timeoutMs ?? 30_000;
  const call = async (path: string, init?: RequestInit) => {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeout) });
    } catch (e) {
      throw new HipaaGateError('E_DB', `OSV API request failed: ${(e as Error).message}`, { file: `${base}${path}`, cause: e });
    }
    if (!res.ok) throw new HipaaGateError('E_DB', `OSV API answered HTTP ${res.status}`, { file: `${base}${path}` });
    return res.json() as Promise<unknown>;
  };
  const key = (eco: string, name: string) => `${baseEcosystem(eco)}\0${normalizeName(eco, name)}`;
  const out = new Map<string, StoredAdvisory[]>();
  const wanted = packages.filter((p) => p.version);
  const ids = new Set<string>();
  for (let i = 0; i < wanted.length; i += 1000) {
    const chunk = wanted.slice(i, i + 1000);
    const body = { queries: chunk.map((p) => ({ package: { name: p.name, ecosystem: p.ecosystem }, version: p.version })) };
    const res = (await call('/v1/querybatch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })) as {
      results?: Array<{ vulns?: Array<{ id: string }> }>;
    };
    for (const r of res.results ?? []) for (const v of r.vulns ?? []) ids.add(v.id);
  }
  for (const id of ids) {
    const rec = (await call(`/v1/vulns/${encodeURIComponent(id)}`)) as OsvRecord;
    const best = bestScore([...(rec.severity ?? []), ...(rec.affected ?? []).flatMap((a) => a.severity ?? [])]);
    const label = typeof rec.database_specific?.severity === 'string' ? rec.database_specific.severity : undefined;
    for (const a of rec.affected ?? []) {
      if (!a.package) continue;
      const k = key(a.package.ecosystem, a.package.name);
      if (!out.has(k)) out.set(k, []);
      out.get(k)!.push({
        id: rec.id,
        aliases: rec.aliases ?? [],
        summary: rec.summary ?? '',
        ...(rec.withdrawn ? { withdrawn: rec.withdrawn } : {}),
        ...(best ? { score: best.score, cvss: best.vector } : {}),
        ...(label ? { label } : {}),
        affected: a,
      });
    }
  }
  return out;
}

export function onlineKey(ecosystem: string, name: string): string {
  return `${baseEcosystem(ecosystem)}\0${normalizeName(ecosystem, name)}`;
}
