import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { LedgerEntry } from './ledger.js';
import { asScanStatement } from './statement.js';
import type { TrendPoint } from './period.js';
import { trendOf } from './period.js';

/** Only the tail is read: a chart of the latest runs needs neither the whole ledger nor its verification. */
const TAIL_BYTES = 16 * 1024 * 1024;

function readTailText(file: string): string {
  const size = statSync(file).size;
  const start = Math.max(0, size - TAIL_BYTES);
  const buf = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, buf.length, start);
  } finally {
    closeSync(fd);
  }
  const text = buf.toString('utf8');
  // Drop the first, probably partial, line when starting mid-file.
  return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
}

/**
 * Trend points read from a ledger for display only (the HTML report). Lines that do not parse are
 * skipped here; `evidence verify` is where integrity is judged.
 */
export function readTrend(file: string, limit = 200): TrendPoint[] {
  if (!existsSync(file)) return [];
  const runs = [];
  for (const line of readTailText(file).split('\n')) {
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
