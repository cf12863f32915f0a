/**
 * Fixed-width exports (claims extracts, OASIS and registry files, mainframe feeds) have no
 * delimiters and no header: a record is `OCAMPO            GUADALUPE     19270618F97023...`, its
 * layout in a document elsewhere. The columns are inferred from the records themselves, and only
 * where the evidence is strong:
 *
 * - a name column: a word starts at the same position in most records, and most of those words
 *   are in the name lists;
 * - a date column: a valid date (`19270618`, `1927-06-18`, `06/18/1927`) at the same position in
 *   most records, even glued to the next field (`2024011220240112`);
 * - an NPI column: ten digits that pass the NPI check at the same position in nearly every record
 *   (a random ten digits pass one time in ten).
 *
 * Records must be padded to one length, as fixed-width records are (a log or a note has lines of
 * every length). Dates and NPIs are reported only in records that name a person: a file of dates alone is a
 * schedule, not a patient. Of several date columns, the one whose years lie furthest back (and
 * at least fifteen years back) is the birth date; the others are dates of the patient's care.
 */
import { tokenEvidence } from '../names.js';
import { normalizeLabel } from '../labels.js';
import { parseDate, validNpi } from '../validators.js';
import type { Field } from './types.js';

/** Records shorter than this are prose or code, not a fixed-width layout. */
const MIN_RECORD = 40;
const MIN_RECORDS = 3;
const MAX_RECORD_TYPES = 6;
/** Columns are inferred from this many records of a kind (all of them are then read). */
const SAMPLE = 2000;

interface Rec {
  text: string;
  start: number;
}

interface Column {
  at: number;
  /** Characters the value takes (names: up to the next column or a double blank). */
  width: number;
  kind: 'name' | 'date' | 'npi' | 'address';
}

export function fixedWidthFields(text: string, nowYear: number): Field[] {
  const declared = declaredLayoutFields(text);
  if (declared) return declared;
  const groups = new Map<string, Rec[]>();
  let start = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const line = text.slice(start, nl).replace(/\r$/, '');
    // Record types lead the record (`H` claim header, `L` service line): each type is its own layout.
    // A line led by blanks or holding a tab is indented prose or a tab-separated table.
    if (line.trimEnd().length >= MIN_RECORD && line[0] !== ' ' && !line.includes('\t')) {
      const key = line[0]!;
      const g = groups.get(key);
      if (g) g.push({ text: line, start });
      else groups.set(key, [{ text: line, start }]);
    }
    start = nl + 1;
  }
  const out: Field[] = [];
  // A leading record type takes a few values (`H`, `D`, `T`); many distinct first characters mean the
  // records start with data (an MBI, an id), and are all of one layout.
  const kinds = groups.size > MAX_RECORD_TYPES ? [[...groups.values()].flat().sort((a, b) => a.start - b.start)] : [...groups.values()];
  for (const recs of kinds) if (recs.length >= MIN_RECORDS) out.push(...groupFields(recs, nowYear));
  return out;
}

