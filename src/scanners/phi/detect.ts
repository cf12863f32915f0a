/**
 * The PHI detection core shared by the scanner and `redact`: free-text candidates from each
 * recognizer's pattern, judged with inline labels and clinical context, plus structured fields
 * judged by their key; then overlaps are merged and co-occurrence raises values that sit beside a
 * name, MRN or SSN in the same record.
 */
import { codeSpans, inSpans } from './code.js';
import { CLINICAL_PATH_RE, inlineLabel, PATIENT_RE } from './labels.js';
import { RECOGNIZERS } from './recognizers/index.js';
import type { Field } from './structure/types.js';
import type { Detection, JudgeContext, Recognizer, TextClass } from './types.js';

export interface DetectOptions {
  path?: string;
  textClass: TextClass;
  nowYear: number;
  /** Structured fields of the file (from structure/). */
  fields?: Field[];
  /** The whole file is clinical (HL7, FHIR): every value has patient context. */
  clinical?: boolean;
  /** Only these kinds (default: all). */
  kinds?: ReadonlySet<string>;
  /** Value mode: the text is the value of a field of these kinds (Presidio-style bare tokens). */
  valueKinds?: readonly string[];
}

/** Signals that a file is about patients; without one, only standalone kinds run at full weight. */
const CLINICAL_SIGNAL_RE =
  /\b(?:patients?|mrn|dob|date[ _]of[ _]birth|birth_?date|ssn|social security|medicare|medicaid|diagnos[ie]s|hl7|fhir|ehr|emr|beneficiary|insured|npi|hipaa|phi|admission|admit(?:ted)?|discharged?|icd-?10|encounter|clinic(?:al)?|hospital|chart|prescription|allerg(?:y|ies)|pharmacy|physician|guarantor|member[ _]?id)\b/i;

const MIN_KEEP = 0.15;
/** Penalty when a non-standalone kind is found in a file with no clinical signal at all. */
const NO_SIGNAL_PENALTY = 0.2;

export function detect(text: string, opts: DetectOptions): Detection[] {
  const recs = RECOGNIZERS.filter((r) => !opts.kinds || opts.kinds.has(r.kind));
  if (opts.valueKinds) return detectValues(text, recs.filter((r) => opts.valueKinds!.includes(r.kind)), opts);
  const clinicalFile = opts.clinical === true || (opts.path !== undefined && CLINICAL_PATH_RE.test(opts.path));
  const signal = clinicalFile || CLINICAL_SIGNAL_RE.test(text);
  const spans = opts.textClass === 'code' ? codeSpans(text, opts.path ?? '') : undefined;
  const out: Detection[] = [];
  const patientCache = new Map<number, boolean>();
  const patientAt = (lineStart: number, lineEnd: number): boolean => {
    if (clinicalFile) return true;
    let v = patientCache.get(lineStart);
    if (v === undefined) {
      // The line itself, or the line above (a "Patient:" heading over its details).
      const prevStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
      v = PATIENT_RE.test(text.slice(prevStart, lineEnd));
      patientCache.set(lineStart, v);
    }
    return v;
  };

  for (const r of recs) {
    if (!r.pattern) continue;
    if (!signal && !r.standalone && opts.textClass === 'code') continue;
    if (r.trigger && !r.trigger.test(text)) continue;
    const re = new RegExp(r.pattern.source, r.pattern.flags);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const g = groupOf(m);
      if (!g) continue;
      let [start, end] = g;
      if (r.trim) {
        const t = r.trim(text.slice(start, end));
        if (!t) continue;
        [start, end] = [start + t[0], start + t[1]];
      }
      if (spans && !inSpans(spans, start)) continue;
      const ls = text.lastIndexOf('\n', start - 1) + 1;
      let le = text.indexOf('\n', start);
      if (le === -1) le = text.length;
      const line = text.slice(ls, le);
      const col = start - ls;
      const label = inlineLabel(line, col);
      if (label && r.antiLabels?.test(label)) continue;
      const value = text.slice(start, end);
      const ctx: JudgeContext = {
        label,
        labelled: label !== undefined && (r.labels?.test(label) ?? false),
        structured: false,
        patient: patientAt(ls, le),
        textClass: opts.textClass,
        line,
        col,
        nowYear: opts.nowYear,
      };
      let score = r.judge(value, ctx);
      if (!signal && !r.standalone) score -= NO_SIGNAL_PENALTY;
      if (score < MIN_KEEP) continue;
      out.push({ kind: r.kind, start, end, value, score, record: `L${ls}`, synthetic: r.synthetic?.(value) ?? false, ...(label ? { label } : {}) });
    }
  }

  const fields = opts.fields ?? [];
  if (fields.length > 0) {
    const kept = dropAgainstStructure(out, fields);
    out.length = 0;
    out.push(...kept);
  }
  for (const f of fields) {
    const d = judgeField(text, f, recs, opts, clinicalFile || !f.nonPatient);
    if (d) {
      if (!signal && !BY_STANDALONE.has(d.kind)) d.score -= NO_SIGNAL_PENALTY;
      if (d.score >= MIN_KEEP) out.push(d);
    }
  }
  return syntheticRecords(coOccur(merge(out)));
}

const BY_KIND_LOCAL = new Map(RECOGNIZERS.map((r) => [r.kind, r]));

/**
 * The structure knows better than an inline label: a free-text hit inside a field whose key says
 * "not this kind" (`author.email`, a FHIR Practitioner's name) is dropped.
 */
