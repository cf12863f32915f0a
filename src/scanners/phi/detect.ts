/**
 * The PHI detection core shared by the scanner and `redact`: free-text candidates from each
 * recognizer's pattern, judged with inline labels and clinical context, plus structured fields
 * judged by their key; settle.ts then merges overlaps and lets co-occurrence raise values that sit
 * beside a name, MRN or SSN in the same record.
 */
import { codeSpans, inSpans } from './code.js';
import { antiLabelled, CLINICAL_PATH_RE, inlineLabel, normalizeLabel, PATIENT_RE } from './labels.js';
import { selectLines, toOriginal, type Selection } from './prefilter.js';
import { clinicalSignal } from './signal.js';
import { BY_KIND, RECOGNIZERS } from './recognizers/index.js';
import { coOccur, dropAgainstStructure, merge, syntheticRecords, testValue, testValues } from './settle.js';
import { documentedTestName } from './synthetic.js';
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
  /** Value mode: the label of the field the text is the value of (default: the kind). */
  valueLabel?: string;
  /** Precomputed `clinicalSignal(text, path)`. */
  signal?: boolean;
  /**
   * Mark documented test values (`synthetic`) on every detection (default true). `redact` masks
   * test values like any other and turns this off: they are then judged only where co-occurrence
   * needs to know (a test name does not raise the date beside it).
   */
  markTestValues?: boolean;
}

export { clinicalSignal, worthScanning } from './signal.js';

const MIN_KEEP = 0.15;
/** A name key holding an obviously made-up name (`name: 'Test Child'`): the record is test data. */
const NAME_KEY_RE = /(?:^|_)(?:name|full_name|first_name|last_name|patient_name)$/;
/** Values an API description or schema shows as a sample (`example: "Jane Smith"` in OpenAPI). */
const DOC_LABEL_RE = /(?:^|_)(?:example|examples|placeholder|sample_value|default)$/;
const QUOTE = new Set(['"', "'", '`']);
/**
 * `key=value`, `key: "value"`, `"key":"value"`, and a quoted value as a builder or block argument
 * (`.postalCode("60804")`, FactoryBot's `first_name { 'Marco' }`), the first item of a list
 * (`given: ['Min-jun']`) or the argument of a call (`DOB: mustDate("1933-06-06")`,
 * `birthDate = LocalDate.parse("1990-01-17")`): group 1 the key, 2 and 3 a
 * double- or single-quoted value (the other quote may sit inside: "D'Angelo"), 4 a bare one.
 */
// No `d` flag: the value ends the match (bare) or sits before its closing quote, so its offset
// follows from the lengths, without an indices array per pair (hundreds of thousands in a large log).
// `=>` too: PHP arrays and Ruby hashes (`'name' => 'Ana Reyes'`); and `==`, a comparison with a
// literal (`if mrn == "00531577"`, `filter(admit_date == as.Date("2023-12-06"))`).
// The lookbehind stops the regex from retrying at every letter inside every word (half its cost on a
// log). It changes no key of up to 41 characters: such a key starts at the first letter of its word,
// which never follows a letter. A longer run now keys from a later segment start (`a.b_c`), not from
// whatever letter leaves 41 characters.
const KV_RE = /(?<![A-Za-z])([A-Za-z][\w.-]{0,40})["']?[ \t]*(?:===?|=>|[:=]|[({](?=[ \t]*["']))[ \t]*(?:(?:\[|[A-Za-z_][\w.]{0,30}\()[ \t]*(?=["']))?(?:"([^"\n]{1,80})"|'([^'\n]{1,80})'|([^\s"',;&{}\[\]()<>]{1,80}))/g;

/**
 * A URL-encoded value decoded, or the value itself when it is not one. In a query string (after `?`
 * or `&`) `+` is a space too; elsewhere it stays (`phone=+13125550100`).
 */
