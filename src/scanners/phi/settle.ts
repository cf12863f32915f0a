/**
 * The second half of detection: candidates found by the recognizers and the structure readers are
 * settled into what is reported. A field's key overrules an inline label (dropAgainstStructure),
 * overlaps keep the stronger candidate (merge), documented test values and test records are marked
 * (testValues, syntheticRecords), and a weak value beside a name, MRN or SSN in its record is
 * raised (coOccur).
 */
import { antiLabelled } from './labels.js';
import { BY_KIND, RECOGNIZERS } from './recognizers/index.js';
import { documentedTestName } from './synthetic.js';
import type { Field } from './structure/types.js';
import type { Detection } from './types.js';

/**
 * The structure knows better than an inline label: a free-text hit inside a field whose key says
 * "not this kind" (`author.email`, a FHIR Practitioner's name) is dropped.
 */
/**
 * Fields made for free text: a value inside one is judged as text, not by the field's label. Not a
 * `description`, which as often describes a product (`Maria Gonzalez Kitchen Towels`).
 */
const PROSE_LABEL_RE = /(?:^|_)(?:comments?|notes?|remarks?|narrative|memo|message|body)$/;

export function dropAgainstStructure(ds: Detection[], fields: Field[]): Detection[] {
  // Of fields that start together (an NPI at the start of its provider field), the widest sorts
  // last and is the one found: it is the one that contains what follows.
  const sorted = [...fields].sort((a, b) => a.start - b.start || a.end - b.end);
  const starts = sorted.map((f) => f.start);
  return ds.filter((d) => {
    let lo = 0;
    let hi = starts.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= d.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const f = at >= 0 ? sorted[at] : undefined;
    if (!f || d.start >= f.end) return true;
    if (f.nonPatient && d.kind !== 'npi' && d.kind !== 'dea-number' && d.kind !== 'medical-license') return false;
    // A long free-text field (a ticket's description, a note) holds prose: its label says what the
    // field is, not what every name or number written inside it is.
    if (f.end - f.start > 80 && d.end - d.start < (f.end - f.start) / 2) return true;
    // So does a note or comment cell, however short (`called Anjali Kulkarni re: results`).
    if (PROSE_LABEL_RE.test(f.label) && d.end - d.start < f.end - f.start) return true;
    return !antiLabelled(BY_KIND.get(d.kind)?.antiLabels, f.label);
  });
}

/**
 * Documented test values (`123-45-6789`, `John Doe`), judged only for the candidates that survived
 * the merge: most free-text candidates overlap another and are dropped there.
 */
export function testValues(ds: Detection[]): Detection[] {
  for (const d of ds) testValue(d);
  return ds;
}

export function testValue(d: Detection): boolean {
  if (!d.synthetic) d.synthetic = BY_KIND.get(d.kind)?.synthetic?.(d.value) ?? false;
  return d.synthetic;
}

/** "John" and "Doe" in separate columns are still John Doe: judge test names per record. */
export function syntheticRecords(ds: Detection[], fields: readonly Field[], text: string): Detection[] {
  const names = new Map<string | number, Detection[]>();
  for (const d of ds) {
    if (d.kind !== 'person-name') continue;
    const g = names.get(d.record);
    if (g) g.push(d);
    else names.set(d.record, [d]);
  }
  const test = BY_KIND.get('person-name')!.synthetic!;
  const testRecords = new Set<string | number>();
  for (const [record, group] of names) {
    const values = group.map((d) => d.value);
    if (values.some(documentedTestName) || (group.length >= 2 && documentedTestName(values.join(' ')))) testRecords.add(record);
    if (group.some((d) => d.synthetic)) {
      if (group.length <= 3) for (const d of group) d.synthetic = true;
      continue;
    }
    if (group.length < 2) continue;
    if (test(values.join(' ')) || test([...values].reverse().join(' '))) for (const d of group) d.synthetic = true;
  }
  // A name column or key holding "TEST" or "Test Patient" is never reported itself, but it still
  // says what the record is.
  const nameRecognizer = BY_KIND.get('person-name')!;
  for (const f of fields) {
    if (testRecords.has(f.record) || f.end - f.start > 80 || !nameRecognizer.labels!.test(f.label) || antiLabelled(nameRecognizer.antiLabels, f.label)) continue;
    if (documentedTestName(f.value ?? text.slice(f.start, f.end))) testRecords.add(f.record);
  }
  // A record about "Jane Doe" or "Test Child" is test data: its birth date and phone are too.
  for (const d of ds) if (testRecords.has(d.record)) d.synthetic = true;
  return ds;
}

/** Overlapping candidates: keep the higher score (then the longer span). */
export function merge(ds: Detection[]): Detection[] {
  ds.sort((a, b) => a.start - b.start || b.score - a.score || b.end - a.end);
  const out: Detection[] = [];
  for (const d of ds) {
    const last = out[out.length - 1];
    if (last && d.start < last.end) {
      // The same value found as free text and as a field: the field's record (a YAML item, a CSV
      // row) is the one co-occurrence should see, not the line.
      if (d.start === last.start && d.end === last.end && d.score === last.score && typeof last.record === 'number' && typeof d.record === 'string') {
        out[out.length - 1] = d;
        continue;
      }
      // A URL or address that contains an MRN or ZIP: the container is the identifier to mask.
      if (d.end <= last.end && last.score >= 0.55) continue;
      if (d.score > last.score || (d.score === last.score && d.end - d.start > last.end - last.start)) out[out.length - 1] = d;
      continue;
    }
    out.push(d);
  }
  return out;
}

const ANCHORS = new Set(RECOGNIZERS.filter((r) => r.anchor).map((r) => r.kind));
const BOOSTABLE = new Set(RECOGNIZERS.filter((r) => r.boostable).map((r) => r.kind));
const ANCHOR_MIN = 0.55;

/** A bare date, phone or email is not PHI; beside a name, MRN or SSN in the same record it is. */
export function coOccur(ds: Detection[], synthetic: (d: Detection) => boolean): Detection[] {
  // Only records with a value that could be raised need their anchors counted (a value below
  // ANCHOR_MIN is never an anchor itself, so a boost always comes from another detection).
  let raisable: Set<string | number> | undefined;
  for (const d of ds) if (d.score < ANCHOR_MIN && BOOSTABLE.has(d.kind)) (raisable ??= new Set()).add(d.record);
  if (!raisable) return ds;
  const anchored = new Set<string | number>();
  for (const d of ds) if (raisable.has(d.record) && ANCHORS.has(d.kind) && d.score >= ANCHOR_MIN && !synthetic(d)) anchored.add(d.record);
  for (const d of ds) if (d.score < ANCHOR_MIN && BOOSTABLE.has(d.kind) && anchored.has(d.record)) d.score = Math.min(0.85, d.score + 0.35);
  return ds;
}