/** A column in a layout comment: `13-32 LAST`, `48-55 DOB(YYYYMMDD)` (1-based, inclusive). */
const LAYOUT_COLUMN_RE = /(?<![\w-])(\d{1,4})\s*-\s*(\d{1,4})\s+([A-Za-z][\w/-]*)/g;
const COMMENT_RE = /^\s*(?:#|\*|\/\/|--|;)/;

/**
 * A fixed-width file that states its own layout in the comment lines at its top
 * (`# 1-12 CERT_NO | 13-32 LAST | 33-47 FIRST | 48-55 DOB(YYYYMMDD)`): every record is cut at
 * those columns and each value is labelled by its column's name. Three columns or more.
 */
function declaredLayoutFields(text: string): Field[] | undefined {
  const columns: Array<{ from: number; to: number; label: string }> = [];
  let start = 0;
  let lineNo = 0;
  // The layout: comment lines before the first record.
  while (start < text.length && lineNo < 20) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const line = text.slice(start, nl);
    if (!COMMENT_RE.test(line)) break;
    for (const m of line.matchAll(LAYOUT_COLUMN_RE)) {
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (from >= 1 && to >= from && to - from < 200) columns.push({ from: from - 1, to, label: normalizeLabel(m[3]!.replace(/\(.*$/, '')) });
    }
    start = nl + 1;
    lineNo++;
  }
  if (columns.length < 3) return undefined;
  // A layout with a person's name or birth date: each record is about that person.
  const person = columns.some((c) => /(?:^|_)(?:last|first|name|dob|birth|birth_date|patient|member)(?:_|$)/.test(c.label));
  const out: Field[] = [];
  let record = 0;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    const line = text.slice(start, nl).replace(/\r$/, '');
    if (line.trim() !== '' && !COMMENT_RE.test(line)) {
      record++;
      for (const c of columns) {
        if (c.from >= line.length) continue;
        const raw = line.slice(c.from, Math.min(c.to, line.length));
        const lead = raw.length - raw.trimStart().length;
        const v = raw.trim();
        if (v) out.push({ label: c.label, start: start + c.from + lead, end: start + c.from + lead + v.length, record: `fw${record}`, where: `columns ${c.from + 1}-${c.to}`, ...(person ? { patient: true } : {}) });
      }
    }
    start = nl + 1;
  }
  // A column of dates whose name does not say so (`EXAM`, `COLLECTED`) is a date column.
  const byLabel = new Map<string, Field[]>();
  for (const f of out) byLabel.set(f.label, [...(byLabel.get(f.label) ?? []), f]);
  for (const [label, cells] of byLabel) {
    if (/dob|birth|date|time|(?:^|_)(?:dt|ts)(?:_|$)/.test(label)) continue;
    const dates = cells.filter((f) => parseDate(text.slice(f.start, f.end))?.day !== undefined).length;
    if (dates >= 2 && dates >= cells.length * 0.8) for (const f of cells) f.label = `${label}_date`;
  }
  return out;
}

function groupFields(recs: Rec[], nowYear: number): Field[] {
  // Fixed width means padded to the record length: a log or a note has lines of every length.
  const lengths = new Map<number, number>();
  for (const r of recs) lengths.set(r.text.length, (lengths.get(r.text.length) ?? 0) + 1);
  if (Math.max(...lengths.values()) < recs.length * 0.8) return [];
  const sample = recs.slice(0, SAMPLE);
  const names = nameColumns(sample);
  if (names.length === 0 || proseAround(sample, names)) return [];
  const dates = dateColumns(sample, names);
  const npis = npiColumns(sample, [...names, ...dates]);
  const addresses = addressColumns(sample);
  const birth = birthColumn(sample, dates, nowYear);
  const out: Field[] = [];
  for (const r of recs) {
    const record = `FW${r.start}`;
    const cells: Field[] = [];
    for (const c of [...names, ...dates, ...npis, ...addresses]) {
      const v = cellAt(r.text, c);
      if (!v) continue;
      const label = c.kind === 'name' ? 'patient_name' : c.kind === 'npi' ? 'npi' : c.kind === 'address' ? 'street_address' : c === birth ? 'date_of_birth' : 'date';
      cells.push({ label, start: r.start + c.at, end: r.start + c.at + v.length, record, where: `column ${c.at + 1}`, patient: true });
    }
    // A record whose name cells are all empty names no one.
    if (cells.some((f) => f.label === 'patient_name')) out.push(...cells);
  }
  return out;
}

/**
 * Lower-case words outside the name cells (`#SUP-5344  opened 03/04/2024 by A. Ferreira`): a
 * template of prose lines that happen to be one length, not records.
 */
function proseAround(recs: Rec[], names: readonly Column[]): boolean {
  let prose = 0;
  for (const r of recs) {
    let rest = r.text;
    for (const c of names) {
      const v = cellAt(r.text, c);
      if (v) rest = rest.slice(0, c.at) + ' '.repeat(v.length) + rest.slice(c.at + v.length);
    }
    if (/[a-z]{2}/.test(rest)) prose++;
  }
  return prose > recs.length * 0.1;
}