function queryDecoded(raw: string, inQuery: boolean): string {
  const plus = inQuery && raw.includes('+');
  if (!plus && !/%[0-9A-Fa-f]{2}/.test(raw)) return raw;
  try {
    return decodeURIComponent(plus ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return raw;
  }
}

export function detect(text: string, opts: DetectOptions): Detection[] {
  const recs = RECOGNIZERS.filter((r) => !opts.kinds || opts.kinds.has(r.kind));
  if (opts.valueKinds) return detectValues(text, recs.filter((r) => opts.valueKinds!.includes(r.kind)), opts);
  const clinicalFile = opts.clinical === true || (opts.path !== undefined && CLINICAL_PATH_RE.test(opts.path));
  // PHI is health information: without any clinical signal in the file only the kinds whose shape
  // alone is sensitive (SSN, Medicare MBI, device UDI) are looked for. This is also the cheap path
  // that keeps ordinary source code fast.
  const signal = clinicalFile || (opts.signal ?? clinicalSignal(text, opts.path));
  const active = signal ? recs : recs.filter((r) => r.standalone);
  let spans: number[] | undefined;
  const inCode = (offset: number): boolean => {
    if (opts.textClass !== 'code') return true;
    spans ??= codeSpans(text, opts.path ?? '');
    return inSpans(spans, offset);
  };
  const out: Detection[] = [];
  // Free-text recognizers look only at lines with a label word or an identifier shape.
  const sel: Selection = signal ? selectLines(text) : { text, map: [0, 0], all: true };
  const sub = sel.text;
  // Line starts of the selection, built on first use (minified files are one huge line: no rescans).
  let subStarts: number[] | undefined;
  const lineBounds = (offset: number): [number, number] => {
    if (!subStarts) {
      subStarts = [0];
      for (let i = sub.indexOf('\n'); i !== -1; i = sub.indexOf('\n', i + 1)) subStarts.push(i + 1);
    }
    let lo = 0;
    let hi = subStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (subStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const next = subStarts[lo + 1];
    return [subStarts[lo]!, next === undefined ? sub.length : next - 1];
  };
  const patientCache = new Map<number, boolean>();
  const patientAt = (lineStart: number, lineEnd: number, at: number): boolean => {
    if (clinicalFile) return true;
    // Clinical words near the value: on its line (within a window, minified files are one line) or the line above.
    const key = lineEnd - lineStart > 400 ? -1 - at : lineStart;
    let v = patientCache.get(key);
    if (v === undefined) {
      const prevStart = lineStart > 0 ? lineBounds(lineStart - 1)[0] : lineStart;
      const from = Math.max(prevStart, at - 200);
      v = PATIENT_RE.test(sub.slice(from, Math.min(lineEnd, at + 200)));
      patientCache.set(key, v);
    }
    return v;
  };

  for (const r of active) {
    if (r.trigger && !r.trigger.test(sub)) continue;
    for (const re of signal ? [r.pattern, r.labelPattern, r.codePattern] : [r.pattern]) {
    if (!re) continue;
    const codeForm = re === r.codePattern;
    const fast = fastOf(re);
    const plain = fast.plain;
    for (const [from, hay] of re === r.pattern && r.literal ? linesWith(sub, r.literal) : [[0, sub] as const]) {
    plain.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = plain.exec(hay)) !== null) {
      if (m[0].length === 0) {
        plain.lastIndex++;
        continue;
      }
      const g = groupOf(m, hay, fast.exact);
      if (!g) continue;
      let start = g[0] + from;
      let end = g[1] + from;
      // A whole quoted value (`name: "Hyun-woo Park"`) is the value as written: "Park" stays a surname.
      if (r.trim && !(QUOTE.has(sub[start - 1]!) && sub[end] === sub[start - 1])) {
        const t = r.trim(sub.slice(start, end));
        if (!t) continue;
        [start, end] = [start + t[0], start + t[1]];
      }
      if (r.quick && !r.quick(sub.slice(start, end), sub.slice(Math.max(0, start - 40), start))) continue;
      const origStart = toOriginal(sel, start);
      if (!codeForm && !inCode(origStart)) continue;
      const [ls, le] = lineBounds(start);
      // Long (minified) lines: judge within a window around the value.
      const ws = le - ls > 2000 ? Math.max(ls, start - 300) : ls;
      const we = le - ls > 2000 ? Math.min(le, end + 300) : le;
      const line = sub.slice(ws, we);
      const col = start - ws;
      const label = inlineLabel(line, codeForm ? Math.max(0, m.index + from - ws) : col);
      const says = label === undefined ? LABEL_NONE : labelSays(r, label);
      if (says === LABEL_AGAINST) continue;
      const value = sub.slice(start, end);
      const ctx: JudgeContext = {
        label,
        labelled: says === LABEL_FOR,
        structured: false,
        patient: patientAt(ls, le, start),
        textClass: opts.textClass,
        line,
        col,
        nowYear: opts.nowYear,
      };
      const score = r.judge(value, ctx);
      if (score < MIN_KEEP) continue;
      const lineStart = origStart - (start - ls);
      // No object spread for the optional label: this runs once per candidate.
      const d: Detection = { kind: r.kind, start: origStart, end: origStart + (end - start), value, score, record: lineStart, synthetic: false };
      if (label) d.label = label;
      out.push(d);
    }
    }
    }
  }

  // key=value / key: value pairs in free text (logs, prose, code literals): the key is the label.
  if (signal) {
    // Keys repeat (every log line has the same few): which recognizers a key names is decided once
    // per set of active recognizers, and kept across calls (`redact` calls this per batch).
    const kvCache = keyCache(active);
    KV_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = KV_RE.exec(sub)) !== null) {
      const q = m[2] ?? m[3];
      const quoted = q !== undefined;
      const vEnd = m.index + m[0].length - (quoted ? 1 : 0);
      const vIdx = [vEnd - (q ?? m[4]!).length, vEnd] as const;
      const key = m[1]!;
      let entry = kvCache.get(key);
      if (!entry) {
        const label = normalizeLabel(key);
        // A documentation key (`example:`) labels no recognizer: decided once per key, not per pair.
        entry = { label, recs: DOC_LABEL_RE.test(label) ? [] : active.filter((r) => r.labels?.test(label) && !antiLabelled(r.antiLabels, label)) };
        if (kvCache.size >= CACHE_MAX) kvCache.clear();
        kvCache.set(key, entry);
      }
      const { label, recs: candidates } = entry;
      if (candidates.length === 0) continue;
      const origStart = toOriginal(sel, vIdx[0]);
      const [ls, le] = lineBounds(vIdx[0]);
      if (quoted && NAME_KEY_RE.test(label) && documentedTestName(q)) {
        // Not reported itself (synthetic); it marks its record as test data (syntheticRecords).
        out.push({ kind: 'person-name', start: origStart, end: origStart + q.length, value: q, score: 1, record: origStart - (vIdx[0] - ls), synthetic: true, label });
        continue;
      }
      if (!inCode(origStart)) continue;
      const raw = sub.slice(vIdx[0], vIdx[1]);
      // A query string in an access log (`name=Pieter%20van%20der%20Berg`): judged decoded.
      const value = quoted ? raw : queryDecoded(raw, m.index > 0 && (sub[m.index - 1] === '?' || sub[m.index - 1] === '&'));
      const line = sub.slice(ls, le);
      let best: Detection | undefined;
      for (const r of candidates) {
        const score = r.judge(value, { label, labelled: true, structured: false, patient: patientAt(ls, le, vIdx[0]), textClass: opts.textClass, line, col: vIdx[0] - ls, nowYear: opts.nowYear });
        if (score >= MIN_KEEP && (!best || score > best.score)) best = { kind: r.kind, start: origStart, end: origStart + raw.length, value, score, record: origStart - (vIdx[0] - ls), synthetic: false, label };
      }
      if (best && value !== raw) best.urlEncoded = true;
      if (best) out.push(best);
    }
  }

  const fields = signal ? (opts.fields ?? []) : [];
  if (fields.length > 0) {
    const kept = dropAgainstStructure(out, fields);
    out.length = 0;
    out.push(...kept);
  }
  for (const f of fields) {
    const d = judgeField(text, f, active, opts, !f.nonPatient);
    if (d) out.push(d);
  }
  const result = splitTails(
    opts.markTestValues === false ? coOccur(merge(out), testValue) : syntheticRecords(coOccur(testValues(merge(out)), (d) => d.synthetic), fields, text),
  );
  return opts.path !== undefined && PEOPLE_FILE_RE.test(opts.path) ? result.filter((d) => !PEOPLE_KINDS.has(d.kind) || PATIENT_LABEL_RE.test(d.label ?? '')) : result;
}

