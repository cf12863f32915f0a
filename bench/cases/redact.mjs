// The redaction case: `hipaa-gate redact` over generated application logs (standard input to
// standard output), in MB/s. The logs are synthetic: a seeded generator, fabricated identifiers.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, cliPath, mb, measure, rate, round, why } from '../lib.mjs';

const TARGET_BYTES = 32 * 1024 * 1024;

/** Small deterministic PRNG (mulberry32) so every run redacts the same text. */
export function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST = ['Adebayo', 'Maria', 'Wei', 'Ingrid', 'Priya', 'Tomasz', 'Aiyana', 'Kenji', 'Fatima', 'Lucas'];
export const LAST = ['Okafor', 'Gonzalez', 'Chen', 'Larsen', 'Raman', 'Kowalski', 'Begay', 'Watanabe', 'Haddad', 'Moreau'];

export function makeLogs(bytes, seed = 42) {
  const r = prng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const num = (n) => String(Math.floor(r() * 10 ** n)).padStart(n, '0');
  const lines = [];
  let size = 0;
  let t = Date.UTC(2024, 2, 11, 8, 0, 0);
  while (size < bytes) {
    t += Math.floor(r() * 900);
    const ts = new Date(t).toISOString();
    const k = r();
    let line;
    // Most log lines carry no PHI, as in real services; a minority leak an identifier.
    if (k < 0.7) line = `${ts} INFO  http GET /api/v1/appointments/${num(6)} 200 ${num(2)}ms req=${num(8)}`;
    else if (k < 0.8) line = `${ts} DEBUG db query patients.byMrn mrn=MRN-${num(8)} rows=1`;
    else if (k < 0.87) line = `${ts} WARN  intake patient=${pick(FIRST)} ${pick(LAST)} dob=${1930 + Math.floor(r() * 70)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)} missing insurance`;
    else if (k < 0.92) line = `${ts} ERROR billing ssn=${100 + Math.floor(r() * 500)}-${10 + Math.floor(r() * 89)}-${1000 + Math.floor(r() * 8999)} claim rejected`;
    else if (k < 0.96) line = `${ts} INFO  notify sms to (${200 + Math.floor(r() * 700)}) ${200 + Math.floor(r() * 700)}-${num(4)} sent`;
    else line = `${ts} INFO  mail to ${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}${num(2)}@gmail.com queued`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

export async function run() {
  const input = join(benchDir, 'redact-input.log');
  if (!existsSync(input) || statSync(input).size < TARGET_BYTES) writeFileSync(input, makeLogs(TARGET_BYTES));
  const bytes = statSync(input).size;
  const r = await measure(process.execPath, [cliPath, 'redact'], { stdinFile: input });
  if (r.status !== 0) return { status: r.stderr.includes('not available') ? 'skipped' : 'failed', why: why(r) };
  const inLines = readFileSync(input, 'utf8').split('\n').length;
  const outLines = r.stdout.split('\n').length;
  const metrics = { bytes, wallMs: Math.round(r.wallMs), MBps: round(rate(mb(bytes), r.wallMs)), peakRssMB: round(r.peakRssMB), linesKept: inLines === outLines };
  return {
    status: 'ok',
    metrics,
    notes: inLines === outLines ? [] : [`redact changed the line count: ${inLines} in, ${outLines} out`],
    rows: [{ tool: 'redact (synthetic logs)', bytes, wallS: round(r.wallMs / 1000, 2), MBps: metrics.MBps, peakRssMB: metrics.peakRssMB }],
  };
}