function dropAgainstStructure(ds: Detection[], fields: Field[]): Detection[] {
  const sorted = [...fields].sort((a, b) => a.start - b.start);
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
    return !(BY_KIND_LOCAL.get(d.kind)?.antiLabels?.test(f.label) ?? false);
  });
}

/** "John" and "Doe" in separate columns are still John Doe: judge test names per record. */
function syntheticRecords(ds: Detection[]): Detection[] {
  const names = new Map<string, Detection[]>();
  for (const d of ds) if (d.kind === 'person-name') names.set(d.record, [...(names.get(d.record) ?? []), d]);
  const test = BY_KIND_LOCAL.get('person-name')!.synthetic!;
  for (const group of names.values()) {
    if (group.length < 2 || group.some((d) => d.synthetic)) {
      if (group.some((d) => d.synthetic)) for (const d of group) if (group.length <= 3) d.synthetic = true;
      continue;
    }
    const joined = group.map((d) => d.value).join(' ');
    if (test(joined) || test(group.map((d) => d.value).reverse().join(' '))) for (const d of group) d.synthetic = true;
  }
  return ds;
}

const BY_STANDALONE = new Set(RECOGNIZERS.filter((r) => r.standalone).map((r) => r.kind));

function groupOf(m: RegExpExecArray): [number, number] | undefined {
  const idx = m.indices;
  if (!idx) return [m.index, m.index + m[0].length];
  if (idx.length === 1) return idx[0];
  for (let k = 1; k < idx.length; k++) {
    // Capturing groups used as back-references (separators) are empty or single characters.
    const g = idx[k];
    if (g && m[k] !== undefined && m[k]!.length > 1) return g;
  }
  return undefined;
}

/** A structured value: the recognizers whose labels name the field judge it; the best wins. */
function judgeField(text: string, f: Field, recs: readonly Recognizer[], opts: DetectOptions, patientOk: boolean): Detection | undefined {
  let s = f.start;
  let e = f.end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s || e - s > 512) return undefined;
  const value = text.slice(s, e);
  const ls = text.lastIndexOf('\n', s - 1) + 1;
  let le = text.indexOf('\n', s);
  if (le === -1) le = text.length;
  let best: Detection | undefined;
  for (const r of recs) {
    if (!r.labels?.test(f.label) || r.antiLabels?.test(f.label)) continue;
    // Staff and organisations (FHIR Practitioner, Organization) are not patients.
    if (!patientOk && r.kind !== 'npi' && r.kind !== 'dea-number' && r.kind !== 'medical-license') continue;
    const line = text.slice(ls, le);
    const ctx: JudgeContext = {
      label: f.label,
      labelled: true,
      structured: true,
      patient: patientOk && (opts.clinical === true || PATIENT_RE.test(line) || /patient|member|pid|nk1|gt1|in1|pv1/.test(f.label)),
      textClass: opts.textClass === 'code' ? 'data' : opts.textClass,
      line,
      col: s - ls,
      nowYear: opts.nowYear,
    };
    const score = r.judge(value, ctx);
    if (score >= MIN_KEEP && (!best || score > best.score)) {
      best = { kind: r.kind, start: s, end: e, value, score, record: f.record, synthetic: r.synthetic?.(value) ?? false, label: f.label, ...(f.where ? { where: f.where } : {}) };
    }
  }
  return best;
}

function detectValues(text: string, recs: readonly Recognizer[], opts: DetectOptions): Detection[] {
  const out: Detection[] = [];
  for (const r of recs) {
    for (const p of [r.pattern, r.valuePattern]) {
      if (!p) continue;
      const re = new RegExp(p.source, p.flags);
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const g = groupOf(m);
        if (!g) continue;
        const value = text.slice(g[0], g[1]);
        const ls = text.lastIndexOf('\n', g[0] - 1) + 1;
        const ctx: JudgeContext = { label: r.kind, labelled: true, structured: true, patient: true, textClass: 'data', line: text.slice(ls), col: g[0] - ls, nowYear: opts.nowYear, valueMode: true };
        const score = r.judge(value, ctx);
        if (score >= 0.55) out.push({ kind: r.kind, start: g[0], end: g[1], value, score, record: 'v', synthetic: r.synthetic?.(value) ?? false });
      }
    }
  }
  return merge(out);
}

/** Overlapping candidates: keep the higher score (then the longer span). */
export function merge(ds: Detection[]): Detection[] {
  ds.sort((a, b) => a.start - b.start || b.score - a.score || b.end - a.end);
  const out: Detection[] = [];
  for (const d of ds) {
    const last = out[out.length - 1];
    if (last && d.start < last.end) {
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
function coOccur(ds: Detection[]): Detection[] {
  const anchored = new Set<string>();
  for (const d of ds) if (ANCHORS.has(d.kind) && d.score >= ANCHOR_MIN && !d.synthetic) anchored.add(d.record);
  for (const d of ds) {
    if (d.score < ANCHOR_MIN && BOOSTABLE.has(d.kind) && anchored.has(d.record)) {
      const otherAnchor = ds.some((o) => o !== d && o.record === d.record && ANCHORS.has(o.kind) && o.score >= ANCHOR_MIN && !o.synthetic);
      if (otherAnchor) d.score = Math.min(0.85, d.score + 0.35);
    }
  }
  return ds;
}
