import { existsSync, readFileSync, statSync } from 'node:fs';
import type { LedgerEntry } from './ledger.js';
import { asScanStatement } from './statement.js';
import type { TrendPoint } from './period.js';
import { trendOf } from './period.js';

const MAX_LEDGER_FOR_TREND = 256 * 1024 * 1024;

/**
 * Trend points read from a ledger for display only (the HTML report). Lines that do not parse are
 * skipped here; `evidence verify` is where integrity is judged.
 */
export function readTrend(file: string, limit = 200): TrendPoint[] {
  if (!existsSync(file) || statSync(file).size > MAX_LEDGER_FOR_TREND) return [];
  const runs = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      const e = JSON.parse(line) as LedgerEntry;
      if (e.type !== 'attestation' || !e.envelope) continue;
      const s = asScanStatement(JSON.parse(Buffer.from(e.envelope.payload, 'base64').toString('utf8')));
      if (s) runs.push({ seq: e.seq, time: e.time, statement: s });
    } catch {
      continue;
    }
  }
  return trendOf(runs.slice(-limit));
}