/**
 * Changelogs, author lists and licences name contributors and copyright holders, often beside the
 * word "patient" (a fix to patient search, thanks to ...); security and support policies give the
 * maintainers' address. A name, email or phone number there is PHI only under a patient label.
 */
const PEOPLE_KINDS = new Set(['person-name', 'email-address', 'phone-number']);
const PEOPLE_FILE_RE = /(?:^|\/)(?:CHANGELOG|CHANGES|HISTORY|RELEASE[-_]?NOTES|AUTHORS|CONTRIBUTORS|MAINTAINERS|CODEOWNERS|NOTICE|LICEN[CS]E|COPYING|CREDITS|THANKS|SECURITY|SUPPORT|CODE[-_]OF[-_]CONDUCT|CONTRIBUTING|GOVERNANCE)(?:\.[\w.-]+)?$/i;
const PATIENT_LABEL_RE = /(?:^|_)(?:patient|pt|pid_5|member|subscriber|insured|guarantor|next_of_kin|nok)(?:_|$)/;


/**
 * What was settled and is kept, with an identifier of another kind at the end of a value reported
 * on its own (a street address's ZIP): after the merge and the structure's verdicts, so the tail
 * shares its head's fate (a clinic's address drops its ZIP with it).
 */
function splitTails(ds: Detection[]): Detection[] {
  let out: Detection[] | undefined;
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    const tail = d.start >= 0 && d.end - d.start === d.value.length ? BY_KIND.get(d.kind)?.tail?.(d.value) : undefined;
    if (!tail) {
      out?.push(d);
      continue;
    }
    out ??= ds.slice(0, i);
    const head = d.value.slice(0, tail.at).replace(/[\s,]+$/, '');
    out.push({ ...d, value: head, end: d.start + head.length });
    out.push({ ...d, kind: tail.kind, start: d.start + tail.at, value: d.value.slice(tail.at) });
  }
  return out ?? ds;
}

