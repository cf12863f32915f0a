import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { HipaaGateError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic.js';
import type { KeyRing } from './dsse.js';
import type { SigningKey } from './keys.js';
import { entryLine, makeEntry, verifyLedgerText, type LedgerEntry } from './ledger.js';
import { withFileLock } from './lock.js';
import { reportsDir } from './paths.js';
import { asScanStatement } from './statement.js';

export interface PruneOptions {
  file: string;
  before: Date;
  now: Date;
  retentionYears: number;
  key: SigningKey;
  keys: KeyRing;
  /** Write the removed lines here first (atomically) so nothing is lost by accident. */
  archive?: string;
}

export interface PruneResult {
  removed: number;
  anchorSeq?: number;
  entry?: LedgerEntry;
}

/** The oldest instant whose entries may be pruned: now minus the retention period, in calendar years. */
export function retentionCutoff(now: Date, years: number): Date {
  const d = new Date(now.getTime());
  const whole = Math.floor(years);
  d.setUTCFullYear(d.getUTCFullYear() - whole);
  return new Date(d.getTime() - Math.round((years - whole) * 365.25 * 86_400_000));
}

/**
 * Drop entries older than `before`, keeping the newest dropped one as a signed anchor (its peaks
 * let the kept entries' roots still be recomputed) and appending a signed prune record that names
 * the anchor. Refuses to touch anything inside the retention period.
 */
export function pruneLedger(o: PruneOptions): PruneResult {
  const cutoff = retentionCutoff(o.now, o.retentionYears);
  if (o.before.getTime() > cutoff.getTime()) {
    throw new HipaaGateError('E_EVIDENCE', `refusing to prune inside the retention period (${o.retentionYears} years, 45 CFR 164.316(b)(2)(i)): --before must be on or before ${cutoff.toISOString().slice(0, 10)}`);
  }
  return withFileLock(o.file, () => {
    const text = readFileSync(o.file, 'utf8');
    const report = verifyLedgerText(text, o.keys);
    if (!report.ok) throw new HipaaGateError('E_EVIDENCE', `refusing to prune a ledger that does not verify: ${report.problem!.reason}`, { file: o.file, line: report.problem!.line });
    const list = report.entries;
    let k = -1;
    for (let i = 0; i < list.length; i++) if (Date.parse(list[i]!.entry.time) < o.before.getTime()) k = i;
    // Index k becomes the anchor; nothing is removed unless it moves past the current first line.
    if (k <= 0) return { removed: 0 };
    const lines = text.split('\n').slice(0, -1);
    if (o.archive) writeFileAtomic(o.archive, lines.slice(0, k).join('\n') + '\n');
    const anchor = list[k]!;
    const last = list.at(-1)!.entry;
    const entry = makeEntry(last, {
      type: 'prune',
      time: o.now.toISOString(),
      data: {
        before: o.before.toISOString(),
        retentionYears: o.retentionYears,
        removedEntries: k,
        removedSeqs: [list[0]!.entry.seq, anchor.entry.seq - 1],
        anchorSeq: anchor.entry.seq,
        anchorHash: anchor.hash,
        rootBeforePrune: last.root,
      },
    }, o.key);
    writeFileAtomic(o.file, [...lines.slice(k), entryLine(entry)].join('\n') + '\n');
    removeOrphanReports(o.file, list.slice(k).map((v) => v.statement));
    return { removed: k, anchorSeq: anchor.entry.seq, entry };
  });
}

function removeOrphanReports(ledger: string, kept: Array<Record<string, unknown> | undefined>): void {
  const keep = new Set(kept.map((s) => asScanStatement(s)?.predicate.report.digest.sha256).filter(Boolean));
  let names: string[] = [];
  try {
    names = readdirSync(reportsDir(ledger));
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^([0-9a-f]{64})\.json$/.exec(n);
    if (m && !keep.has(m[1]!)) rmSync(`${reportsDir(ledger)}/${n}`, { force: true });
  }
}
