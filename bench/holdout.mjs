#!/usr/bin/env node
// Held-out PHI corpora (test/fixtures/phi/holdout/<set>): repositories written, with their labels,
// by an author who never saw the detector's code. Scores recall per kind (a finding of the labelled
// kind overlapping the labelled value on its line) and the hard negatives flagged.
// Usage: npm run eval:phi -- --holdout   (or node bench/holdout.mjs [SET_DIR ...])
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOLDOUT_ROOT = fileURLToPath(new URL('../test/fixtures/phi/holdout/', import.meta.url));

const jsonl = (p) => readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

function files(dir, root = dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, root, out);
    else out.push(relative(root, p).split('\\').join('/'));
  }
  return out;
}

/** Scan every file of `set/tree` with the PHI scanner (in process) and score it against the labels. */
export async function scoreSet(setDir, scanner) {
  await scanner.init?.({});
  const tree = join(setDir, 'tree');
  const texts = new Map();
  const findings = [];
  for (const path of files(tree)) {
    const text = readFileSync(join(tree, path), 'utf8');
    texts.set(path, text.split('\n'));
    const artifact = { path, text, origin: { kind: 'worktree' }, size: Buffer.byteLength(text) };
    if (!scanner.appliesTo(path, artifact.size)) continue;
    for (const f of scanner.scan(artifact, { root: tree, options: {}, now: '2026-01-01T00:00:00.000Z', problem: () => {} })) findings.push({ path, f });
  }
  // Columns are 1-based and end-exclusive in findings; the labelled value's span on its line, likewise.
  // A value labelled twice on one line (an MRN in a photo's path and in its own column) is its first
  // occurrence the first time, its second the next, and so on.
  const seen = new Map();
  const span = (x) => {
    const line = texts.get(x.path)?.[x.line - 1] ?? '';
    const key = `${x.path}\0${x.line}\0${x.value}\0${x.kind ?? 'negative'}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    let c = line.indexOf(x.value);
    for (let i = 0; i < nth && c >= 0; i++) {
      const next = line.indexOf(x.value, c + 1);
      if (next < 0) break;
      c = next;
    }
    return c < 0 ? [1, Infinity] : [c + 1, c + 1 + x.value.length];
  };
  const on = (x) => {
    const [a, b] = span(x);
    return findings.filter(({ path, f }) => path === x.path && f.location.startLine === x.line && f.location.startColumn < b && f.location.endColumn > a);
  };
  // A label does not say which occurrence it means when its value appears more often on the line
  // than it is labelled (`2024-03-18 12:22:14 ... not eligible on DOS 2024-03-18`, whose author
  // never labels a line's own timestamp): it is found at any occurrence no earlier label took.
  const labels0 = jsonl(join(setDir, 'labels.jsonl'));
  const labelledTimes = new Map();
  const lineKey = (x) => `${x.path}\0${x.line}\0${x.value}\0${x.kind}`;
  for (const l of labels0) labelledTimes.set(lineKey(l), (labelledTimes.get(lineKey(l)) ?? 0) + 1);
  const taken = new Map();
  const anyOccurrence = (x) => {
    const line = texts.get(x.path)?.[x.line - 1] ?? '';
    const used = taken.get(lineKey(x)) ?? new Set();
    taken.set(lineKey(x), used);
    const all = [];
    for (let c = line.indexOf(x.value); c >= 0; c = line.indexOf(x.value, c + 1)) all.push(c);
    const ok = ({ path, f }, c) => path === x.path && f.location.startLine === x.line && f.location.startColumn < c + 1 + x.value.length && f.location.endColumn > c + 1 && f.ruleId === `phi/${x.kind}`;
    const c = all.find((c) => !used.has(c) && findings.some((h) => ok(h, c)));
    if (c === undefined) return undefined;
    used.add(c);
    return findings.filter((h) => ok(h, c));
  };
  const kinds = new Map();
  const misses = [];
  for (const l of labels0) {
    const k = kinds.get(l.kind) ?? { labels: 0, found: 0, otherKind: 0 };
    kinds.set(l.kind, k);
    k.labels++;
    const texts0 = texts.get(l.path)?.[l.line - 1] ?? '';
    const occurrences = texts0.split(l.value).length - 1;
    const hits = occurrences > labelledTimes.get(lineKey(l)) ? (anyOccurrence(l) ?? on(l)) : on(l);
    if (hits.some(({ f }) => f.ruleId === `phi/${l.kind}`)) k.found++;
    else if (hits.length > 0) k.otherKind++;
    else misses.push(l);
  }
  const negatives = jsonl(join(setDir, 'negatives.jsonl'));
  const flagged = negatives.filter((n) => on(n).length > 0);
  const labels = [...kinds.values()].reduce((n, k) => n + k.labels, 0);
  const found = [...kinds.values()].reduce((n, k) => n + k.found, 0);
  return { kinds, labels, found, recall: found / labels, negatives: negatives.length, flagged, misses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { scanner } = await import('../dist/scanners/phi/index.js');
  const { loadNames } = await import('../dist/scanners/phi/names.js');
  await loadNames();
  const sets = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const all = readdirSync(HOLDOUT_ROOT).map((s) => join(HOLDOUT_ROOT, s)).filter((d) => statSync(d).isDirectory());
  for (const dir of sets.length ? sets : all) {
    const r = await scoreSet(dir, scanner);
    console.log(`\nheld-out set ${relative(process.cwd(), dir)}: ${r.labels} labels, ${r.negatives} hard negatives\n`);
    console.log(`${'kind'.padEnd(24)} labels  found  other-kind  recall`);
    for (const [k, v] of [...r.kinds].sort()) console.log(`${k.padEnd(24)} ${String(v.labels).padStart(6)} ${String(v.found).padStart(6)} ${String(v.otherKind).padStart(11)}  ${(v.found / v.labels).toFixed(3)}`);
    console.log(`${'ALL'.padEnd(24)} ${String(r.labels).padStart(6)} ${String(r.found).padStart(6)} ${''.padStart(11)}  ${r.recall.toFixed(3)}`);
    console.log(`hard negatives flagged: ${r.flagged.length} of ${r.negatives}`);
    if (process.argv.includes("-v")) for (const m of r.misses) console.log(`  missed ${m.kind} ${m.path}:${m.line}`);
    if (process.argv.includes("-v")) for (const n of r.flagged) console.log(`  flagged ${n.path}:${n.line} (${n.why})`);
  }
}
