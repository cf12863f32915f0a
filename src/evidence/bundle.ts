import { existsSync, readFileSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { sha256Hex } from '../core/hash.js';
import type { ScanResult } from '../core/types.js';
import { renderHtml } from '../report/html.js';
import { render } from '../report/index.js';
import { verifyEnvelope, type KeyRing } from './dsse.js';
import { keyIdOf, publicKeyPem } from './keys.js';
import { verifyLedgerText, type VerifiedEntry } from './ledger.js';
import { reportPath } from './paths.js';
import { controlMatrix, runsOf, trendOf, waiverHistory, type MatrixRow, type Run, type WaiverHistory } from './period.js';
import { asScanStatement } from './statement.js';
import { VERIFY_MD } from './verify-doc.js';
import { writeZip } from './zip.js';

export interface ExportOptions {
  ledger: string;
  keys: KeyRing;
  since: Date;
  until: Date;
  now?: Date;
}

export interface ExportSummary {
  runs: number;
  passed: number;
  failed: number;
  fromSeq?: number;
  toSeq?: number;
  files: string[];
  sboms: number;
  warnings: string[];
}

const MAX_SBOMS = 20;

function csvCell(v: unknown): string {
  const s = String(v ?? '');
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function matrixCsv(rows: MatrixRow[]): string {
  const head = ['citation', 'title', 'safeguard', 'specification', 'class', 'runs_evaluated', 'passed', 'failed', 'first_failed', 'last_failed', 'fixed_at', 'last_status'];
  return [head.join(','), ...rows.map((r) => [r.id, r.title, r.safeguard, r.required ? 'required' : 'addressable', r.class, r.runs, r.passed, r.failed, r.firstFailed, r.lastFailed, r.fixedAt, r.lastStatus].map(csvCell).join(','))].join('\n') + '\n';
}

const mdCell = (s: unknown) => String(s ?? '').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

function matrixMd(rows: MatrixRow[], since: Date, until: Date, runs: number): string {
  const count = (c: string) => rows.filter((r) => r.class === c).length;
  return [
    `# HIPAA control matrix, ${since.toISOString().slice(0, 10)} to ${until.toISOString().slice(0, 10)}`,
    '',
    `${runs} attested runs. ${count('evidenced')} controls evidenced automatically, ${count('fixed')} failed and were fixed, ${count('failing')} failing at the end of the period, ${count('not-evaluated')} had rules that did not run, ${count('manual')} need a manual attestation.`,
    '',
    '| Citation | Control | Safeguard | Class | Runs | Passed | Failed | Fixed at |',
    '|---|---|---|---|---:|---:|---:|---|',
    ...rows.map((r) => `| ${mdCell(r.id)} | ${mdCell(r.title)} | ${r.safeguard} | ${r.class} | ${r.runs} | ${r.passed} | ${r.failed} | ${r.fixedAt?.slice(0, 10) ?? ''} |`),
    '',
  ].join('\n');
}

function waiversMd(list: WaiverHistory[]): string {
  const out = ['# Waivers and their history', ''];
  if (!list.length) out.push('No waivers were configured in any attested run of the period.');
  for (const w of list) {
    const scope = Object.entries(w.scope).map(([k, v]) => `${k} \`${mdCell(v)}\``).join(', ');
    out.push(`## ${scope} (${w.status})`, '', '| Reason | Approved by | Expires | First seen | Last seen | Runs | Findings waived | Runs after expiry |', '|---|---|---|---|---|---:|---:|---:|');
    for (const v of w.versions) out.push(`| ${mdCell(v.reason)} | ${mdCell(v.approvedBy)} | ${v.expires} | ${v.firstSeen.slice(0, 10)} | ${v.lastSeen.slice(0, 10)} | ${v.runs} | ${v.applied} | ${v.expiredIn} |`);
    out.push('');
  }
  return out.join('\n');
}

function storedReport(ledger: string, digest: string | undefined): { text: string; result: ScanResult } | undefined {
  if (!digest) return undefined;
  const p = reportPath(ledger, digest);
  if (!existsSync(p)) return undefined;
  const text = readFileSync(p, 'utf8');
  // Only a report that matches its signed digest goes into the bundle.
  if (sha256Hex(text) !== digest) return undefined;
  try {
    return { text, result: JSON.parse(text) as ScanResult };
  } catch {
    return undefined;
  }
}

/** Ledger lines from the first to the last run of the period, plus the entry before, which anchors the Merkle roots. */
function segmentOf(text: string, entries: VerifiedEntry[], runs: Run[]): { lines: string[]; entries: VerifiedEntry[] } {
  if (!runs.length) return { lines: [], entries: [] };
  const lines = text.split('\n').slice(0, -1);
  const seqs = runs.map((r) => r.seq);
  const first = entries.findIndex((v) => v.entry.seq === Math.min(...seqs));
  const last = entries.findIndex((v) => v.entry.seq === Math.max(...seqs));
  const start = first > 0 ? first - 1 : 0;
  return { lines: lines.slice(start, last + 1), entries: entries.slice(start, last + 1) };
}

export async function exportBundle(o: ExportOptions): Promise<{ zip: Uint8Array; summary: ExportSummary }> {
  const now = o.now ?? new Date();
  const text = readFileSync(o.ledger, 'utf8');
  const report = verifyLedgerText(text, o.keys);
  if (!report.ok) throw Object.assign(new Error(`the ledger does not verify at line ${report.problem!.line}: ${report.problem!.reason}`), { line: report.problem!.line });
  const runs = runsOf(report.entries, o.since, o.until);
  const seg = segmentOf(text, report.entries, runs);
  const files: Record<string, string | Uint8Array> = {};
  const warnings: string[] = [];
  const matrix = controlMatrix(runs);
  const waivers = waiverHistory(runs);
  files['control-matrix.json'] = JSON.stringify({ since: o.since.toISOString(), until: o.until.toISOString(), runs: runs.length, controls: matrix }, null, 2) + '\n';
  files['control-matrix.csv'] = matrixCsv(matrix);
  files['control-matrix.md'] = matrixMd(matrix, o.since, o.until, runs.length);
  files['waivers.json'] = JSON.stringify(waivers, null, 2) + '\n';
  files['waivers.md'] = waiversMd(waivers);
  if (seg.lines.length) files['ledger/segment.jsonl'] = seg.lines.join('\n') + '\n';
  const usedKeys = new Set<string>();
  const inPeriod = new Set(runs.map((r) => r.seq));
  for (const v of seg.entries) {
    usedKeys.add(v.entry.head.keyid);
    v.entry.envelope?.signatures.forEach((s) => usedKeys.add(s.keyid));
    if (v.entry.envelope && inPeriod.has(v.entry.seq)) files[`attestations/${String(v.entry.seq).padStart(6, '0')}.intoto.dsse.json`] = JSON.stringify(v.entry.envelope, null, 2) + '\n';
  }
  for (const id of usedKeys) {
    const k = o.keys.get(id) as KeyObject;
    files[`keys/${id.slice(0, 16)}.pub.pem`] = publicKeyPem(k);
  }
  const lastEntry = seg.entries.at(-1)?.entry;
  files['ledger/segment.json'] = JSON.stringify({
    since: o.since.toISOString(), until: o.until.toISOString(), exportedAt: now.toISOString(),
    anchorSeq: seg.entries[0] && seg.entries[0].entry.seq !== runs[0]?.seq ? seg.entries[0].entry.seq : undefined,
    firstSeq: runs[0]?.seq, lastSeq: lastEntry?.seq,
    segmentRoot: lastEntry?.root, ledgerSize: report.size, ledgerRoot: report.root, keyids: [...usedKeys],
  }, null, 2) + '\n';
  // Reports of the period (masked values only), the HTML of the latest, SBOMs per commit.
  let latest: { result: ScanResult } | undefined;
  const sbomFor = new Map<string, ScanResult>();
  for (const r of runs) {
    const rep = storedReport(o.ledger, r.statement.predicate.report.digest.sha256);
    if (!rep) {
      warnings.push(`the full report of run #${r.seq} is not stored beside the ledger; only its attestation is included`);
      continue;
    }
    files[`reports/${String(r.seq).padStart(6, '0')}.json`] = rep.text;
    latest = rep;
    sbomFor.set(r.statement.subject.find((s) => s.digest.gitCommit)?.digest.gitCommit ?? `run-${r.seq}`, rep.result);
  }
  if (latest) files['report.html'] = renderHtml(latest.result, { trend: trendOf(runs) });
  else warnings.push('no full report of the period is stored; report.html is omitted');
  let sboms = 0;
  for (const [id, result] of [...sbomFor].slice(-MAX_SBOMS)) {
    // Only runs that inventoried packages have an SBOM worth keeping.
    if (!result.inventory?.packages?.length) continue;
    try {
      const bom = await render(result, 'cyclonedx');
      files[`sboms/${id.slice(0, 12)}.cdx.json`] = bom;
      sboms++;
    } catch {
      // The CycloneDX format may be unavailable or may need data this report lacks: no SBOM then.
    }
  }
  const passed = runs.filter((r) => r.statement.predicate.gate.passed).length;
  files['README.md'] = [
    '# hipaa-gate auditor bundle',
    '',
    `Period: ${o.since.toISOString()} to ${o.until.toISOString()} (exported ${now.toISOString()}).`,
    `Attested runs: ${runs.length} (${passed} passed the gate, ${runs.length - passed} failed).`,
    `Ledger entries in this segment: ${seg.entries.length ? `#${seg.entries[0]!.entry.seq} to #${lastEntry!.seq}` : 'none'}; full ledger size ${report.size}, root ${report.root || '(empty)'}.`,
    `Signing key ids: ${[...usedKeys].join(', ') || '(none)'}.`,
    '',
    '- `report.html`: the latest run of the period, with the trend over the period.',
    '- `control-matrix.*`: every Security Rule control: evidenced automatically and how often, failed and fixed, failing, or needing a manual attestation.',
    '- `waivers.*`: every waiver with reason, approver, expiry and how each changed.',
    '- `attestations/`: the signed in-toto statements (DSSE envelopes) of each run; `reports/`: the full JSON reports they certify.',
    '- `ledger/`: the ledger segment and `keys/` the public keys; see VERIFY.md.',
    '- `sboms/`: CycloneDX SBOMs of the period, when available.',
    ...(warnings.length ? ['', 'Notes:', ...warnings.map((w) => `- ${w}`)] : []),
    '',
  ].join('\n');
  files['VERIFY.md'] = VERIFY_MD;
  const names = Object.keys(files).sort();
  files['MANIFEST.sha256'] = names.map((n) => `${sha256Hex(typeof files[n] === 'string' ? Buffer.from(files[n] as string) : (files[n] as Uint8Array))}  ${n}`).join('\n') + '\n';
  return {
    zip: writeZip(files, now),
    summary: { runs: runs.length, passed, failed: runs.length - passed, fromSeq: runs[0]?.seq, toSeq: runs.at(-1)?.seq, files: [...names, 'MANIFEST.sha256'], sboms, warnings },
  };
}

export interface BundleCheck {
  files: number;
  runs: number;
  keyids: string[];
  usedBundledKeys: boolean;
}

/**
 * Check a bundle offline: zip CRCs, the manifest hashes (no missing or extra files), the ledger
 * segment chain and signatures, each attestation against the ledger, each report against its
 * signed digest. Trusted keys should come from outside the bundle; the bundled keys are only used
 * when none are given (and the caller says so).
 */
export function verifyBundleFiles(files: Record<string, Uint8Array>, trusted?: KeyRing): BundleCheck {
  const text = (n: string) => Buffer.from(files[n]!).toString('utf8');
  if (!files['MANIFEST.sha256']) throw new Error('MANIFEST.sha256 is missing');
  const listed = new Map<string, string>();
  for (const [i, line] of text('MANIFEST.sha256').split('\n').entries()) {
    if (!line) continue;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) throw new Error(`MANIFEST.sha256 line ${i + 1} is malformed`);
    listed.set(m[2]!, m[1]!);
  }
  for (const name of Object.keys(files)) {
    if (name === 'MANIFEST.sha256') continue;
    const want = listed.get(name);
    if (!want) throw new Error(`${name} is not listed in MANIFEST.sha256 (added after export)`);
    if (sha256Hex(files[name]!) !== want) throw new Error(`${name} does not match its sha256 in MANIFEST.sha256 (altered)`);
  }
  for (const name of listed.keys()) if (!files[name]) throw new Error(`${name} is listed in MANIFEST.sha256 but missing`);
  let keys = trusted;
  const bundled: KeyRing = new Map();
  for (const n of Object.keys(files).filter((f) => f.startsWith('keys/'))) {
    const k = createPublicKey(text(n));
    bundled.set(keyIdOf(k), k);
  }
  const usedBundledKeys = !keys || keys.size === 0;
  if (usedBundledKeys) keys = bundled;
  let runs = 0;
  if (files['ledger/segment.jsonl']) {
    const r = verifyLedgerText(text('ledger/segment.jsonl'), keys!, { segment: true });
    if (!r.ok) throw new Error(`ledger/segment.jsonl line ${r.problem!.line}: ${r.problem!.reason}`);
    const bySeq = new Map(r.entries.map((v) => [v.entry.seq, v]));
    for (const n of Object.keys(files).filter((f) => f.startsWith('attestations/'))) {
      const seq = Number(/(\d+)\.intoto/.exec(n)?.[1]);
      const v = bySeq.get(seq);
      if (!v?.entry.envelope) throw new Error(`${n} has no entry in the ledger segment`);
      const env = JSON.parse(text(n));
      verifyEnvelope(env, keys!);
      if (JSON.stringify(env) !== JSON.stringify(v.entry.envelope)) throw new Error(`${n} differs from ledger entry #${seq}`);
      const s = asScanStatement(JSON.parse(verifyEnvelope(env, keys!).toString('utf8')));
      const rep = files[`reports/${String(seq).padStart(6, '0')}.json`];
      if (rep && s && sha256Hex(rep) !== s.predicate.report.digest.sha256) throw new Error(`reports/${String(seq).padStart(6, '0')}.json does not match the digest signed in its attestation`);
      runs++;
    }
  }
  return { files: Object.keys(files).length, runs, keyids: [...keys!.keys()], usedBundledKeys };
}