/** A house number, then words, up to a double blank (`17301 W ALBERTA ST SPC 41`). */
const ADDRESS_CELL = /^\d{1,6}[A-Z]?(?: [NSEW]\.?)? \p{L}[\p{L}0-9'.#-]*(?: [\p{L}0-9#][\p{L}0-9'.#-]*)*/u;

/**
 * An address column: a house number and words after a blank at the same position in most records,
 * and a street type among the words of most of them (a column of quantities and codes has none).
 */
function addressColumns(recs: Rec[]): Column[] {
  const need = Math.max(MIN_RECORDS, Math.ceil(recs.length * 0.6));
  // Candidate positions: a house number after a blank in some record. The field before it may be
  // full in others (`7239WA10849 NE FOURTH PLAIN BLVD`): there the number is glued, at the same place.
  const candidates = new Set<number>();
  for (const r of recs) {
    for (let i = 1; i < r.text.length; i++) if (r.text[i - 1] === ' ' && /\d/.test(r.text[i]!) && ADDRESS_CELL.test(r.text.slice(i, i + 60))) candidates.add(i);
  }
  const cols: Column[] = [];
  for (const at of candidates) {
    if (at > 0 && cols.some((c) => at > c.at && at < c.at + c.width)) continue;
    let typed = 0;
    let width = 0;
    for (const r of recs) {
      const m = ADDRESS_CELL.exec(r.text.slice(at, at + 60));
      if (!m || (at > 0 && /\d/.test(r.text[at - 1]!))) continue;
      width = Math.max(width, m[0].length);
      if (STREET_WORD.test(m[0])) typed++;
    }
    if (typed >= need) cols.push({ at, width, kind: 'address' });
  }
  return cols;
}

const STREET_WORD = /\b(?:ST|STREET|AVE|AVENUE|RD|ROAD|BLVD|DR|DRIVE|LN|LANE|WAY|CT|COURT|PL|PLACE|HWY|HIGHWAY|PKWY|TER|CIR|LOOP|TRL|PIKE|ROW|SQ)\b/i;

function cellAt(line: string, c: Column): string | undefined {
  if (c.kind === 'name') {
    const m = NAME_CELL.exec(line.slice(c.at, c.at + c.width));
    return m ? m[0] : undefined;
  }
  if (c.kind === 'address') {
    const m = ADDRESS_CELL.exec(line.slice(c.at, c.at + c.width));
    return m ? m[0] : undefined;
  }
  const v = line.slice(c.at, c.at + c.width);
  if (c.kind === 'date') return dateAt(line, c.at, c.width) !== undefined ? v : undefined;
  return validNpi(v) ? v : undefined;
}

/** A name cell: letters, with single blanks, hyphens or apostrophes inside (`DE LA CRUZ`, `O'NEIL`). */
const NAME_CELL = /^\p{L}[\p{L}'’.-]*(?: \p{L}[\p{L}'’.-]*)*/u;
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

function nameColumns(recs: Rec[]): Column[] {
  // Where words start: after a blank, a letter that the previous record's column would also hold.
  const starts = new Map<number, number>();
  for (const r of recs) {
    // After a blank, or glued to the end of a numeric field (`2024-12-31RAFAEL`).
    for (let i = 1; i < r.text.length; i++) {
      const before = r.text.charCodeAt(i - 1);
      if ((before === 32 || (before >= 48 && before <= 57)) && isLetter(r.text[i])) starts.set(i, (starts.get(i) ?? 0) + 1);
    }
    // The record leads with its first field, or with a one-character record type glued to it
    // (`DPETTIBONE           CALEB ...`, `D` for detail): both are tried, the name lists decide.
    if (isLetter(r.text[0])) starts.set(0, (starts.get(0) ?? 0) + 1);
    if (isLetter(r.text[1])) starts.set(1, (starts.get(1) ?? 0) + 1);
  }
  const need = Math.max(MIN_RECORDS, Math.ceil(recs.length * 0.6));
  const ats = [...starts].filter(([, n]) => n >= need).map(([at]) => at).sort((a, b) => a - b);
  const cols: Column[] = [];
  for (let k = 0; k < ats.length; k++) {
    const at = ats[k]!;
    const width = (ats[k + 1] ?? Infinity) - at;
    const values = new Set<string>();
    let longestCell = 0;
    for (const r of recs) {
      const m = NAME_CELL.exec(r.text.slice(at, at + Math.min(width, 40)));
      if (!m) continue;
      values.add(m[0].toLowerCase());
      longestCell = Math.max(longestCell, m[0].length);
    }
    // Most of the column's distinct words are known names, and at least two of them.
    let known = 0;
    for (const v of values) if (v.split(/[ -]/).some((t) => tokenEvidence(t, 'any') === 2)) known++;
    if (known >= 2 && known >= values.size * 0.5) cols.push({ at, width: longestCell, kind: 'name' });
  }
  return cols;
}