const LABEL_NONE = 0;
const LABEL_FOR = 1;
const LABEL_AGAINST = 2;
/** Bounds the label caches below: labels come from the scanned text, so their number has no limit. */
const CACHE_MAX = 4096;
const labelVerdicts = new Map<Recognizer, Map<string, number>>();

/**
 * What an inline label says about a recognizer's candidate: names its kind (LABEL_FOR), rules it
 * out (an anti-label or a documentation key: LABEL_AGAINST), or neither. Labels repeat on every
 * line of a log, and the label regexes are long alternations: each pair is tested once.
 */
function labelSays(r: Recognizer, label: string): number {
  let m = labelVerdicts.get(r);
  if (!m) labelVerdicts.set(r, (m = new Map()));
  let v = m.get(label);
  if (v === undefined) {
    v = antiLabelled(r.antiLabels, label) || DOC_LABEL_RE.test(label) ? LABEL_AGAINST : r.labels?.test(label) ? LABEL_FOR : LABEL_NONE;
    if (m.size >= CACHE_MAX) m.clear();
    m.set(label, v);
  }
  return v;
}

const keyCaches = new Map<string, Map<string, { label: string; recs: Recognizer[] }>>();

/** The key -> recognizers cache of the KV pass for one set of active recognizers. */
function keyCache(active: readonly Recognizer[]): Map<string, { label: string; recs: Recognizer[] }> {
  const id = active.map((r) => r.kind).join(',');
  let c = keyCaches.get(id);
  if (!c) keyCaches.set(id, (c = new Map()));
  return c;
}

/**
 * The runs of consecutive lines of `text` that contain `literal`, each as [offset, text of the run]
 * (a sliced string, not a copy). A pattern whose matches hold the literal and never cross a line
 * finds the same matches in these runs as in the whole text: its look-arounds see the end of a run
 * as they saw the newline there.
 */
