import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { HipaaGateError } from '../../../core/errors.js';
import { baseEcosystem } from '../versions/index.js';
import { bestScore } from './cvss.js';
import type { OsvAffected, OsvRecord, StoredAdvisory } from './types.js';
import { readZipEntries, type ZipLimits } from './zip.js';

const SCHEMA_VERSION = '2';

/**
 * Where the local OSV database lives: `--db`, else `HIPAA_GATE_DB`, else the config's
 * `scanners.deps.db` (relative to the scan root), else `$XDG_CACHE_HOME/hipaa-gate/osv.db`
 * (default `~/.cache/hipaa-gate/osv.db`).
 */
export function resolveDbPath(opts: { flag?: string; config?: string; root?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const env = opts.env ?? process.env;
  if (opts.flag) return resolve(opts.flag);
  if (env.HIPAA_GATE_DB) return resolve(env.HIPAA_GATE_DB);
  if (opts.config) return resolve(opts.root ?? process.cwd(), opts.config);
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'hipaa-gate', 'osv.db');
}

/** Names as OSV keys them: PyPI names are normalised (PEP 503), Packagist names are lowercase. */
export function normalizeName(ecosystem: string, name: string): string {
  const eco = baseEcosystem(ecosystem);
  if (eco === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  if (eco === 'Packagist') return name.toLowerCase();
  return name;
}

export interface DbStatus {
  path: string;
  importedAt?: string;
  ageDays?: number;
  advisories: number;
  affected: number;
  ecosystems: Array<{ ecosystem: string; advisories: number; source?: string; importedAt?: string }>;
}

export interface ImportSummary {
  files: number;
  records: number;
  skippedEntries: string[];
  ms: number;
}

export class OsvDatabase {
  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {}

  /** Open for reading; a missing file returns undefined, a damaged one is an E_DB error naming it. */
  static openExisting(path: string): OsvDatabase | undefined {
    if (!existsSync(path)) return undefined;
    const d = OsvDatabase.wrap(path, () => new Database(path, { readonly: true, fileMustExist: true }));
    // Matching reads many index ranges at once: map the file and keep a larger page cache.
    d.db.pragma('mmap_size = 268435456');
    d.db.pragma('cache_size = -65536');
    return d;
  }

  static openForImport(path: string): OsvDatabase {
    mkdirSync(dirname(path), { recursive: true });
    const d = OsvDatabase.wrap(path, () => new Database(path));
    d.db.pragma('journal_mode = WAL');
    d.db.pragma('synchronous = NORMAL');
    d.db.exec(`
      CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS advisory(id TEXT PRIMARY KEY, modified TEXT, withdrawn TEXT, aliases TEXT NOT NULL, summary TEXT, score REAL, cvss TEXT, label TEXT);
      -- Advisory fields are repeated per affected package (meta) so matching needs no join.
      CREATE TABLE IF NOT EXISTS affected(ecosystem TEXT NOT NULL, name TEXT NOT NULL, advisory TEXT NOT NULL, meta TEXT NOT NULL, data TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS affected_pkg ON affected(ecosystem, name);
      CREATE INDEX IF NOT EXISTS affected_adv ON affected(advisory);
      CREATE TABLE IF NOT EXISTS source(ecosystem TEXT PRIMARY KEY, file TEXT, records INTEGER, imported_at TEXT);
    `);
    d.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('schema_version', SCHEMA_VERSION);
    return d;
  }

  private static wrap(path: string, open: () => Database.Database): OsvDatabase {
    try {
      const db = open();
      const d = new OsvDatabase(path, db);
      const v = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() as string | undefined;
      if (v !== undefined && v !== SCHEMA_VERSION) throw new Error(`schema version ${v}, expected ${SCHEMA_VERSION}`);
      return d;
    } catch (e) {
      if (e instanceof HipaaGateError) throw e;
      const msg = (e as Error).message;
      // A fresh file for import has no meta table yet; anything else is damage.
      if (/no such table: meta/.test(msg)) return new OsvDatabase(path, open());
      throw new HipaaGateError('E_DB', `vulnerability database is unreadable or corrupted (${msg}); delete it and run hipaa-gate db import`, { file: path, cause: e });
    }
  }

  close(): void {
    this.db.close();
  }

  /** Import a per-ecosystem `all.zip`, a directory of them (`<Ecosystem>/all.zip`), or OSV JSON files. */
  async importPath(input: string, opts: { now?: Date; limits?: ZipLimits } = {}): Promise<ImportSummary> {
    const t0 = performance.now();
    const summary: ImportSummary = { files: 0, records: 0, skippedEntries: [], ms: 0 };
    const files = listInputs(input);
    if (files.length === 0) throw new HipaaGateError('E_DB', 'no OSV exports found (expected all.zip files or OSV .json records)', { file: input });
    const importedAt = (opts.now ?? new Date()).toISOString();
    for (const file of files) {
      const batch: OsvRecord[] = [];
      const perEcosystem = new Map<string, number>();
      const flush = () => {
        this.importRecords(batch, perEcosystem);
        summary.records += batch.length;
        batch.length = 0;
      };
      const take = (name: string, data: Buffer) => {
        let rec: OsvRecord;
        try {
          rec = JSON.parse(data.toString('utf8')) as OsvRecord;
        } catch {
          if (summary.skippedEntries.length < 1000) summary.skippedEntries.push(`${basename(file)}:${name}: not JSON`);
          return;
        }
        if (typeof rec?.id !== 'string') {
          if (summary.skippedEntries.length < 1000) summary.skippedEntries.push(`${basename(file)}:${name}: no "id"`);
          return;
        }
        batch.push(rec);
        if (batch.length >= 5000) flush();
      };
      if (file.endsWith('.zip')) await readZipEntries(file, take, opts.limits);
      else take(basename(file), readFileSync(file));
      flush();
      summary.files++;
      const source = this.db.prepare('INSERT OR REPLACE INTO source(ecosystem, file, records, imported_at) VALUES (?, ?, ?, ?)');
      for (const [eco, n] of perEcosystem) source.run(eco, file, n, importedAt);
    }
    this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('imported_at', importedAt);
    summary.ms = performance.now() - t0;
    return summary;
  }

  /** Upsert records: an advisory's affected rows are replaced as a whole. */
  importRecords(records: OsvRecord[], perEcosystem = new Map<string, number>()): void {
    const delAffected = this.db.prepare('DELETE FROM affected WHERE advisory = ?');
    const putAdvisory = this.db.prepare('INSERT OR REPLACE INTO advisory(id, modified, withdrawn, aliases, summary, score, cvss, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const putAffected = this.db.prepare('INSERT INTO affected(ecosystem, name, advisory, meta, data) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const r of records) {
        const best = bestScore([...(r.severity ?? []), ...(r.affected ?? []).flatMap((a) => a.severity ?? [])]);
        const label = typeof r.database_specific?.severity === 'string' ? r.database_specific.severity : undefined;
        delAffected.run(r.id);
        const summary = (r.summary ?? r.details ?? '').slice(0, 500);
        putAdvisory.run(r.id, r.modified ?? null, r.withdrawn ?? null, JSON.stringify(r.aliases ?? []), summary, best?.score ?? null, best?.vector ?? null, label ?? null);
        const meta: Meta = { aliases: r.aliases ?? [], summary, ...(r.withdrawn ? { withdrawn: r.withdrawn } : {}), ...(best ? { score: best.score, cvss: best.vector } : {}), ...(label ? { label } : {}) };
        const metaJson = JSON.stringify(meta);
        const seen = new Set<string>();
        for (const a of r.affected ?? []) {
          if (!a.package?.ecosystem || !a.package.name) continue;
          const eco = baseEcosystem(a.package.ecosystem);
          putAffected.run(eco, normalizeName(eco, a.package.name), r.id, metaJson, JSON.stringify(slim(a)));
          if (!seen.has(eco)) perEcosystem.set(eco, (perEcosystem.get(eco) ?? 0) + 1);
          seen.add(eco);
        }
      }
    })();
  }

  /** Advisories naming a package (any release of a distro ecosystem; the caller filters). */
  lookup(ecosystem: string, name: string): StoredAdvisory[] {
    return (this.stmtLookup().all(baseEcosystem(ecosystem), normalizeName(ecosystem, name)) as Row[]).map(toStored);
  }

  /**
   * Advisories for many packages of one ecosystem in a few queries (500 names each) instead of one
   * query per package; keyed by normalised name.
   */
  lookupMany(ecosystem: string, names: string[]): Map<string, StoredAdvisory[]> {
    const eco = baseEcosystem(ecosystem);
    const wanted = [...new Set(names.map((n) => normalizeName(eco, n)))];
    const out = new Map<string, StoredAdvisory[]>();
    try {
      for (let i = 0; i < wanted.length; i += 500) {
        const chunk = wanted.slice(i, i + 500);
        const rows = this.db
          .prepare(`SELECT name, advisory, meta, data FROM affected WHERE ecosystem = ? AND name IN (${chunk.map(() => '?').join(',')})`)
          .all(eco, ...chunk) as Array<Row & { name: string }>;
        for (const r of rows) {
          if (!out.has(r.name)) out.set(r.name, []);
          out.get(r.name)!.push(toStored(r));
        }
      }
    } catch (e) {
      throw new HipaaGateError('E_DB', `vulnerability database is unreadable or corrupted (${(e as Error).message})`, { file: this.path, cause: e });
    }
    return out;
  }

  private lookupStmt?: Database.Statement;
  private stmtLookup(): Database.Statement {
    try {
      return (this.lookupStmt ??= this.db.prepare(
        'SELECT name, advisory, meta, data FROM affected WHERE ecosystem = ? AND name = ?',
      ));
    } catch (e) {
      throw new HipaaGateError('E_DB', `vulnerability database is unreadable or corrupted (${(e as Error).message})`, { file: this.path, cause: e });
    }
  }

  /** When the data was imported (cheap: no counting). */
  importedAt(): string | undefined {
    try {
      return this.db.prepare("SELECT value FROM meta WHERE key = 'imported_at'").pluck().get() as string | undefined;
    } catch (e) {
      throw new HipaaGateError('E_DB', `vulnerability database is unreadable or corrupted (${(e as Error).message})`, { file: this.path, cause: e });
    }
  }

  status(now = new Date()): DbStatus {
    try {
      const importedAt = this.db.prepare("SELECT value FROM meta WHERE key = 'imported_at'").pluck().get() as string | undefined;
      const advisories = this.db.prepare('SELECT count(*) FROM advisory').pluck().get() as number;
      const affected = this.db.prepare('SELECT count(*) FROM affected').pluck().get() as number;
      const sources = this.db.prepare('SELECT ecosystem, file, records, imported_at FROM source ORDER BY ecosystem').all() as Array<{ ecosystem: string; file: string; records: number; imported_at: string }>;
      const ageDays = importedAt ? (now.getTime() - Date.parse(importedAt)) / 86_400_000 : undefined;
      return {
        path: this.path,
        ...(importedAt ? { importedAt } : {}),
        ...(ageDays !== undefined ? { ageDays } : {}),
        advisories,
        affected,
        ecosystems: sources.map((s) => ({ ecosystem: s.ecosystem, advisories: s.records, source: s.file, importedAt: s.imported_at })),
      };
    } catch (e) {
      throw new HipaaGateError('E_DB', `vulnerability database is unreadable or corrupted (${(e as Error).message})`, { file: this.path, cause: e });
    }
  }
}

interface Row {
  advisory: string;
  meta: string;
  data: string;
}

type Meta = Omit<StoredAdvisory, 'id' | 'affected'>;

function toStored(r: Row): StoredAdvisory {
  return { id: r.advisory, ...(JSON.parse(r.meta) as Meta), affected: JSON.parse(r.data) as OsvAffected };
}

/** Only what matching needs is stored per affected entry. */
function slim(a: OsvAffected): OsvAffected {
  return {
    package: a.package,
    ...(a.ranges ? { ranges: a.ranges } : {}),
    ...(a.versions ? { versions: a.versions } : {}),
  };
}

function listInputs(input: string): string[] {
  if (!existsSync(input)) throw new HipaaGateError('E_DB', 'no such file or directory', { file: input });
  if (statSync(input).isFile()) return [input];
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory() && depth < 2) walk(p, depth + 1);
      else if (e.isFile() && (e.name.endsWith('.zip') || (e.name.endsWith('.json') && e.name !== 'index.json'))) out.push(p);
    }
  };
  walk(input, 0);
  return out;
}