/** The shapes a date column may take: `19270618`, `1927-06-18`, `06/18/1927`. */
const DATE_SHAPE: Record<number, RegExp> = { 8: /^\d{8}$/, 10: /^(?:\d{4}-\d\d-\d\d|\d\d\/\d\d\/\d{4})$/ };

/** The year of the date at `at` (a real month and day, 1880-2100), or undefined. */
function dateAt(line: string, at: number, width: number): number | undefined {
  const s = line.slice(at, at + width);
  if (!DATE_SHAPE[width]?.test(s)) return undefined;
  const p = parseDate(s);
  return p?.year !== undefined && p.day !== undefined && p.year >= 1880 && p.year <= 2100 ? p.year : undefined;
}

const overlaps = (at: number, width: number, taken: readonly Column[]): boolean => taken.some((c) => at < c.at + c.width && c.at < at + width);

function dateColumns(recs: Rec[], taken: readonly Column[]): Column[] {
  const need = Math.max(MIN_RECORDS, Math.ceil(recs.length * 0.8));
  const cols: Column[] = [];
  const longest = Math.max(...recs.map((r) => r.text.length));
  for (const width of [10, 8]) {
    for (let at = 0; at + width <= longest; at++) {
      if (overlaps(at, width, [...taken, ...cols])) continue;
      let n = 0;
      const values = new Map<string, number>();
      for (const r of recs) {
        if (dateAt(r.text, at, width) === undefined) continue;
        n++;
        const v = r.text.slice(at, at + width);
        values.set(v, (values.get(v) ?? 0) + 1);
      }
      // One date in (nearly) every record is the file's (a reporting period, a run date), not each person's.
      if (n >= need && Math.max(...values.values()) < n * 0.9) cols.push({ at, width, kind: 'date' });
    }
  }
  return cols;
}

function npiColumns(recs: Rec[], taken: readonly Column[]): Column[] {
  const need = Math.max(MIN_RECORDS, Math.ceil(recs.length * 0.9));
  const cols: Column[] = [];
  const longest = Math.max(...recs.map((r) => r.text.length));
  for (let at = 0; at + 10 <= longest; at++) {
    if (overlaps(at, 10, [...taken, ...cols])) continue;
    let n = 0;
    const values = new Set<string>();
    for (const r of recs) {
      const v = r.text.slice(at, at + 10);
      if (/^\d{10}$/.test(v) && validNpi(v)) {
        n++;
        values.add(v);
      }
    }
    if (n >= need && values.size >= 2) cols.push({ at, width: 10, kind: 'npi' });
  }
  return cols;
}

/** The date column whose median year lies furthest back, if that is at least fifteen years ago and none is in the future. */
function birthColumn(recs: Rec[], dates: readonly Column[], nowYear: number): Column | undefined {
  let best: Column | undefined;
  let bestMedian = Infinity;
  for (const c of dates) {
    const years: number[] = [];
    for (const r of recs) {
      const y = dateAt(r.text, c.at, c.width);
      if (y !== undefined) years.push(y);
    }
    years.sort((a, b) => a - b);
    const median = years[years.length >> 1]!;
    if (years[years.length - 1]! > nowYear || median > nowYear - 15) continue;
    if (median < bestMedian) [best, bestMedian] = [c, median];
  }
  return best;
}