function linesWith(text: string, literal: string): Array<readonly [number, string]> {
  const runs: Array<[number, number]> = [];
  for (let i = text.indexOf(literal); i !== -1; ) {
    const ls = text.lastIndexOf('\n', i) + 1;
    let le = text.indexOf('\n', i);
    if (le === -1) le = text.length;
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === ls) last[1] = le;
    else runs.push([ls, le]);
    i = text.indexOf(literal, le);
  }
  return runs.map(([a, b]) => [a, a === 0 && b === text.length ? text : text.slice(a, b)] as const);
}

/**
 * A pattern without the `d` flag for the scan, and a sticky copy with it: a match's indices array
 * (an array per group, for every match: every timestamp of a log is a date candidate) is built
 * only when the value is not the whole match (`MRN: 12345`), by matching again where it began.
 */
interface FastPattern {
  plain: RegExp;
  exact: RegExp | undefined;
}
const fastPatterns = new WeakMap<RegExp, FastPattern>();

function fastOf(re: RegExp): FastPattern {
  let f = fastPatterns.get(re);
  if (!f) {
    const flags = re.flags.replace('d', '');
    f = re.hasIndices ? { plain: new RegExp(re.source, flags), exact: new RegExp(re.source, `${flags.replace('g', '')}yd`) } : { plain: re, exact: undefined };
    fastPatterns.set(re, f);
  }
  return f;
}

/**
 * The value's span in a match: the first capturing group longer than one character (groups used
 * as back-references hold a separator), or the whole match when the pattern has no groups or is
 * not one that reports them (no `d` flag).
 */
function groupOf(m: RegExpExecArray, hay: string, exact: RegExp | undefined): [number, number] | undefined {
  if (!exact || m.length === 1) return [m.index, m.index + m[0].length];
  for (let k = 1; k < m.length; k++) {
    const v = m[k];
    if (v === undefined || v.length <= 1) continue;
    // A group as long as the match is the match.
    if (v.length === m[0].length) return [m.index, m.index + v.length];
    exact.lastIndex = m.index;
    return exact.exec(hay)?.indices?.[k];
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
  const value = f.value ?? text.slice(s, e);
  const ls = text.lastIndexOf('\n', s - 1) + 1;
  let le = text.indexOf('\n', s);
  if (le === -1) le = text.length;
  let best: Detection | undefined;
  for (const r of recs) {
    if (!r.labels?.test(f.label) || antiLabelled(r.antiLabels, f.label)) continue;
    // Staff and organisations (FHIR Practitioner, Organization) are not patients.
    if (!patientOk && r.kind !== 'npi' && r.kind !== 'dea-number' && r.kind !== 'medical-license') continue;
    const line = text.slice(ls, le);
    const ctx: JudgeContext = {
      label: f.label,
      labelled: true,
      structured: true,
      patient: patientOk && (f.patient === true || opts.clinical === true || PATIENT_RE.test(line) || /patient|member|pid|nk1|gt1|in1|pv1/.test(f.label)),
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
    for (const p of [r.pattern, r.labelPattern, r.valuePattern]) {
      if (!p) continue;
      const { plain, exact } = fastOf(p);
      plain.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = plain.exec(text)) !== null) {
        if (m[0].length === 0) {
          plain.lastIndex++;
          continue;
        }
        const g = groupOf(m, text, exact);
        if (!g) continue;
        const value = text.slice(g[0], g[1]);
        const ls = text.lastIndexOf('\n', g[0] - 1) + 1;
        const ctx: JudgeContext = { label: opts.valueLabel ?? r.kind, labelled: true, structured: true, patient: true, textClass: 'data', line: text.slice(ls), col: g[0] - ls, nowYear: opts.nowYear, valueMode: true };
        const score = r.judge(value, ctx);
        if (score >= 0.55) out.push({ kind: r.kind, start: g[0], end: g[1], value, score, record: 'v', synthetic: r.synthetic?.(value) ?? false });
      }
    }
  }
  return merge(out);
}
